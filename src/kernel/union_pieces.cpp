#include "kernel/union_pieces.h"

#include <algorithm>
#include <numeric>

#include "kernel/mesh_properties.h"

namespace mos::kernel {
namespace {

// Calls f(a, b) for every pair of overlapping boxes: a sweep over the boxes
// sorted by their low x, comparing each with the boxes still open there.
template <typename F>
void ForEachOverlap(const std::vector<Box3>& boxes, F&& f) {
  std::vector<int> order(boxes.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](int a, int b) { return boxes[a].min.x < boxes[b].min.x; });
  std::vector<int> open;
  for (int c : order) {
    open.erase(std::remove_if(open.begin(), open.end(), [&](int o) { return boxes[o].max.x < boxes[c].min.x; }),
               open.end());
    for (int o : open)
      if (boxes[o].Overlaps(boxes[c])) f(o, c);
    open.push_back(c);
  }
}

// The connected components of one mesh: an id per triangle and a box per
// component.
struct ComponentBoxList {
  std::vector<int> ofTri;
  std::vector<Box3> boxes;
};

ComponentBoxList ComponentBoxes(const Mesh& mesh) {
  ComponentBoxList c;
  // A triangle naming a vertex that does not exist: the mesh is left whole
  // (for the boolean's own handling of bad input).
  const bool indicesValid = std::all_of(mesh.triVerts.begin(), mesh.triVerts.end(), [&](const auto& t) {
    return t[0] >= 0 && t[1] >= 0 && t[2] >= 0 && t[0] < mesh.NumVert() && t[1] < mesh.NumVert() &&
           t[2] < mesh.NumVert();
  });
  const int count = indicesValid ? ComponentIds(mesh, c.ofTri) : 1;
  if (count <= 1) c.ofTri.assign(mesh.NumTri(), 0);
  c.boxes.resize(std::max(count, 1));
  for (int t = 0; t < mesh.NumTri(); ++t)
    for (int v : mesh.triVerts[t]) c.boxes[c.ofTri[t]].Include(mesh.vertPos[v]);
  return c;
}

// The triangles of `mesh` with keep[t], in order, with their properties and
// twins (a kept triangle's twins are kept: twins stay in their component).
Mesh KeepTriangles(const Mesh& mesh, const std::vector<char>& keep) {
  Mesh out;
  std::vector<int> newVert(mesh.vertPos.size(), -1), newTri(mesh.NumTri(), -1);
  for (int t = 0; t < mesh.NumTri(); ++t) {
    if (!keep[t]) continue;
    std::array<int, 3> tri;
    for (int k = 0; k < 3; ++k) {
      int& nv = newVert[mesh.triVerts[t][k]];
      if (nv < 0) {
        nv = out.NumVert();
        out.vertPos.push_back(mesh.vertPos[mesh.triVerts[t][k]]);
      }
      tri[k] = nv;
    }
    newTri[t] = out.NumTri();
    out.triVerts.push_back(tri);
    out.triProp.push_back(t < static_cast<int>(mesh.triProp.size()) ? mesh.triProp[t] : 0);
  }
  // Twins, where the mesh has them (a boolean's result may not yet).
  if (mesh.halfedgeTwin.size() != 3 * mesh.triVerts.size()) return out;
  out.halfedgeTwin.resize(3 * out.triVerts.size());
  for (int t = 0; t < mesh.NumTri(); ++t) {
    if (!keep[t]) continue;
    for (int k = 0; k < 3; ++k) {
      const int twin = mesh.halfedgeTwin[3 * t + k];
      out.halfedgeTwin[3 * newTri[t] + k] = twin < 0 ? -1 : 3 * newTri[twin / 3] + twin % 3;
    }
  }
  return out;
}

}  // namespace

void AppendInto(Mesh& out, Mesh&& part) {
  if (out.NumTri() == 0) out = std::move(part);
  else AppendMesh(out, part);
}

std::vector<char> OverlapsAnother(const std::vector<Box3>& boxes) {
  std::vector<char> overlaps(boxes.size(), 0);
  ForEachOverlap(boxes, [&](int a, int b) { overlaps[a] = overlaps[b] = 1; });
  return overlaps;
}

void TakeIsolatedComponents(std::vector<Mesh>& meshes, Mesh& out) {
  std::vector<ComponentBoxList> parts;
  std::vector<Box3> boxes;
  std::vector<int> firstBox;
  for (const Mesh& m : meshes) {
    parts.push_back(ComponentBoxes(m));
    firstBox.push_back(static_cast<int>(boxes.size()));
    boxes.insert(boxes.end(), parts.back().boxes.begin(), parts.back().boxes.end());
  }
  // Boxes of one mesh's components count too: a hollow solid's inverted
  // inner shell lies in its outer shell's box and so is never taken alone.
  const std::vector<char> overlaps = OverlapsAnother(boxes);
  std::vector<Mesh> rest;
  for (size_t i = 0; i < meshes.size(); ++i) {
    const ComponentBoxList& c = parts[i];
    std::vector<char> isolated(c.ofTri.size());
    bool any = false, all = true;
    for (size_t t = 0; t < c.ofTri.size(); ++t) {
      isolated[t] = !overlaps[firstBox[i] + c.ofTri[t]];
      any = any || isolated[t];
      all = all && isolated[t];
    }
    if (!any) {
      rest.push_back(std::move(meshes[i]));
    } else if (all) {
      AppendInto(out, std::move(meshes[i]));
    } else {
      AppendInto(out, KeepTriangles(meshes[i], isolated));
      for (char& k : isolated) k = !k;
      rest.push_back(KeepTriangles(meshes[i], isolated));
    }
  }
  meshes.swap(rest);
}

}  // namespace mos::kernel
