// surface() .dat text: whitespace-separated heights, one row per line, as
// 2021.01 reads them (blank lines and lines starting with '#' skipped; the
// first value that is not a number ends the reading, with a warning unless it
// is on an unterminated last line).
#pragma once

#include <string>
#include <string_view>

#include "geom/surface_data.h"

namespace mos::geom {

// `fileName`: the name the warnings print.
SurfaceData ParseSurfaceDat(std::string_view text, const std::string& fileName,
                            const SurfaceReadLimits& limits = {});

// True when `token` is a number as boost::lexical_cast<double> reads one
// (decimal with optional sign, fraction and exponent; inf, infinity, nan,
// nan(...) in any case); `value` gets it.
bool ParseDatNumber(std::string_view token, double& value);

}  // namespace mos::geom
