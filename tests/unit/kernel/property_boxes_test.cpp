// Property test (a): random boolean trees of axis-aligned boxes on a coarse
// grid, so coplanar and touching faces are everywhere. The exact volume
// comes from coordinate compression: every cell of the grid the boxes'
// coordinates make is classified by evaluating the tree at its centre.
// Boxes carry random colours, so cleanup meets colour boundaries too.
//
// MOS_PROPERTY_TREES: number of trees (default 300, a few seconds);
// MOS_PROPERTY_SEED: first seed (default 1); MOS_PROPERTY_DEPTH: tree depth
// (default 3); MOS_PROPERTY_GRID: grid steps per axis (default 4, i.e.
// coordinates 0, 0.5, ..., 2). Long mode, e.g.
//   MOS_PROPERTY_TREES=100000 ./mos_kernel_tests --gtest_filter='PropertyBoxes.*'
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "boolean_test_support.h"

namespace mos::kernel {
namespace {

struct Node {
  int op = -1;  // -1 leaf, else OpType, 3 = n-ary of the children
  OpType nary = OpType::kUnion;
  Vec3 lo, hi;  // leaf box
  uint32_t prop = 0;  // its colour
  std::vector<std::unique_ptr<Node>> kids;
};

const char* OpName(OpType op) {
  return op == OpType::kUnion ? "union" : op == OpType::kDifference ? "difference" : "intersection";
}

std::string Describe(const Node& n) {
  std::ostringstream s;
  if (n.op < 0) {
    s << "box([" << n.lo.x << "," << n.lo.y << "," << n.lo.z << "],[" << n.hi.x << "," << n.hi.y << "," << n.hi.z
      << "])";
    return s.str();
  }
  const OpType op = n.op == 3 ? n.nary : static_cast<OpType>(n.op);
  s << (n.op == 3 ? "n-" : "") << OpName(op) << "(";
  for (size_t i = 0; i < n.kids.size(); ++i) s << (i ? ", " : "") << Describe(*n.kids[i]);
  s << ")";
  return s.str();
}

class TreeGen {
 public:
  TreeGen(uint64_t seed, int gridSteps) : rng_(seed), grid_(gridSteps) {}

  std::unique_ptr<Node> Make(int depth) {
    auto n = std::make_unique<Node>();
    if (depth == 0 || Uniform(0, 3) == 0) {
      for (int a = 0; a < 3; ++a) {
        double x0 = Coord(), x1 = Coord();
        while (x0 == x1) x1 = Coord();
        n->lo[a] = std::min(x0, x1);
        n->hi[a] = std::max(x0, x1);
      }
      n->prop = static_cast<uint32_t>(Uniform(0, 2));
      return n;
    }
    if (Uniform(0, 4) == 0) {
      n->op = 3;
      n->nary = static_cast<OpType>(Uniform(0, 2));
      const int k = Uniform(2, 4);
      for (int i = 0; i < k; ++i) n->kids.push_back(Make(depth - 1));
    } else {
      n->op = Uniform(0, 2);
      n->kids.push_back(Make(depth - 1));
      n->kids.push_back(Make(depth - 1));
    }
    return n;
  }

