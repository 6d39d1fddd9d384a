#include "geom/text_geometry.h"

#include "geom/clipper_grid.h"
#include "geom/text_font.h"
#include "geom/text_layout.h"

namespace mos::geom {

kernel::Polygon2d TextContours(const eval::TextParams& params, std::string* warning,
                               int64_t maxVertices) {
  if (params.text.empty()) return {};
  const FontProvider* provider = DefaultFontProvider();
  if (!provider) {
    if (warning) *warning = "text() needs a font provider, which this build lacks; ignored";
    return {};
  }
  TextShapeRequest request{params.text, params.font, params.direction, params.language,
                           params.script};
  ShapedText shaped;
  if (!provider->Shape(request, shaped, warning)) return {};
  TextLayoutParams layout;
  layout.size = params.size;
  layout.spacing = params.spacing;
  layout.halign = params.halign;
  layout.valign = params.valign;
  layout.vertical = params.direction == "ttb" || params.direction == "btt";
  const auto& f = params.fragments;
  layout.curveSteps = TextCurveSteps(params.size, f.fn, f.fs, f.fa);
  const double n = TextVertexCount(shaped, layout.curveSteps);
  if (maxVertices > 0 && n > static_cast<double>(maxVertices)) {
    if (warning)
      *warning = "text(): " + std::to_string(static_cast<long long>(n)) +
                 " vertices exceed the vertex budget of " + std::to_string(maxVertices) +
                 "; object left out";
    return {};
  }
  return LayoutText(shaped, layout);
}

kernel::Polygon2d TextPolygon(const eval::TextParams& params, std::string* warning,
                              int64_t maxVertices) {
  kernel::Polygon2d raw = TextContours(params, warning, maxVertices);
  if (raw.contours.empty()) return raw;
  // As polygon(), on Clipper's grid, but filled non-zero: glyphs that
  // overlap (spacing < 1) are united, not cut (checked with openscad 2021.01).
  const kernel::Polygon2d operand = ClipperOperand(raw);
  return ClipperResult(kernel::Simplify2d(operand, kernel::FillRule::kNonZero), {&operand});
}

}  // namespace mos::geom
