// Property test (b): random CSG trees of general solids (boxes on a grid,
// rotated / scaled / mirrored boxes, spheres, cylinders, cones, convex
// polyhedra) evaluated by our kernel and by CGAL's exact booleans
// (cgal_oracle.h). Every result of ours (and every intermediate) must be
// closed, oriented and manifold; its volume must match the exact one within
// 1e-9 * max(1, |exact|); random sample points away from every leaf's
// surface (hence away from the result's boundary) must be inside ours
// exactly when inside CGAL's; where CGAL's result is a 2-manifold
// (corefinement succeeded and no vertex is pinched) component count and
// Euler characteristic match.
//
// CGAL runs on clean meshes only (closed, no self-intersection, no two
// vertices at one point); where corefinement refuses or its result touches
// itself, Nef polyhedra answer, and the summary line counts those trees.
// CGAL's answers (volume, topology, sample points) are cached by a hash of
// the tree's geometry and seed: tests/cgal/cgal_cache_ci.txt (checked in)
// holds the CI-size trees, <build>/cgal_cache.txt gets the rest.
//
// MOS_PROPERTY_TREES: number of trees (default 30, the CI size);
// MOS_PROPERTY_SEED: first seed (default 1); MOS_PROPERTY_DEPTH: tree depth
// (default 3); MOS_CGAL_CACHE: "off" or another cache file;
// MOS_PROPERTY_TRACE: print every node's result on both sides. Long mode,
// e.g.
//   MOS_PROPERTY_TREES=2000 ./mos_kernel_cgal_tests
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "cgal_oracle.h"
#include "exact_cache.h"
#include "kernel/boolean.h"
#include "kernel/hull3d.h"
#include "kernel/mesh.h"
#include "kernel/mesh_primitives.h"
#include "kernel/mesh_properties.h"
#include "kernel/mesh_transform.h"

namespace mos::kernel {
namespace {

using cgaltest::CgalOp;
using cgaltest::CgalSolid;

struct Node {
  int op = -1;  // -1 leaf, else OpType, 3 = n-ary of the children
  OpType nary = OpType::kUnion;
  Mesh leaf;
  std::string what;  // leaf description
  std::vector<std::unique_ptr<Node>> kids;
};

const char* OpName(OpType op) {
  return op == OpType::kUnion ? "union" : op == OpType::kDifference ? "difference" : "intersection";
}

std::string Describe(const Node& n) {
  if (n.op < 0) return n.what;
  const OpType op = n.op == 3 ? n.nary : static_cast<OpType>(n.op);
  std::string s = std::string(n.op == 3 ? "n-" : "") + OpName(op) + "(";
  for (size_t i = 0; i < n.kids.size(); ++i) s += (i ? ", " : "") + Describe(*n.kids[i]);
  return s + ")";
}

class TreeGen {
 public:
  explicit TreeGen(uint64_t seed) : rng_(seed) {}

