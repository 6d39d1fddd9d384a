// The outline of a stroked open SVG subpath as 2021.01 makes it: libsvg
// offsets open paths with Clipper (ClipperOffset, open end types), on
// integer coordinates at 1e4 units per user unit. This is our own
// implementation of that offset's arithmetic, so vertex placement matches:
// one contour goes out along one side of the path, around the end cap, back
// along the other side and around the start cap. At each vertex the turn
// decides: on the inner side the contour passes the offset point of the
// previous edge, the vertex itself and that of the next edge (a small loop
// the positive fill removes); on the outer side the join: miter (the meeting
// point of the offset edges, when 1 + cos(turn) >= 0.5, Clipper's default
// limit of 2; else as square), square (cut at half the width from the
// vertex; SVG's "bevel"), round (steps from Clipper's default arc tolerance
// of 0.25 units; ours capped at 1e5 per circle). Caps: butt, square (half the width beyond the
// end), round. The contour is to be filled with the positive winding rule.
#pragma once

#include "importer/svg_data.h"
#include "importer/svg_path.h"

namespace mos::importer {

enum class SvgCap { kButt, kSquare, kRound };
enum class SvgJoin { kMiter, kBevel, kRound };

// Appends the stroke contour of `points` (open, in user units) to `out`.
void StrokeSvgPolyline(const SvgContour& points, double width, SvgCap cap, SvgJoin join,
                       SvgPointBudget& budget, std::vector<SvgContour>& out);

}  // namespace mos::importer
