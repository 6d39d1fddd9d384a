// surface() PNG height maps through Debian's header-only stb_image, as 2021.01
// reads them (via lodepng): every pixel as 8-bit RGB (16-bit samples keep
// their high byte, alpha is ignored), grey = 0.2126 R + 0.7152 G + 0.0722 B,
// height = 100/255 * grey, or 100/255 * (1 - grey) with invert (sic: 2021.01
// subtracts the 0..255 grey from 1, so inverted heights run from 0.39 down to
// -99.6). The bottom image row is the first row (y = 0).
#pragma once

#include <cstddef>
#include <string>

#include "geom/surface_data.h"

namespace mos::geom {

// True when `data` starts with the 8-byte PNG signature (2021.01 reads such a
// file as PNG whatever its name; anything else as .dat text).
bool HasPngSignature(const unsigned char* data, size_t size);

// A file that does not decode gets 2021.01's "Can't read PNG image '<name>'".
// The image size in the header is checked before anything is decoded: more
// pixels than the file could hold (deflate expands at most 1032:1) or than
// limits.maxCells is a diagnostic, never an allocation.
SurfaceData DecodeSurfacePng(const unsigned char* data, size_t size, bool invert,
                             const std::string& fileName, const SurfaceReadLimits& limits = {});

}  // namespace mos::geom