  std::unique_ptr<Node> Make(int depth) {
    auto n = std::make_unique<Node>();
    if (depth == 0 || Uniform(0, 3) == 0) {
      MakeLeaf(*n);
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
  double Real(double a, double b) { return std::uniform_real_distribution<double>(a, b)(rng_); }
  double Grid() { return Uniform(0, 4) * 0.5; }  // 0, 0.5, ..., 2: coplanar faces are common
  Vec3 GridPoint() { return {Grid(), Grid(), Grid()}; }

  void MakeLeaf(Node& n) {
    std::ostringstream s;
    s.precision(17);
    const uint32_t prop = static_cast<uint32_t>(Uniform(0, 2));
    switch (Uniform(0, 5)) {
      case 0:
      case 1: {  // a box on the grid
        Vec3 lo = GridPoint(), hi = GridPoint();
        for (int a = 0; a < 3; ++a) {
          if (lo[a] == hi[a]) hi[a] += 0.5;
          if (lo[a] > hi[a]) std::swap(lo[a], hi[a]);
        }
        n.leaf = MakeBox(lo, hi, prop);
        s << "box([" << lo.x << "," << lo.y << "," << lo.z << "],[" << hi.x << "," << hi.y << "," << hi.z << "])";
        break;
      }
      case 2: {
        const Vec3 c = GridPoint();
        const double r = Uniform(1, 3) * 0.25 + (Uniform(0, 1) ? 0 : Real(0, 0.2));
        const int seg = Uniform(5, 14);
        n.leaf = MakeUvSphere(c, r, seg, prop);
        s << "sphere(c=[" << c.x << "," << c.y << "," << c.z << "],r=" << r << ",seg=" << seg << ")";
        break;
      }
      case 3: {  // cylinder or cone
        const Vec3 b = GridPoint();
        const double r0 = Uniform(1, 4) * 0.25, r1 = Uniform(0, 2) == 0 ? 0 : Uniform(1, 4) * 0.25;
        const double h = Uniform(1, 4) * 0.5;
        const int seg = Uniform(3, 16);
        n.leaf = MakeCylinder(b, r0, r1, h, seg, prop);
        s << "cylinder(b=[" << b.x << "," << b.y << "," << b.z << "],r0=" << r0 << ",r1=" << r1 << ",h=" << h
          << ",seg=" << seg << ")";
        break;
      }
      default: {  // a convex polyhedron: hull of random points near a grid point
        const Vec3 c = GridPoint();
        std::vector<Vec3> pts;
        const int k = Uniform(4, 12);
        for (int i = 0; i < k; ++i)
          pts.push_back(c + Vec3{Real(-0.8, 0.8), Real(-0.8, 0.8), Real(-0.8, 0.8)});
        Hull3dResult hull = ConvexHull3d(pts, {}, prop);
        if (hull.status != HullStatus::kOk) {
          n.leaf = MakeBox(c, c + Vec3{0.5, 0.5, 0.5}, prop);
          s << "box([" << c.x << "," << c.y << "," << c.z << "],+0.5)";
        } else {
          n.leaf = std::move(hull.mesh);
          s << "hull(" << k << " points near [" << c.x << "," << c.y << "," << c.z << "])";
        }
        break;
      }
    }
    // A transform on a third of the leaves: rotation (often a multiple of
    // 90 degrees, so coplanar faces survive), scaling, mirroring.
    if (Uniform(0, 2) == 0) {
      const Vec3 centre{1, 1, 1};
      Affine3 t = Affine3::Translation(centre);
      switch (Uniform(0, 3)) {
        case 0: {
          const Vec3 axis = Normalized(Vec3{Real(-1, 1), Real(-1, 1), Real(-1, 1)} + Vec3{0, 0, 1e-3});
          const double deg = Real(0, 360);
          t = t * Affine3::Rotation(axis, deg);
          s << " rotated " << deg << " about [" << axis.x << "," << axis.y << "," << axis.z << "]";
          break;
        }
        case 1: {
          const int a = Uniform(0, 2);
          Vec3 axis{0, 0, 0};
          axis[a] = 1;
          t = t * Affine3::Rotation(axis, 90.0 * Uniform(1, 3));
          s << " rotated by quarter turns about axis " << a;
          break;
        }
        case 2: {
          const Vec3 f{Uniform(1, 4) * 0.5, Uniform(1, 4) * 0.5, Uniform(1, 4) * 0.5};
          t = t * Affine3::Scaling(f);
          s << " scaled [" << f.x << "," << f.y << "," << f.z << "]";
          break;
        }
        default: {
          const Vec3 nrm = Uniform(0, 1) ? Vec3{1, 0, 0} : Vec3{Real(-1, 1), Real(-1, 1), 1};
          t = t * Affine3::Mirror(nrm);
          s << " mirrored in [" << nrm.x << "," << nrm.y << "," << nrm.z << "]";
          break;
        }
      }
      t = t * Affine3::Translation(-centre);
      TransformMesh(n.leaf, t);
    }
    n.what = s.str();
  }

  std::mt19937_64 rng_;
};

// Our kernel; every intermediate result must be a valid solid.
Mesh EvaluateOurs(const Node& n, std::string& problem) {
  if (n.op < 0) return n.leaf;
  std::vector<Mesh> kids;
  for (const auto& k : n.kids) {
    kids.push_back(EvaluateOurs(*k, problem));
    if (!problem.empty()) return {};
  }
  Mesh out = n.op == 3 ? BooleanN(std::move(kids), n.nary) : Boolean(kids[0], kids[1], static_cast<OpType>(n.op));
  const std::string why = DescribeManifoldProblem(out);
  if (!why.empty()) problem = why + " in " + Describe(n);
  return out;
}

CgalOp ToCgal(OpType op) {
  return op == OpType::kUnion ? CgalOp::kUnion : op == OpType::kDifference ? CgalOp::kDifference
                                                                           : CgalOp::kIntersection;
}

// CGAL; n-ary nodes fold left (difference: the first minus each other).
CgalSolid EvaluateCgal(const Node& n) {
  if (n.op < 0) {
    std::vector<std::array<double, 3>> pts;
    std::vector<std::array<int, 3>> tris(n.leaf.triVerts.begin(), n.leaf.triVerts.end());
    for (const Vec3& p : n.leaf.vertPos) pts.push_back({p.x, p.y, p.z});
    return CgalSolid::FromTrianglesChecked(pts, tris);
  }
  const CgalOp op = ToCgal(n.op == 3 ? n.nary : static_cast<OpType>(n.op));
  CgalSolid acc = EvaluateCgal(*n.kids[0]);
  for (size_t i = 1; i < n.kids.size(); ++i) acc = CgalSolid::Boolean(acc, EvaluateCgal(*n.kids[i]), op);
  return acc;
}

// MOS_PROPERTY_DUMP=<dir> (with the trace): every internal node's operands
// as <dir>/node<k>.txt, numbered in evaluation order: per operand a line
// "mesh V T", V lines of hexfloat x y z, T lines of vertex indices and
// property; the
// first line says the operation.
void DumpOperands(const char* dir, const Node& n, const std::vector<Mesh>& kids, const char* name = "node") {
  static int counter = 0;
  const std::string path = std::string(dir) + "/" + name + std::to_string(name[0] == 'n' ? counter++ : counter - 1) + ".txt";
  FILE* f = std::fopen(path.c_str(), "w");
  if (!f) return;
  std::fprintf(f, "%s %d\n", n.op == 3 ? "nary" : "binary", static_cast<int>(n.op == 3 ? n.nary : static_cast<OpType>(n.op)));
  for (const Mesh& m : kids) {
    std::fprintf(f, "mesh %d %d\n", m.NumVert(), m.NumTri());
    for (const Vec3& p : m.vertPos) std::fprintf(f, "%a %a %a\n", p.x, p.y, p.z);
    for (int t = 0; t < m.NumTri(); ++t)
      std::fprintf(f, "%d %d %d %u\n", m.triVerts[t][0], m.triVerts[t][1], m.triVerts[t][2],
                   t < static_cast<int>(m.triProp.size()) ? m.triProp[t] : 0u);
  }
  std::fclose(f);
}

// MOS_PROPERTY_TRACE: every node's result by both sides (volume, components,
// Euler characteristic), to find the first node where they disagree.
CgalSolid TraceNode(const Node& n, Mesh& ours, int indent) {
  CgalSolid exact;
  if (n.op < 0) {
    ours = n.leaf;
    exact = EvaluateCgal(n);
  } else {
    std::vector<Mesh> kids(n.kids.size());
    const CgalOp op = ToCgal(n.op == 3 ? n.nary : static_cast<OpType>(n.op));
    exact = TraceNode(*n.kids[0], kids[0], indent + 1);
    for (size_t i = 1; i < n.kids.size(); ++i)
      exact = CgalSolid::Boolean(exact, TraceNode(*n.kids[i], kids[i], indent + 1), op);
    if (const char* dir = std::getenv("MOS_PROPERTY_DUMP")) DumpOperands(dir, n, kids);
    ours = n.op == 3 ? BooleanN(std::move(kids), n.nary) : Boolean(kids[0], kids[1], static_cast<OpType>(n.op));
    if (const char* dir = std::getenv("MOS_PROPERTY_DUMP")) DumpOperands(dir, n, {ours}, "result");
  }
  std::fprintf(stderr, "%*s%s: ours V %d F %d vol %.12g comp %d euler %d %s| CGAL vol %.12g %s comp %d euler %d\n",
               2 * indent, "", n.op < 0 ? n.what.substr(0, 40).c_str() : "node", ours.NumVert(), ours.NumTri(),
               SignedVolume(ours), ComponentCount(ours), EulerCharacteristic(ours),
               DescribeManifoldProblem(ours).c_str(), exact.Volume(),
               exact.IsNef() ? "nef" : exact.IsManifold() ? "manifold" : "pinched",
               exact.IsManifold() ? exact.Components() : -1, exact.IsManifold() ? exact.EulerCharacteristic() : 0);
  return exact;
}

void CollectLeaves(const Node& n, std::vector<const Mesh*>& out) {
  if (n.op < 0) out.push_back(&n.leaf);
  for (const auto& k : n.kids) CollectLeaves(*k, out);
}

// Distance from p to triangle abc (closest point by region tests).
double PointTriangleDistance(Vec3 p, Vec3 a, Vec3 b, Vec3 c) {
  const Vec3 ab = b - a, ac = c - a, ap = p - a;
  const double d1 = Dot(ab, ap), d2 = Dot(ac, ap);
  if (d1 <= 0 && d2 <= 0) return Length(p - a);
  const Vec3 bp = p - b;
  const double d3 = Dot(ab, bp), d4 = Dot(ac, bp);
  if (d3 >= 0 && d4 <= d3) return Length(p - b);
  const double vc = d1 * d4 - d3 * d2;
  if (vc <= 0 && d1 >= 0 && d3 <= 0) return Length(p - (a + ab * (d1 / (d1 - d3))));
  const Vec3 cp = p - c;
  const double d5 = Dot(ab, cp), d6 = Dot(ac, cp);
  if (d6 >= 0 && d5 <= d6) return Length(p - c);
  const double vb = d5 * d2 - d1 * d6;
  if (vb <= 0 && d2 >= 0 && d6 <= 0) return Length(p - (a + ac * (d2 / (d2 - d6))));
  const double va = d3 * d6 - d5 * d4;
  if (va <= 0 && (d4 - d3) >= 0 && (d5 - d6) >= 0)
    return Length(p - (b + (c - b) * ((d4 - d3) / ((d4 - d3) + (d5 - d6)))));
  const double denom = 1 / (va + vb + vc);
  return Length(p - (a + ab * (vb * denom) + ac * (vc * denom)));
}

// Generalized winding number of a closed mesh at p (sum of solid angles,
// Van Oosterom & Strackee); 1 inside, 0 outside for a valid solid.
double WindingNumber(const Mesh& m, Vec3 p) {
  double sum = 0;
  for (const auto& t : m.triVerts) {
    const Vec3 a = m.vertPos[t[0]] - p, b = m.vertPos[t[1]] - p, c = m.vertPos[t[2]] - p;
    const double la = Length(a), lb = Length(b), lc = Length(c);
    const double num = Dot(a, Cross(b, c));
    const double den = la * lb * lc + Dot(a, b) * lc + Dot(b, c) * la + Dot(c, a) * lb;
    sum += 2 * std::atan2(num, den);
  }
  return sum / (4 * std::acos(-1.0));
}

long EnvLong(const char* name, long fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::atol(v) : fallback;
}

// The key of a tree in the cache: its exact geometry and structure, the
// seed (it picks the sample points) and the oracle's version (bumped when
// what the oracle answers changes).
std::string TreeKey(const Node& root, uint64_t seed) {
  cgaltest::TreeHash h;
  const char version[] = "cgal-oracle-4";
  h.Bytes(version, sizeof version);
  h.Int(static_cast<int64_t>(seed));
  auto visit = [&h](const Node& n, auto& self, int depth) -> void {
    if (depth > 64) return;
    h.Int(n.op);
    h.Int(static_cast<int>(n.nary));
    h.Int(static_cast<int64_t>(n.kids.size()));
    if (n.op < 0) {
      h.Int(n.leaf.NumVert());
      for (const Vec3& p : n.leaf.vertPos) {
        h.Double(p.x);
        h.Double(p.y);
        h.Double(p.z);
      }
      h.Int(n.leaf.NumTri());
      for (const auto& t : n.leaf.triVerts) h.Bytes(t.data(), sizeof(int) * 3);
    }
    for (const auto& k : n.kids) self(*k, self, depth + 1);
  };
  visit(root, visit, 0);
  return h.Hex();
}

// Candidate sample points in the leaves' box, marked when near a leaf's
// surface (the result's boundary lies on those surfaces; such points are
// not checked).
struct SamplePoint {
  Vec3 p;
  bool nearSurface = false;
};

std::vector<SamplePoint> SamplePoints(const Node& root, uint64_t seed) {
  std::vector<const Mesh*> leaves;
  CollectLeaves(root, leaves);
  Box3 box;
  for (const Mesh* m : leaves) box.Include(BoundingBox(*m));
  std::mt19937_64 rng(seed * 7919 + 17);
  std::uniform_real_distribution<double> u(0, 1);
  const double margin = 1e-5;
  std::vector<SamplePoint> out;
  for (int i = 0; i < 48; ++i) {
    SamplePoint s;
    s.p = {box.min.x + u(rng) * (box.max.x - box.min.x), box.min.y + u(rng) * (box.max.y - box.min.y),
           box.min.z + u(rng) * (box.max.z - box.min.z)};
    for (const Mesh* m : leaves) {
      for (const auto& t : m->triVerts) {
        if (PointTriangleDistance(s.p, m->vertPos[t[0]], m->vertPos[t[1]], m->vertPos[t[2]]) < margin) {
          s.nearSurface = true;
          break;
        }
      }
      if (s.nearSurface) break;
    }
    out.push_back(s);
  }
  return out;
}

// CGAL's answer for a tree (throws when CGAL cannot evaluate it).
cgaltest::ExactAnswer AskCgal(const Node& root, const std::vector<SamplePoint>& samples) {
  const CgalSolid exact = EvaluateCgal(root);
  cgaltest::ExactAnswer a;
  a.volume = exact.Volume();
  a.usedNef = exact.UsedNef();
  a.manifold = exact.IsManifold();
  if (a.manifold) {
    a.components = exact.Components();
    a.euler = exact.EulerCharacteristic();
  }
  for (const SamplePoint& s : samples)
    a.inside += s.nearSurface ? '-' : exact.Contains({s.p.x, s.p.y, s.p.z}) ? '1' : '0';
  return a;
}

struct TreeStats {
  long points = 0, nefTrees = 0, topologyChecked = 0, cached = 0;
};

// Checks one tree; returns the empty string when ours matches CGAL.
std::string CheckTree(const Node& root, uint64_t seed, cgaltest::ExactCache* cache, TreeStats& stats,
                      std::string& oracleError) {
  std::string problem;
  const Mesh ours = EvaluateOurs(root, problem);
  if (!problem.empty()) return problem;
  const std::vector<SamplePoint> samples = SamplePoints(root, seed);
  const std::string key = TreeKey(root, seed);
  cgaltest::ExactAnswer exact;
  if (const cgaltest::ExactAnswer* hit = cache ? cache->Find(key) : nullptr) {
    exact = *hit;
    ++stats.cached;
  } else {
    try {
      exact = AskCgal(root, samples);
    } catch (const std::exception& e) {
      oracleError = e.what();
      return {};
    }
    if (cache) cache->Store(key, exact);
  }
  stats.nefTrees += exact.usedNef ? 1 : 0;
  stats.topologyChecked += exact.manifold ? 1 : 0;
  std::ostringstream out;
  out.precision(17);
  const double vol = SignedVolume(ours), exactVol = exact.volume;
  if (std::fabs(vol - exactVol) > 1e-9 * std::max(1.0, std::fabs(exactVol)))
    out << "volume " << vol << " exact " << exactVol << "; ";
  if (exact.manifold) {
    if (ComponentCount(ours) != exact.components)
      out << "components " << ComponentCount(ours) << " exact " << exact.components << "; ";
    if (EulerCharacteristic(ours) != exact.euler)
      out << "Euler characteristic " << EulerCharacteristic(ours) << " exact " << exact.euler << "; ";
    if (!out.str().empty()) {
      out << "our components:";
      for (const ComponentInfo& c : Components(ours))
        out << " [V " << c.numVert << " E " << c.numEdge << " F " << c.numTri << " genus " << c.genus << " volume "
            << c.volume << " box " << c.box.min.x << "," << c.box.min.y << "," << c.box.min.z << " .. "
            << c.box.max.x << "," << c.box.max.y << "," << c.box.max.z << "]";
      out << "; ";
    }
  }
  if (exact.inside.size() != samples.size()) return out.str() + "cached answer has the wrong number of points; ";
  for (size_t i = 0; i < samples.size(); ++i) {
    if (samples[i].nearSurface != (exact.inside[i] == '-')) {
      out << "cached answer skips other points; ";
      break;
    }
    if (samples[i].nearSurface) continue;
    ++stats.points;
    const Vec3 p = samples[i].p;
    const double w = WindingNumber(ours, p);
    const bool inOurs = w > 0.5, inExact = exact.inside[i] == '1';
    if (std::fabs(w - std::round(w)) > 1e-6 || w > 1.5 || w < -0.5 || inOurs != inExact) {
      out << "point [" << p.x << "," << p.y << "," << p.z << "]: winding number " << w << ", CGAL says "
          << (inExact ? "inside" : "outside") << "; ";
      break;
    }
  }
  return out.str();
}

// The cache files: the checked-in one for the CI-size trees (read only)
// and one under the build directory for everything else (read and
// appended to). MOS_CGAL_CACHE=off runs CGAL for every tree;
// MOS_CGAL_CACHE=<file> uses that file instead of the build directory's.
std::unique_ptr<cgaltest::ExactCache> OpenCache() {
  const char* env = std::getenv("MOS_CGAL_CACHE");
  const std::string setting = env ? env : "";
  if (setting == "off") return nullptr;
  const std::string writable = setting.empty() ? MOS_CGAL_BUILD_CACHE : setting;
  return std::make_unique<cgaltest::ExactCache>(std::vector<std::string>{MOS_CGAL_CHECKED_IN_CACHE, writable},
                                                writable);
}

TEST(PropertyCgal, RandomTreesMatchCgal) {
  const long trees = EnvLong("MOS_PROPERTY_TREES", 30);
  const long seed0 = EnvLong("MOS_PROPERTY_SEED", 1);
  const int depth = static_cast<int>(std::max(1L, std::min(6L, EnvLong("MOS_PROPERTY_DEPTH", 3))));
  const std::unique_ptr<cgaltest::ExactCache> cache = OpenCache();
  long failures = 0, oracleErrors = 0;
  TreeStats stats;
  for (long i = 0; i < trees; ++i) {
    const uint64_t seed = static_cast<uint64_t>(seed0 + i);
    TreeGen gen(seed);
    const std::unique_ptr<Node> root = gen.Make(depth);
    std::string oracleError;
    if (std::getenv("MOS_PROPERTY_VERBOSE")) std::fprintf(stderr, "seed %llu\n", static_cast<unsigned long long>(seed));
    if (std::getenv("MOS_PROPERTY_TRACE")) {
      Mesh traced;
      TraceNode(*root, traced, 0);
    }
    const std::string problem = CheckTree(*root, seed, cache.get(), stats, oracleError);
    if (!oracleError.empty()) {
      // CGAL could not evaluate this tree: it is not counted as checked.
      ++oracleErrors;
      std::printf("[property cgal] seed %llu: CGAL failed (%s)\n", static_cast<unsigned long long>(seed),
                  oracleError.substr(0, 200).c_str());
      continue;
    }
    if (!problem.empty()) {
      ++failures;
      ADD_FAILURE() << "seed " << seed << ": " << problem << "\n  tree: " << Describe(*root);
      if (failures >= 10) break;
    }
  }
  std::printf(
      "[property cgal] %ld trees from seed %ld (depth %d): %ld checked, %ld not evaluable by CGAL; %ld sample "
      "points, %ld trees where CGAL fell back to Nef polyhedra, %ld with topology compared, %ld answers from the "
      "cache, %ld failures\n",
      trees, seed0, depth, trees - oracleErrors, oracleErrors, stats.points, stats.nefTrees, stats.topologyChecked,
      stats.cached, failures);
  // The oracle must answer for nearly every tree, or the test proves little.
  EXPECT_LE(oracleErrors * 100, trees);
}

// The oracle itself on known solids (so a broken oracle cannot pass).
TEST(PropertyCgal, OracleKnownVolumes) {
  auto solid = [](const Mesh& m) {
    std::vector<std::array<double, 3>> pts;
    for (const Vec3& p : m.vertPos) pts.push_back({p.x, p.y, p.z});
    return CgalSolid::FromTriangles(pts, {m.triVerts.begin(), m.triVerts.end()});
  };
  const CgalSolid a = solid(MakeBox({0, 0, 0}, {2, 2, 2})), b = solid(MakeBox({1, 1, 1}, {3, 3, 3}));
  EXPECT_DOUBLE_EQ(CgalSolid::Boolean(a, b, CgalOp::kUnion).Volume(), 15);
  EXPECT_DOUBLE_EQ(CgalSolid::Boolean(a, b, CgalOp::kDifference).Volume(), 7);
  EXPECT_DOUBLE_EQ(CgalSolid::Boolean(a, b, CgalOp::kIntersection).Volume(), 1);
  // Two cubes sharing only an edge: corefinement refuses, Nef answers.
  const CgalSolid c = solid(MakeBox({2, 2, 0}, {4, 4, 2}));
  const CgalSolid u = CgalSolid::Boolean(a, c, CgalOp::kUnion);
  EXPECT_DOUBLE_EQ(u.Volume(), 16);
  EXPECT_TRUE(u.Contains({1, 1, 1}));
  EXPECT_TRUE(u.Contains({3, 3, 1}));
  EXPECT_FALSE(u.Contains({3, 1, 1}));
  const CgalSolid d = CgalSolid::Boolean(a, b, CgalOp::kDifference);
  EXPECT_TRUE(d.Contains({0.5, 0.5, 0.5}));
  EXPECT_FALSE(d.Contains({1.5, 1.5, 1.5}));
  EXPECT_TRUE(d.IsManifold());
  EXPECT_FALSE(u.IsManifold());
  EXPECT_EQ(d.Components(), 1);
  EXPECT_EQ(d.EulerCharacteristic(), 2);
  // A cavity kept through the Nef fallback: the cube with a cube-shaped
  // hole (two shells) united with a cube sharing an edge. The Nef
  // constructor alone would fill the hole (16, seeds 1227 and 4296).
  const CgalSolid hollow = CgalSolid::Boolean(a, solid(MakeBox({0.5, 0.5, 0.5}, {1.5, 1.5, 1.5})), CgalOp::kDifference);
  EXPECT_EQ(hollow.Components(), 2);
  EXPECT_DOUBLE_EQ(hollow.Volume(), 7);
  const CgalSolid joined = CgalSolid::Boolean(hollow, c, CgalOp::kUnion);
  EXPECT_TRUE(joined.IsNef());
  EXPECT_DOUBLE_EQ(joined.Volume(), 15);
  EXPECT_FALSE(joined.Contains({1, 1, 1}));
  EXPECT_TRUE(joined.Contains({0.25, 0.25, 0.25}));
}

}  // namespace
}  // namespace mos::kernel
