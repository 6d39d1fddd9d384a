#include "wasm_view_mesh.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace mos::wasm {

namespace {

// JS Math.imul: the low 32 bits of the product.
inline uint32_t Imul(uint32_t a, uint32_t b) { return a * b; }

uint32_t TableSize(uint64_t n) {
  uint64_t size = 16;
  while (size < 2 * n) size *= 2;
  return static_cast<uint32_t>(size);
}

// canon[v]: the first vertex with v's exact float32 position (-0 and 0 alike).
std::vector<uint32_t> WeldByPosition(const std::vector<float>& positions) {
  const uint32_t vertexCount = static_cast<uint32_t>(positions.size() / 3);
  std::vector<uint32_t> bits(positions.size());
  if (!positions.empty()) std::memcpy(bits.data(), positions.data(), positions.size() * sizeof(float));
  for (uint32_t& b : bits)
    if (b == 0x80000000u) b = 0;
  const uint32_t size = TableSize(vertexCount), mask = size - 1;
  std::vector<int32_t> table(size, -1);
  std::vector<uint32_t> canon(vertexCount);
  for (uint32_t v = 0; v < vertexCount; ++v) {
    const uint32_t x = bits[3 * v], y = bits[3 * v + 1], z = bits[3 * v + 2];
    uint32_t h = (Imul(x, 73856093u) ^ Imul(y, 19349663u) ^ Imul(z, 83492791u)) & mask;
    for (;;) {
      const int32_t seen = table[h];
      if (seen < 0) {
        table[h] = static_cast<int32_t>(v);
        canon[v] = v;
        break;
      }
      const uint32_t s = static_cast<uint32_t>(seen);
      if (bits[3 * s] == x && bits[3 * s + 1] == y && bits[3 * s + 2] == z) {
        canon[v] = s;
        break;
      }
      h = (h + 1) & mask;
    }
  }
  return canon;
}

// Counting sort of the triangles by part (ids past the palette go to its
// last entry, as the viewer's decodedFromWorker does).
void GroupByPart(const Mesh& mesh, ViewMesh& out) {
  const size_t triangles = mesh.indices.size() / 3;
  const size_t parts = std::max<size_t>(1, mesh.palette.size() / 4);
  out.partCounts.assign(parts, 0);
  auto partOf = [&](size_t t) {
    const uint32_t p = t < mesh.partIds.size() ? mesh.partIds[t] : 0;
    return std::min<size_t>(p, parts - 1);
  };
  for (size_t t = 0; t < triangles; ++t) out.partCounts[partOf(t)]++;
  std::vector<size_t> start(parts, 0);
  for (size_t p = 1; p < parts; ++p) start[p] = start[p - 1] + out.partCounts[p - 1];
  out.indices.resize(3 * triangles);
  for (size_t t = 0; t < triangles; ++t) {
    const size_t at = 3 * start[partOf(t)]++;
    out.indices[at] = mesh.indices[3 * t];
    out.indices[at + 1] = mesh.indices[3 * t + 1];
    out.indices[at + 2] = mesh.indices[3 * t + 2];
  }
}

// meshTopology of feature-edges.ts on the grouped triangles (see there for
// the slot layout: LO, HI, WAIT, BAL).
void Topology(const std::vector<float>& positions, const std::vector<uint32_t>& indices, double cosLimit,
              ViewMesh& out) {
  const std::vector<uint32_t> canon = WeldByPosition(positions);
  const uint32_t triangleCount = static_cast<uint32_t>(indices.size() / 3);
  double volume6 = 0;
  std::vector<float> normals(3 * static_cast<size_t>(triangleCount), 0.0f);
  const uint32_t size = TableSize(2 * static_cast<uint64_t>(triangleCount)), mask = size - 1;
  std::vector<int32_t> slots(4 * static_cast<size_t>(size), 0);
  for (size_t i = 0; i < slots.size(); i += 4) slots[i] = -1;
  std::vector<uint32_t> ends;
  ends.reserve(64);
  const auto P = [&](uint32_t v, int axis) { return static_cast<double>(positions[3 * static_cast<size_t>(v) + axis]); };
  for (uint32_t t = 0; t < triangleCount; ++t) {
    const uint32_t a = indices[3 * t], b = indices[3 * t + 1], c = indices[3 * t + 2];
    const double ux = P(b, 0) - P(a, 0), uy = P(b, 1) - P(a, 1), uz = P(b, 2) - P(a, 2);
    const double vx = P(c, 0) - P(a, 0), vy = P(c, 1) - P(a, 1), vz = P(c, 2) - P(a, 2);
    const double nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
    const double len = std::sqrt(nx * nx + ny * ny + nz * nz);
    const bool degenerate = !(len > 0);
    if (!degenerate) {
      volume6 += P(a, 0) * nx + P(a, 1) * ny + P(a, 2) * nz;
      normals[3 * t] = static_cast<float>(nx / len);
      normals[3 * t + 1] = static_cast<float>(ny / len);
      normals[3 * t + 2] = static_cast<float>(nz / len);
    }
    for (int k = 0; k < 3; ++k) {
      const uint32_t p = indices[3 * t + k], q = indices[3 * t + (k + 1) % 3];
      const uint32_t cp = canon[p], cq = canon[q];
      if (cp == cq) continue;
      const uint32_t lo = cp < cq ? cp : cq, hi = cp < cq ? cq : cp;
      uint32_t h = (Imul(lo, 73856093u) ^ Imul(hi, 19349663u)) & mask;
      while (slots[4 * h] >= 0 && (static_cast<uint32_t>(slots[4 * h]) != lo || static_cast<uint32_t>(slots[4 * h + 1]) != hi))
        h = (h + 1) & mask;
      const size_t at = 4 * static_cast<size_t>(h);
      slots[at + 3] += cp < cq ? 1 : -1;
      const int32_t halfEdge = static_cast<int32_t>(3 * t + k);
      if (slots[at] < 0) {
        slots[at] = static_cast<int32_t>(lo);
        slots[at + 1] = static_cast<int32_t>(hi);
        slots[at + 2] = degenerate ? -1 : halfEdge;
        continue;
      }
      if (degenerate) continue;
      const int32_t other = slots[at + 2];
      if (other < 0) {
        slots[at + 2] = halfEdge;  // a third face: waits anew
        continue;
      }
      slots[at + 2] = -1;
      const size_t f = static_cast<size_t>(other / 3);
      const double dot = static_cast<double>(normals[3 * t]) * normals[3 * f] +
                         static_cast<double>(normals[3 * t + 1]) * normals[3 * f + 1] +
                         static_cast<double>(normals[3 * t + 2]) * normals[3 * f + 2];
      if (dot <= cosLimit) {
        ends.push_back(p);
        ends.push_back(q);
      }
    }
  }
  bool closed = triangleCount > 0 && volume6 > 0;
  for (uint32_t h = 0; closed && h < size; ++h)
    if (slots[4 * static_cast<size_t>(h) + 3] != 0) closed = false;
  // Edges without a partner face: open or non-manifold, always drawn.
  for (uint32_t h = 0; h < size; ++h) {
    const int32_t wait = slots[4 * static_cast<size_t>(h) + 2];
    if (slots[4 * static_cast<size_t>(h)] < 0 || wait < 0) continue;
    const uint32_t t = static_cast<uint32_t>(wait) / 3, k = static_cast<uint32_t>(wait) % 3;
    ends.push_back(indices[3 * t + k]);
    ends.push_back(indices[3 * t + (k + 1) % 3]);
  }
  out.edges.resize(3 * ends.size());
  for (size_t i = 0; i < ends.size(); ++i) {
    const size_t v = ends[i];
    out.edges[3 * i] = positions[3 * v];
    out.edges[3 * i + 1] = positions[3 * v + 1];
    out.edges[3 * i + 2] = positions[3 * v + 2];
  }
  out.closed = closed;
}

}  // namespace

namespace {

template <typename T>
emscripten::val OwnArray(const char* type, const std::vector<T>& v) {
  return emscripten::val::global(type).new_(emscripten::val(emscripten::typed_memory_view(v.size(), v.data())));
}

}  // namespace

emscripten::val ViewMeshToJs(const ViewMesh& view) {
  emscripten::val out = emscripten::val::object();
  out.set("indices", OwnArray("Uint32Array", view.indices));
  out.set("partCounts", OwnArray("Uint32Array", view.partCounts));
  out.set("edges", OwnArray("Float32Array", view.edges));
  out.set("closed", view.closed);
  return out;
}

ViewMesh BuildViewMesh(const Mesh& mesh, double cosLimit) {
  ViewMesh out;
  GroupByPart(mesh, out);
  Topology(mesh.positions, out.indices, cosLimit, out);
  return out;
}

}  // namespace mos::wasm
