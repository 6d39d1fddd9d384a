// Height data of surface(): what the .dat and PNG readers produce and the
// surface mesh is built from. Rows are the file's lines (a PNG's bottom image
// row first); a row may be shorter than the widest one, the missing heights
// are 0 (as 2021.01 reads a ragged .dat file).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace mos::geom {

struct SurfaceData {
  std::vector<std::vector<double>> rows;
  int columns = 0;         // the longest row
  double baseLevel = 0;    // min(0, lowest height read - 1): the mesh's floor
  bool nonFinite = false;  // a height was nan or inf (2021.01 builds garbage)
  // 2021.01's warnings, without "WARNING: ", e.g. "Illegal value in '/a.dat': ...".
  std::vector<std::string> warnings;
  // Our own diagnostics (budget, non-finite values): not 2021.01 messages.
  std::vector<std::string> diagnostics;

  int Lines() const { return static_cast<int>(rows.size()); }
  double At(int line, int column) const {
    const auto& r = rows[static_cast<size_t>(line)];
    return static_cast<size_t>(column) < r.size() ? r[static_cast<size_t>(column)] : 0.0;
  }
};

// Largest grid the readers accept; 0 means no cap of the caller's own.
struct SurfaceReadLimits {
  int64_t maxCells = 0;                    // lines * columns (vertex budget)
  int64_t maxFileBytes = 256LL << 20;      // files read whole into memory
};

}  // namespace mos::geom
