#include "geom/text_geometry.h"

#include "geom/text_font.h"
#include "geom/text_layout.h"

namespace mos::geom {

kernel::Polygon2d TextContours(const eval::TextParams& params, std::string* warning) {
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
  const auto& f = params.fragments;
  layout.curveSteps = TextCurveSteps(params.size, f.fn, f.fs, f.fa);
  return LayoutText(shaped, layout);
}

}  // namespace mos::geom
