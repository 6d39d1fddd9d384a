// A whole operand preparation (PrepareOperand, kernel/boolean_operand.cpp)
// against the per-triangle expressions it was written from: face normals,
// angle-weighted vertex pseudo-normals (normalized, then made outward),
// triangle boxes and the BVH over them, bit for bit. The preparation's
// loop works on scalars over raw pointers; any change of an operation or
// of its order shows here as a differing bit.
#include "kernel/boolean_operand.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <random>
#include <vector>

#include "kernel/bvh.h"
#include "kernel/perturbation_direction.h"

namespace mos::kernel {
namespace {

constexpr double kPi = 3.14159265358979323846;

bool SameBits(const Vec3& a, const Vec3& b) { return std::memcmp(&a, &b, sizeof(Vec3)) == 0; }

struct Reference {
  std::vector<Vec3> faceNormal, vertNormal;
  std::vector<int> stuck;
  std::vector<Box3> boxes;
};

// The preparation's normals as the Vec3 expressions give them, triangle by
// triangle, corner by corner.
Reference ReferenceOf(const Mesh& mesh) {
  Reference r;
  const size_t nt = mesh.triVerts.size();
  r.faceNormal.assign(nt, Vec3{});
  r.vertNormal.assign(mesh.vertPos.size(), Vec3{});
  r.boxes.assign(nt, Box3{});
  for (size_t t = 0; t < nt; ++t) {
    const auto& tv = mesh.triVerts[t];
    const Vec3 p0 = mesh.vertPos[tv[0]], p1 = mesh.vertPos[tv[1]], p2 = mesh.vertPos[tv[2]];
    r.boxes[t].Include(p0);
    r.boxes[t].Include(p1);
    r.boxes[t].Include(p2);
    const Vec3 edge[3] = {p1 - p0, p2 - p1, p0 - p2};
    const Vec3 back[3] = {-edge[0], -edge[1], -edge[2]};
    const double len[3] = {Length(edge[0]), Length(edge[1]), Length(edge[2])};
    Vec3 n = Cross(edge[0], back[2]);
    const double nLen = Length(n);
    n = nLen > 0 ? n * (1.0 / nLen) : Vec3{};
    r.faceNormal[t] = n;
    for (int i = 0; i < 3; ++i) {
      const int before = i == 0 ? 2 : i - 1;
      if (len[i] == 0 || len[before] == 0) continue;
      const double c = std::max(-1.0, std::min(1.0, Dot(edge[i], back[before]) / (len[i] * len[before])));
      r.vertNormal[tv[i]] = r.vertNormal[tv[i]] + n * std::acos(c);
    }
  }
  for (Vec3& v : r.vertNormal) {
    const double l = Length(v);
    if (l > 0) v = v * (1.0 / l);
  }
  r.stuck = MakeDirectionsOutward(mesh.triVerts, r.faceNormal, r.vertNormal);
  return r;
}

void ExpectSamePreparation(const Mesh& mesh) {
  const BoolOperand op = PrepareOperand(mesh);
  const Reference ref = ReferenceOf(mesh);
  ASSERT_EQ(op.tri.size(), mesh.triVerts.size());
  ASSERT_EQ(op.faceNormal.size(), ref.faceNormal.size());
  ASSERT_EQ(op.vertNormal.size(), ref.vertNormal.size());
  for (size_t t = 0; t < ref.faceNormal.size(); ++t)
    ASSERT_TRUE(SameBits(op.faceNormal[t], ref.faceNormal[t])) << "face " << t;
  for (size_t v = 0; v < ref.vertNormal.size(); ++v)
    ASSERT_TRUE(SameBits(op.vertNormal[v], ref.vertNormal[v])) << "vertex " << v;
  EXPECT_EQ(op.stuckVerts, ref.stuck);
  // The tree over the reference boxes: the same items for every query.
  const Bvh tree(ref.boxes);
  ASSERT_EQ(op.triBvh.NumItems(), tree.NumItems());
  EXPECT_EQ(op.triBvh.Depth(), tree.Depth());
  EXPECT_EQ(std::memcmp(&op.triBvh.RootBox(), &tree.RootBox(), sizeof(Box3)), 0);
  for (size_t t = 0; t < ref.boxes.size(); t += 7) {
    EXPECT_EQ(op.triBvh.Overlapping(ref.boxes[t]), tree.Overlapping(ref.boxes[t])) << "box of " << t;
  }
}

Mesh Sphere(int rings, int segments, double r) {
  Mesh m;
  m.vertPos.push_back({0, 0, r});
  for (int i = 1; i < rings; ++i) {
    const double phi = kPi * i / rings;
    for (int j = 0; j < segments; ++j) {
      const double th = 2 * kPi * j / segments;
      m.vertPos.push_back({r * std::sin(phi) * std::cos(th), r * std::sin(phi) * std::sin(th), r * std::cos(phi)});
    }
  }
  m.vertPos.push_back({0, 0, -r});
  const int south = static_cast<int>(m.vertPos.size()) - 1;
  auto at = [&](int ring, int j) { return 1 + (ring - 1) * segments + (j % segments); };
  for (int j = 0; j < segments; ++j) m.triVerts.push_back({0, at(1, j), at(1, j + 1)});
  for (int i = 1; i + 1 < rings; ++i)
    for (int j = 0; j < segments; ++j) {
      m.triVerts.push_back({at(i, j), at(i + 1, j), at(i + 1, j + 1)});
      m.triVerts.push_back({at(i, j), at(i + 1, j + 1), at(i, j + 1)});
    }
  for (int j = 0; j < segments; ++j) m.triVerts.push_back({south, at(rings - 1, j + 1), at(rings - 1, j)});
  return m;
}

TEST(PrepareNormals, SphereBitForBit) { ExpectSamePreparation(Sphere(24, 40, 12.5)); }

TEST(PrepareNormals, OffsetSmallSphereBitForBit) {
  Mesh m = Sphere(9, 13, 1e-3);
  for (Vec3& p : m.vertPos) p = p + Vec3{1e4, -3.25e3, 7.0};
  ExpectSamePreparation(m);
}

// Triangles over a small pool of positions: repeated vertices, coincident
// positions (zero-length edges), straight corners, flat and near-flat
// triangles, both orientations; coordinates of mixed magnitudes.
TEST(PrepareNormals, DegenerateSoupBitForBit) {
  std::mt19937_64 rng(1611);
  for (int round = 0; round < 40; ++round) {
    Mesh m;
    std::uniform_int_distribution<int> coord(-3, 3);
    std::uniform_real_distribution<double> any(-50.0, 50.0);
    const int nv = 30 + round;
    for (int v = 0; v < nv; ++v) {
      if (v % 5 == 4 && v > 0) {
        m.vertPos.push_back(m.vertPos[static_cast<size_t>(v / 2)]);  // a coincident copy
      } else if (v % 3 == 0) {
        m.vertPos.push_back({static_cast<double>(coord(rng)), static_cast<double>(coord(rng)), 0.0});
      } else {
        const double s = round % 4 == 0 ? 1e-9 : round % 4 == 1 ? 1e9 : 1.0;
        m.vertPos.push_back({any(rng) * s, any(rng) * s, any(rng) * s});
      }
    }
    std::uniform_int_distribution<int> pick(0, nv - 1);
    for (int t = 0; t < 4 * nv; ++t) {
      std::array<int, 3> tv{pick(rng), pick(rng), pick(rng)};
      if (t % 11 == 0) tv[2] = tv[0];  // a repeated corner
      m.triVerts.push_back(tv);
    }
    ExpectSamePreparation(m);
  }
}

}  // namespace
}  // namespace mos::kernel
