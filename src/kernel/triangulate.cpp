// TriangulatePolygon: classify loops by nesting (outer, hole, island in a
// hole, ...), orient them (outer CCW, holes CW) and ear-clip each outer loop
// with its direct holes (after D. Eberly, "Triangulation by Ear Clipping").
#include "kernel/triangulate.h"

#include <algorithm>
#include <cmath>

#include "kernel/triangulate_ear_clip.h"

namespace mos::kernel {
namespace {

struct LoopInfo {
  double area = 0;  // signed
  double minX = 0, minY = 0, maxX = 0, maxY = 0;
  int parent = -1;
  int depth = 0;
};

double SignedArea(const std::vector<Vec2>& pts) {
  double sum = 0;
  const size_t n = pts.size();
  for (size_t i = 0; i < n; ++i) sum += Cross(pts[i], pts[(i + 1) % n]);
  return sum / 2;
}

// Winding number of `loop` around p; sets onBoundary when p lies on an edge.
int Winding(const std::vector<Vec2>& loop, Vec2 p, bool& onBoundary) {
  int w = 0;
  onBoundary = false;
  const size_t n = loop.size();
  for (size_t i = 0; i < n; ++i) {
    const Vec2 a = loop[i], b = loop[(i + 1) % n];
    const double o = Cross(b - a, p - a);
    if (o == 0 && std::min(a.x, b.x) <= p.x && p.x <= std::max(a.x, b.x) && std::min(a.y, b.y) <= p.y &&
        p.y <= std::max(a.y, b.y)) {
      onBoundary = true;
      return 0;
    }
    if (a.y <= p.y) {
      if (b.y > p.y && o > 0) ++w;
    } else if (b.y <= p.y && o < 0) {
      --w;
    }
  }
  return w;
}

// Is loop `inner` inside loop `outer`? Votes of up to 16 sample vertices
// (then edge midpoints), ignoring samples on outer's boundary.
// A vote stops once the samples left cannot change its outcome.
bool InsideLoop(const std::vector<Vec2>& inner, const std::vector<Vec2>& outer) {
  const size_t n = inner.size();
  const size_t step = std::max<size_t>(1, n / 16);
  const int samples = static_cast<int>((n + step - 1) / step);
  for (int pass = 0; pass < 2; ++pass) {
    int in = 0, out = 0;
    int left = samples;
    for (size_t i = 0; i < n; i += step) {
      --left;
      Vec2 p = inner[i];
      if (pass == 1) {
        const Vec2 q = inner[(i + 1) % n];
        p = {(p.x + q.x) / 2, (p.y + q.y) / 2};
      }
      bool onBoundary;
      const int w = Winding(outer, p, onBoundary);
      if (onBoundary) continue;
      (w != 0 ? in : out)++;
      if (in > out + left) return true;
      if (out >= in + left) return false;
    }
    if (in + out > 0) return in > out;
  }
  return false;
}

}  // namespace

std::vector<std::array<int, 3>> TriangulatePolygon(const std::vector<std::vector<Vec2>>& loops) {
  std::vector<std::array<int, 3>> triangles;
  const int loopCount = static_cast<int>(loops.size());
  std::vector<int> firstId(loopCount, 0);
  std::vector<std::vector<Vec2>> clean(loopCount);
  std::vector<LoopInfo> info(loopCount);
  std::vector<int> usable;
  int nextId = 0;
  for (int i = 0; i < loopCount; ++i) {
    firstId[i] = nextId;
    nextId += static_cast<int>(loops[i].size());
    // Non-finite coordinates would poison every predicate: treat them as 0.
    clean[i] = loops[i];
    for (Vec2& p : clean[i]) {
      if (!std::isfinite(p.x)) p.x = 0;
      if (!std::isfinite(p.y)) p.y = 0;
    }
    if (clean[i].size() < 3) continue;  // no triangle can use a 1- or 2-gon
    LoopInfo& li = info[i];
    li.area = SignedArea(clean[i]);
    li.minX = li.maxX = clean[i][0].x;
    li.minY = li.maxY = clean[i][0].y;
    for (const Vec2& p : clean[i]) {
      li.minX = std::min(li.minX, p.x);
      li.maxX = std::max(li.maxX, p.x);
      li.minY = std::min(li.minY, p.y);
      li.maxY = std::max(li.maxY, p.y);
    }
    usable.push_back(i);
  }
  // Larger loops first, so a loop's parent is classified before it.
  std::sort(usable.begin(), usable.end(), [&](int a, int b) {
    const double aa = std::fabs(info[a].area), ab = std::fabs(info[b].area);
    return aa > ab || (aa == ab && a < b);
  });
  for (size_t k = 0; k < usable.size(); ++k) {
    const int i = usable[k];
    // Parent: the smallest earlier (larger) loop containing this one.
    for (size_t j = k; j-- > 0;) {
      const int c = usable[j];
      const LoopInfo& o = info[c];
      const LoopInfo& li = info[i];
      if (li.minX < o.minX || li.maxX > o.maxX || li.minY < o.minY || li.maxY > o.maxY) continue;
      if (InsideLoop(clean[i], clean[c])) {
        info[i].parent = c;
        info[i].depth = info[c].depth + 1;
        break;
      }
    }
  }
  std::vector<std::vector<int>> holesOf(loopCount);
  for (int i : usable) {
    if (info[i].depth % 2 == 1) holesOf[info[i].parent].push_back(i);
  }
  auto makeLoop = [&](int i, bool wantCcw) {
    IndexedLoop loop;
    const int n = static_cast<int>(clean[i].size());
    loop.points = clean[i];
    loop.ids.resize(n);
    for (int v = 0; v < n; ++v) loop.ids[v] = firstId[i] + v;
    if ((info[i].area > 0) != wantCcw && info[i].area != 0) {
      std::reverse(loop.points.begin(), loop.points.end());
      std::reverse(loop.ids.begin(), loop.ids.end());
    }
    return loop;
  };
  // Output in input order of the outer loops.
  std::vector<int> outers;
  for (int i : usable) {
    if (info[i].depth % 2 == 0) outers.push_back(i);
  }
  std::sort(outers.begin(), outers.end());
  for (int i : outers) {
    std::vector<IndexedLoop> holes;
    for (int h : holesOf[i]) holes.push_back(makeLoop(h, false));
    EarClipWithHoles(makeLoop(i, true), holes, triangles);
  }
  return triangles;
}

}  // namespace mos::kernel
