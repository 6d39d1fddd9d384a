// Reads surface()'s file: PNG when it starts with the PNG signature, .dat text
// otherwise (2021.01 decides by content, not by the extension).
#pragma once

#include <string>

#include "geom/surface_data.h"

namespace mos::geom {

// `path` is both opened and printed in warnings (2021.01 prints the absolute
// path). A missing or unreadable file: "The file '<path>' couldn't be opened."
SurfaceData ReadSurfaceFile(const std::string& path, bool invert,
                            const SurfaceReadLimits& limits = {});

// The same from bytes already in memory (tests, fuzzing).
SurfaceData ParseSurfaceBytes(const std::string& bytes, bool invert, const std::string& fileName,
                              const SurfaceReadLimits& limits = {});

}  // namespace mos::geom
