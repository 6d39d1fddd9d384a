#include "kernel/union_pieces.h"

#include <algorithm>
#include <memory>
#include <mutex>
#include <numeric>

#include "kernel/boolean_operand.h"
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

// The connected components of one mesh: an id per triangle (found only
// when needed: `ofTriFound`) and a box per component.
struct ComponentBoxList {
  bool ofTriFound = false;
  std::vector<int> ofTri;
  std::vector<Box3> boxes;
};

// The components' ids per triangle; their count (1 when some index is
// invalid: the mesh is left whole, for the boolean's own handling of bad
// input).
int ComponentIdsOrOne(const Mesh& mesh, std::vector<int>& ofTri) {
  const unsigned nv = static_cast<unsigned>(mesh.NumVert());
  const bool indicesValid = std::all_of(mesh.triVerts.begin(), mesh.triVerts.end(), [&](const auto& t) {
    return static_cast<unsigned>(t[0]) < nv && static_cast<unsigned>(t[1]) < nv && static_cast<unsigned>(t[2]) < nv;
  });
  const int count = indicesValid ? ComponentIds(mesh, ofTri) : 1;
  if (count <= 1) ofTri.assign(mesh.NumTri(), 0);
  return std::max(count, 1);
}

// `fingerprint` (optional): the mesh's content fingerprint, with which a
// slot's stored boxes are looked up and new ones stored.
ComponentBoxList ComponentBoxes(const Mesh& mesh, const MeshFingerprint* fingerprint) {
  ComponentBoxList c;
  std::shared_ptr<PreparedSlot> slot = fingerprint ? mesh.prepared : nullptr;
  if (slot) {
    std::lock_guard<std::mutex> lock(slot->mutex);
    if (slot->componentsKnown && slot->componentsFor == *fingerprint) {
      c.boxes = slot->componentBoxes;
      return c;
    }
  }
  const int count = ComponentIdsOrOne(mesh, c.ofTri);
  c.ofTriFound = true;
  c.boxes.resize(count);
  // A corner index out of range (bad input, which the boolean then turns
  // down) adds nothing rather than reading past the positions.
  const unsigned nv = static_cast<unsigned>(mesh.NumVert());
  for (int t = 0; t < mesh.NumTri(); ++t)
    for (int v : mesh.triVerts[t])
      if (static_cast<unsigned>(v) < nv) c.boxes[c.ofTri[t]].Include(mesh.vertPos[v]);
  if (slot) {
    std::lock_guard<std::mutex> lock(slot->mutex);
    slot->componentsKnown = true;
    slot->componentsFor = *fingerprint;
    slot->componentBoxes = c.boxes;
  }
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
  TakeIsolatedComponents(meshes, out, std::vector<const MeshFingerprint*>(meshes.size(), nullptr));
}

bool TakeIsolatedComponents(std::vector<Mesh>& meshes, Mesh& out,
                            const std::vector<const MeshFingerprint*>& fingerprints) {
  std::vector<ComponentBoxList> parts;
  std::vector<Box3> boxes;
  std::vector<int> firstBox;
  for (size_t i = 0; i < meshes.size(); ++i) {
    parts.push_back(ComponentBoxes(meshes[i], i < fingerprints.size() ? fingerprints[i] : nullptr));
    firstBox.push_back(static_cast<int>(boxes.size()));
    boxes.insert(boxes.end(), parts.back().boxes.begin(), parts.back().boxes.end());
  }
  // Boxes of one mesh's components count too: a hollow solid's inverted
  // inner shell lies in its outer shell's box and so is never taken alone.
  const std::vector<char> overlaps = OverlapsAnother(boxes);
  // Nothing apart anywhere (the usual case): every mesh stays as it is.
  if (std::all_of(overlaps.begin(), overlaps.end(), [](char o) { return o != 0; })) return false;
  std::vector<Mesh> rest;
  bool changed = false;
  for (size_t i = 0; i < meshes.size(); ++i) {
    ComponentBoxList& c = parts[i];
    const auto compBegin = overlaps.begin() + firstBox[i];
    const auto compEnd = compBegin + static_cast<std::ptrdiff_t>(c.boxes.size());
    if (std::all_of(compBegin, compEnd, [](char o) { return o != 0; })) {
      rest.push_back(std::move(meshes[i]));
      continue;
    }
    if (!c.ofTriFound) ComponentIdsOrOne(meshes[i], c.ofTri);  // the same ids the stored boxes follow
    std::vector<char> isolated(c.ofTri.size());
    bool any = false, all = true;
    for (size_t t = 0; t < c.ofTri.size(); ++t) {
      isolated[t] = !overlaps[firstBox[i] + c.ofTri[t]];
      any = any || isolated[t];
      all = all && isolated[t];
    }
    changed = changed || any;
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
  return changed;
}

}  // namespace mos::kernel
