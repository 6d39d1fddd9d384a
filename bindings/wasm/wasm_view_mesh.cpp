#include "wasm_view_mesh.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <utility>

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

// meshTopology of feature-edges.ts on the grouped triangles, same result in
// the same order. Instead of its hash table of edges, the half-edges are
// bucketed by their lower welded end vertex (a counting sort, cache
// friendly); each edge's half-edges are then replayed in half-edge order
// through the same state machine (first face waits, the next pairs with it,
// a third waits anew; degenerate faces only count for the balance), and
// the segments are written out in half-edge order as meshTopology does:
// feature edges where their pair closes, then the unpaired ones.
void Topology(const std::vector<float>& positions, const std::vector<uint32_t>& indices, double cosLimit,
              ViewMesh& out) {
  const std::vector<uint32_t> canon = WeldByPosition(positions);
  const uint32_t triangleCount = static_cast<uint32_t>(indices.size() / 3);
  const size_t halfEdges = 3 * static_cast<size_t>(triangleCount);
  double volume6 = 0;
  std::vector<float> normals(halfEdges, 0.0f);
  std::vector<char> degenerate(triangleCount, 0);
  const auto P = [&](uint32_t v, int axis) { return static_cast<double>(positions[3 * static_cast<size_t>(v) + axis]); };
  for (uint32_t t = 0; t < triangleCount; ++t) {
    const uint32_t a = indices[3 * t], b = indices[3 * t + 1], c = indices[3 * t + 2];
    const double ux = P(b, 0) - P(a, 0), uy = P(b, 1) - P(a, 1), uz = P(b, 2) - P(a, 2);
    const double vx = P(c, 0) - P(a, 0), vy = P(c, 1) - P(a, 1), vz = P(c, 2) - P(a, 2);
    const double nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
    const double len = std::sqrt(nx * nx + ny * ny + nz * nz);
    if (!(len > 0)) {
      degenerate[t] = 1;  // no normal, no feature edges
      continue;
    }
    volume6 += P(a, 0) * nx + P(a, 1) * ny + P(a, 2) * nz;
    normals[3 * static_cast<size_t>(t)] = static_cast<float>(nx / len);
    normals[3 * static_cast<size_t>(t) + 1] = static_cast<float>(ny / len);
    normals[3 * static_cast<size_t>(t) + 2] = static_cast<float>(nz / len);
  }
  // Half-edges (not collapsed by the weld) bucketed by their lower end, in
  // half-edge order within a bucket.
  const size_t vertexCount = canon.size();
  std::vector<uint32_t> bucketStart(vertexCount + 1, 0);
  for (size_t h = 0; h < halfEdges; ++h) {
    const uint32_t cp = canon[indices[h]], cq = canon[indices[h - h % 3 + (h % 3 + 1) % 3]];
    if (cp != cq) bucketStart[std::min(cp, cq) + 1]++;
  }
  for (size_t v = 0; v < vertexCount; ++v) bucketStart[v + 1] += bucketStart[v];
  std::vector<uint32_t> fill(bucketStart.begin(), bucketStart.end() - 1);
  std::vector<uint32_t> bucketHi(bucketStart[vertexCount]), bucketHalf(bucketStart[vertexCount]);
  for (size_t h = 0; h < halfEdges; ++h) {
    const uint32_t cp = canon[indices[h]], cq = canon[indices[h - h % 3 + (h % 3 + 1) % 3]];
    if (cp == cq) continue;
    const uint32_t at = fill[std::min(cp, cq)]++;
    bucketHi[at] = std::max(cp, cq);
    bucketHalf[at] = static_cast<uint32_t>(h);
  }
  std::vector<char> emitAt(halfEdges, 0);  // a feature edge closes at this half-edge
  std::vector<uint32_t> unpaired;
  bool balanced = true;
  // One edge's half-edges, in half-edge order.
  auto replay = [&](const uint32_t* halves, size_t count) {
    int32_t balance = 0, wait = -1;
    for (size_t i = 0; i < count; ++i) {
      const uint32_t h = halves[i], t = h / 3;
      const uint32_t cp = canon[indices[h]], cq = canon[indices[h - h % 3 + (h % 3 + 1) % 3]];
      balance += cp < cq ? 1 : -1;
      if (degenerate[t]) continue;
      if (wait < 0) {
        wait = static_cast<int32_t>(h);
        continue;
      }
      const size_t f = static_cast<size_t>(wait) / 3;
      wait = -1;
      const double dot = static_cast<double>(normals[3 * static_cast<size_t>(t)]) * normals[3 * f] +
                         static_cast<double>(normals[3 * static_cast<size_t>(t) + 1]) * normals[3 * f + 1] +
                         static_cast<double>(normals[3 * static_cast<size_t>(t) + 2]) * normals[3 * f + 2];
      if (dot <= cosLimit) emitAt[h] = 1;
    }
    if (balance != 0) balanced = false;
    if (wait >= 0) unpaired.push_back(static_cast<uint32_t>(wait));
  };
  std::vector<char> done;
  std::vector<uint32_t> group;
  std::vector<std::pair<uint32_t, uint32_t>> sorted;  // (hi, half-edge) of a busy vertex
  for (size_t v = 0; v < vertexCount; ++v) {
    const uint32_t s = bucketStart[v], e = bucketStart[v + 1];
    if (s == e) continue;
    if (e - s <= 16) {
      // A few edges: group them by the other end directly.
      done.assign(e - s, 0);
      for (uint32_t i = s; i < e; ++i) {
        if (done[i - s]) continue;
        group.clear();
        for (uint32_t j = i; j < e; ++j) {
          if (!done[j - s] && bucketHi[j] == bucketHi[i]) {
            done[j - s] = 1;
            group.push_back(bucketHalf[j]);
          }
        }
        replay(group.data(), group.size());
      }
    } else {
      // Many (a fan's centre): sort by the other end, half-edge order kept.
      sorted.clear();
      for (uint32_t i = s; i < e; ++i) sorted.emplace_back(bucketHi[i], bucketHalf[i]);
      std::sort(sorted.begin(), sorted.end());
      for (size_t i = 0; i < sorted.size();) {
        group.clear();
        size_t j = i;
        for (; j < sorted.size() && sorted[j].first == sorted[i].first; ++j) group.push_back(sorted[j].second);
        replay(group.data(), group.size());
        i = j;
      }
    }
  }
  out.closed = triangleCount > 0 && volume6 > 0 && balanced;
  std::sort(unpaired.begin(), unpaired.end());
  std::vector<uint32_t> ends;
  for (size_t h = 0; h < halfEdges; ++h) {
    if (!emitAt[h]) continue;
    ends.push_back(indices[h]);
    ends.push_back(indices[h - h % 3 + (h % 3 + 1) % 3]);
  }
  for (uint32_t h : unpaired) {
    ends.push_back(indices[h]);
    ends.push_back(indices[h - h % 3 + (h % 3 + 1) % 3]);
  }
  out.edges.resize(3 * ends.size());
  for (size_t i = 0; i < ends.size(); ++i) {
    const size_t v = ends[i];
    out.edges[3 * i] = positions[3 * v];
    out.edges[3 * i + 1] = positions[3 * v + 1];
    out.edges[3 * i + 2] = positions[3 * v + 2];
  }
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