 private:
  int Uniform(int a, int b) { return std::uniform_int_distribution<int>(a, b)(rng_); }
  double Coord() { return Uniform(0, grid_) * 0.5; }  // a coarse grid: 0, 0.5, 1, ...
  std::mt19937_64 rng_;
  int grid_;
};

bool Contains(const Node& n, const Vec3& p) {
  if (n.op < 0)
    return p.x > n.lo.x && p.x < n.hi.x && p.y > n.lo.y && p.y < n.hi.y && p.z > n.lo.z && p.z < n.hi.z;
  const OpType op = n.op == 3 ? n.nary : static_cast<OpType>(n.op);
  bool in = Contains(*n.kids[0], p);
  for (size_t i = 1; i < n.kids.size(); ++i) {
    const bool k = Contains(*n.kids[i], p);
    if (op == OpType::kUnion) in = in || k;
    else if (op == OpType::kIntersection) in = in && k;
    else in = in && !k;
  }
  return in;
}

void CollectCoords(const Node& n, std::vector<double> (&c)[3]) {
  if (n.op < 0) {
    for (int a = 0; a < 3; ++a) {
      c[a].push_back(n.lo[a]);
      c[a].push_back(n.hi[a]);
    }
  }
  for (const auto& k : n.kids) CollectCoords(*k, c);
}

double ExactVolume(const Node& root) {
  std::vector<double> c[3];
  CollectCoords(root, c);
  for (auto& v : c) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
  }
  double vol = 0;
  for (size_t i = 0; i + 1 < c[0].size(); ++i)
    for (size_t j = 0; j + 1 < c[1].size(); ++j)
      for (size_t k = 0; k + 1 < c[2].size(); ++k) {
        const Vec3 mid{(c[0][i] + c[0][i + 1]) / 2, (c[1][j] + c[1][j + 1]) / 2, (c[2][k] + c[2][k + 1]) / 2};
        if (Contains(root, mid))
          vol += (c[0][i + 1] - c[0][i]) * (c[1][j + 1] - c[1][j]) * (c[2][k + 1] - c[2][k]);
      }
  return vol;
}

// Evaluates with our kernel; every intermediate result must be a valid solid.
Mesh Evaluate(const Node& n, std::string& problem) {
  if (n.op < 0) return MakeBox(n.lo, n.hi, n.prop);
  std::vector<Mesh> kids;
  for (const auto& k : n.kids) {
    kids.push_back(Evaluate(*k, problem));
    if (!problem.empty()) return {};
  }
  Mesh out;
  if (n.op == 3) {
    out = BooleanN(std::move(kids), n.nary);
  } else {
    out = Boolean(kids[0], kids[1], static_cast<OpType>(n.op));
  }
  const std::string why = DescribeManifoldProblem(out);
  if (!why.empty()) problem = why + " in " + Describe(n);
  return out;
}

long EnvLong(const char* name, long fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::atol(v) : fallback;
}

TEST(PropertyBoxes, RandomTreesAreValidWithExactVolume) {
  const long trees = EnvLong("MOS_PROPERTY_TREES", 300);
  const long seed0 = EnvLong("MOS_PROPERTY_SEED", 1);
  const int depth = static_cast<int>(std::max(1L, std::min(8L, EnvLong("MOS_PROPERTY_DEPTH", 3))));
  const int grid = static_cast<int>(std::max(1L, std::min(64L, EnvLong("MOS_PROPERTY_GRID", 4))));
  long failures = 0;
  for (long i = 0; i < trees; ++i) {
    const uint64_t seed = static_cast<uint64_t>(seed0 + i);
    TreeGen gen(seed, grid);
    const std::unique_ptr<Node> root = gen.Make(depth);
    const double exact = ExactVolume(*root);
    std::string problem;
    const Mesh m = Evaluate(*root, problem);
    const double vol = SignedVolume(m);
    for (uint32_t prop : m.triProp)
      if (prop > 2) problem = "unknown property " + std::to_string(prop);
    const bool volOk = std::fabs(vol - exact) <= 1e-9 * std::max(1.0, std::fabs(exact));
    if (!problem.empty() || !volOk) {
      ++failures;
      ADD_FAILURE() << "seed " << seed << ": " << (problem.empty() ? "" : problem + "; ") << "volume " << vol
                    << " exact " << exact << "\n  tree: " << Describe(*root);
      if (failures >= 10) break;
    }
  }
  std::printf("[property boxes] %ld trees from seed %ld (depth %d, grid %d), %ld failures\n", trees, seed0, depth,
              grid, failures);
}

}  // namespace
}  // namespace mos::kernel
