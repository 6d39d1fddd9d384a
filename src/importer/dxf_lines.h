// The line segments of a DXF drawing and their joining into paths, as
// OpenSCAD 2021.01 does it: end points are rounded to a 1/1024 grid and a
// point next to an already used grid cell becomes that cell's point; open paths are traced
// first, each from an end point no other unused line touches, then the
// remaining lines form closed paths. The next line at a point is the first
// unused one added there.
#pragma once

#include <array>
#include <unordered_map>
#include <vector>

#include "importer/dxf_data.h"

namespace mos::importer {

class DxfLines {
 public:
  explicit DxfLines(long long maxSegments) : maxSegments_(maxSegments) {}

  // Adds a segment; segments with a non-finite or huge coordinate are
  // dropped. Nothing is added once the budget is used up.
  void Add(double x1, double y1, double x2, double y2);
  bool Full() const { return static_cast<long long>(lines_.size()) >= maxSegments_; }

  // Fills data.points and data.paths.
  void AssemblePaths(DxfData& data);

 private:
  int PointIndex(double x, double y);

  struct CellHash {
    size_t operator()(const std::array<long long, 2>& k) const {
      // unsigned: wraps instead of overflowing for far-away cells
      const unsigned long long x = static_cast<unsigned long long>(k[0]) * 73856093ULL;
      const unsigned long long y = static_cast<unsigned long long>(k[1]) * 19349663ULL;
      return static_cast<size_t>(x ^ (y + 0x9e3779b97f4a7c15ULL + (x << 6) + (x >> 2)));
    }
  };
  long long maxSegments_;
  std::vector<std::array<double, 2>> points_;
  std::unordered_map<std::array<long long, 2>, std::vector<int>, CellHash> cells_;
  std::vector<std::array<int, 2>> lines_;
  std::vector<std::vector<int>> linesAtPoint_;
};

}  // namespace mos::importer
