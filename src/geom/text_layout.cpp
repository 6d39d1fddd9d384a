#include "geom/text_layout.h"

#include <algorithm>
#include <cmath>

#include "geom/tessellation.h"

namespace mos::geom {
namespace {

using kernel::Vec2;

// Flattens one glyph's outline into contours, each point mapped by `place`.
class OutlineFlattener {
 public:
  OutlineFlattener(int steps, double unit, Vec2 origin, kernel::Polygon2d& out)
      : steps_(std::max(steps, 1)), unit_(unit), origin_(origin), out_(out) {}

  void Run(const std::vector<OutlineStep>& outline) {
    for (const OutlineStep& s : outline) {
      switch (s.kind) {
        case OutlineStep::kMove:
          out_.contours.emplace_back();
          pen_ = s.p[0];
          Add(pen_);
          break;
        case OutlineStep::kLine:
          Start();
          pen_ = s.p[0];
          Add(pen_);
          break;
        case OutlineStep::kConic: Start(); Conic(s.p[0], s.p[1]); break;
        case OutlineStep::kCubic: Start(); Cubic(s.p[0], s.p[1], s.p[2]); break;
      }
    }
  }

 private:
  void Start() {
    if (out_.contours.empty()) out_.contours.emplace_back();
  }
  void Add(Vec2 p) {
    out_.contours.back().push_back({origin_.x + p.x * unit_, origin_.y + p.y * unit_});
  }
  // The operation order of 2021.01's vector arithmetic (results are
  // truncated to the grid afterwards, so the last bit matters).
  void Conic(Vec2 c, Vec2 to) {
    for (int i = 1; i <= steps_; ++i) {
      const double t = i * (1.0 / steps_), u = 1 - t;
      const double a = u * u, b = t * t;
      Add({pen_.x * a + c.x * 2 * u * t + to.x * b, pen_.y * a + c.y * 2 * u * t + to.y * b});
    }
    pen_ = to;
  }
  void Cubic(Vec2 c1, Vec2 c2, Vec2 to) {
    for (int i = 1; i <= steps_; ++i) {
      const double t = i * (1.0 / steps_), u = 1 - t;
      const double a = u * u * u, b = t * t * t;
      Add({pen_.x * a + c1.x * 3 * u * u * t + c2.x * 3 * u * t * t + to.x * b,
           pen_.y * a + c1.y * 3 * u * u * t + c2.y * 3 * u * t * t + to.y * b});
    }
    pen_ = to;
  }

  int steps_;
  double unit_;
  Vec2 origin_;
  kernel::Polygon2d& out_;
  Vec2 pen_;
};

}  // namespace

int TextCurveSteps(double size, double fn, double fs, double fa) {
  return std::max(FragmentCount(size, fn, fs, fa) / 8 + 1, 2);
}

double TextVertexCount(const ShapedText& shaped, int curveSteps) {
  double n = 0;
  for (const ShapedGlyph& g : shaped.glyphs)
    for (const OutlineStep& s : g.outline)
      n += s.kind == OutlineStep::kConic || s.kind == OutlineStep::kCubic ? std::max(curveSteps, 1) : 1;
  return n;
}

kernel::Polygon2d LayoutText(const ShapedText& shaped, const TextLayoutParams& params) {
  kernel::Polygon2d out;
  if (!std::isfinite(params.size) || params.size == 0) return out;  // negative: mirrored, as 2021.01
  const double outlineUnit = shaped.outlineUnit * params.size;
  const double positionUnit = shaped.positionUnit * params.size;
  // Pen positions and the extent, in final units (the pen summed there:
  // it decides the last bit of aligned vertices, as in 2021.01).
  double penX = 0, penY = 0, top = 0, bottom = 0, width = 0;
  bool any = false;
  std::vector<Vec2> origins;
  for (const ShapedGlyph& g : shaped.glyphs) {
    const Vec2 origin{penX + g.xOffset * positionUnit, penY + g.yOffset * positionUnit};
    origins.push_back(origin);
    if (!g.outline.empty()) {
      const double t = origin.y + g.top * positionUnit, b = origin.y + g.bottom * positionUnit;
      top = any ? std::max(top, t) : t;
      bottom = any ? std::min(bottom, b) : b;
      any = true;
    }
    width = std::max(width, g.width * positionUnit);
    penX += g.xAdvance * params.spacing * positionUnit;
    penY += g.yAdvance * params.spacing * positionUnit;
  }
  // Horizontal text: halign by the advance, valign by the ink. Vertical
  // text (measured with openscad 2021.01): halign by the widest glyph,
  // valign by the advance, "bottom" as "baseline".
  double dx = 0, dy = 0;
  if (params.vertical) {
    if (params.halign == "center") dx = -width / 2;
    else if (params.halign == "right") dx = -width;
    if (params.valign == "top") dy = -penY;
    else if (params.valign == "center") dy = -penY / 2;
  } else {
    if (params.halign == "center") dx = -penX / 2;
    else if (params.halign == "right") dx = -penX;
    if (params.valign == "top") dy = -top;
    else if (params.valign == "center") dy = -(top + bottom) / 2;
    else if (params.valign == "bottom") dy = -bottom;
  }
  for (size_t i = 0; i < shaped.glyphs.size(); ++i) {
    OutlineFlattener(params.curveSteps, outlineUnit, origins[i], out).Run(shaped.glyphs[i].outline);
  }
  // The alignment moves the finished outlines (a separate addition, as in
  // 2021.01: it decides the last bit of some vertices).
  if (dx != 0 || dy != 0)
    for (auto& c : out.contours)
      for (Vec2& v : c) v = {v.x + dx, v.y + dy};
  return out;
}

}  // namespace mos::geom
