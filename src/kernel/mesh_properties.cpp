#include "kernel/mesh_properties.h"

#include <numeric>

namespace mos::kernel {

namespace {

double TetVolume6(Vec3 a, Vec3 b, Vec3 c) { return Dot(a, Cross(b, c)); }

int FindRoot(std::vector<int>& parent, int x) {
  while (parent[x] != x) {
    parent[x] = parent[parent[x]];  // path halving
    x = parent[x];
  }
  return x;
}

}  // namespace

double SignedVolume(const Mesh& mesh) {
  // Relative to the box centre: smaller coordinates, fewer lost digits.
  const Box3 box = BoundingBox(mesh);
  const Vec3 ref = box.IsEmpty() ? Vec3{} : box.Center();
  CompensatedSum sum;
  for (const auto& t : mesh.triVerts)
    sum.Add(TetVolume6(mesh.vertPos[t[0]] - ref, mesh.vertPos[t[1]] - ref,
                       mesh.vertPos[t[2]] - ref));
  return sum.Value() / 6.0;
}

double SurfaceArea(const Mesh& mesh) {
  CompensatedSum sum;
  for (const auto& t : mesh.triVerts) {
    const Vec3 a = mesh.vertPos[t[0]];
    sum.Add(0.5 * Length(Cross(mesh.vertPos[t[1]] - a, mesh.vertPos[t[2]] - a)));
  }
  return sum.Value();
}

int ComponentIds(const Mesh& mesh, std::vector<int>& triComponent) {
  std::vector<int> parent(mesh.vertPos.size());
  std::iota(parent.begin(), parent.end(), 0);
  for (const auto& t : mesh.triVerts) {
    const int r0 = FindRoot(parent, t[0]);
    for (int i = 1; i < 3; ++i) {
      const int ri = FindRoot(parent, t[i]);
      if (ri != r0) parent[ri] = r0;
    }
  }
  std::vector<int> rootId(mesh.vertPos.size(), -1);
  int count = 0;
  triComponent.assign(mesh.triVerts.size(), -1);
  for (int t = 0; t < mesh.NumTri(); ++t) {
    const int r = FindRoot(parent, mesh.triVerts[t][0]);
    if (rootId[r] < 0) rootId[r] = count++;
    triComponent[t] = rootId[r];
  }
  return count;
}

int ComponentCount(const Mesh& mesh) {
  std::vector<int> ids;
  return ComponentIds(mesh, ids);
}

std::vector<ComponentInfo> Components(const Mesh& mesh) {
  std::vector<int> triComp;
  const int count = ComponentIds(mesh, triComp);
  std::vector<ComponentInfo> info(count);
  std::vector<CompensatedSum> volume(count);
  std::vector<int> vertComp(mesh.vertPos.size(), -1);
  const Box3 box = BoundingBox(mesh);
  const Vec3 ref = box.IsEmpty() ? Vec3{} : box.Center();
  for (int t = 0; t < mesh.NumTri(); ++t) {
    ComponentInfo& c = info[triComp[t]];
    ++c.numTri;
    const auto& tv = mesh.triVerts[t];
    for (int i = 0; i < 3; ++i) {
      if (vertComp[tv[i]] < 0) {
        vertComp[tv[i]] = triComp[t];
        ++c.numVert;
        c.box.Include(mesh.vertPos[tv[i]]);
      }
      const int h = 3 * t + i;
      const int twin = h < static_cast<int>(mesh.halfedgeTwin.size()) ? mesh.halfedgeTwin[h] : -1;
      if (twin < 0 || twin > h) ++c.numEdge;  // a pair counts once
    }
    volume[triComp[t]].Add(TetVolume6(mesh.vertPos[tv[0]] - ref, mesh.vertPos[tv[1]] - ref,
                                      mesh.vertPos[tv[2]] - ref));
  }
  for (int c = 0; c < count; ++c) {
    info[c].eulerChar = info[c].numVert - info[c].numEdge + info[c].numTri;
    info[c].genus = (2 - info[c].eulerChar) / 2;
    info[c].volume = volume[c].Value() / 6.0;
  }
  return info;
}

int EulerCharacteristic(const Mesh& mesh) {
  int chi = 0;
  for (const ComponentInfo& c : Components(mesh)) chi += c.eulerChar;
  return chi;
}

int Genus(const Mesh& mesh) {
  int genus = 0;
  for (const ComponentInfo& c : Components(mesh)) genus += c.genus;
  return genus;
}

std::map<uint32_t, int> PropertyHistogram(const Mesh& mesh) {
  std::map<uint32_t, int> hist;
  for (uint32_t p : mesh.triProp) ++hist[p];
  return hist;
}

}  // namespace mos::kernel
