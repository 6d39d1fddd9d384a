// A DXF drawing read as OpenSCAD 2021.01 reads it: LINE, LWPOLYLINE, CIRCLE,
// ARC, ELLIPSE, INSERT of BLOCKS, DIMENSION; every other entity is counted
// and reported as unsupported (2021.01 does not read POLYLINE or SPLINE
// either). Lines are joined into paths at shared end points (end points are
// rounded to a 1/1024 grid); origin and scale apply to every coordinate.
// Behaviour and warning texts learned from openscad 2021.01's output on the
// testdata DXF files and on files made for the purpose.
#pragma once

#include <array>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace mos::importer {

struct DxfPath {
  std::vector<int> indices;  // into DxfData::points; a closed path repeats its first point last
  bool closed = false;
};

struct DxfDimension {
  int type = 0;  // group code 70
  std::string name;  // group code 1 (the dimension's text)
  std::array<std::array<double, 2>, 7> coords{};  // group codes 10..16 / 20..26
  double angle = 0;   // group code 50
};

struct DxfData {
  std::vector<std::array<double, 2>> points;
  std::vector<DxfPath> paths;  // open paths first, then closed ones (2021.01's order)
  std::vector<DxfDimension> dims;
};

struct DxfOptions {
  std::string layer;  // empty: every layer
  double originX = 0, originY = 0, scale = 1;
  // Segments of a full circle of radius r (2021.01's $fn/$fa/$fs rule).
  std::function<int(double r)> fragments;
  // Names in messages: "Unsupported DXF Entity" names the file as the
  // script gave it, value errors name the full path (as 2021.01 does).
  std::string displayName, fullPath;
  // Bound on line segments (curves with a huge $fn, huge files): past it
  // the reader stops adding and says so once.
  long long maxSegments = 4000000;
};

// Parses DXF text. `warnings` gets 2021.01's warning texts (without the
// "WARNING: " prefix and without a location).
DxfData ParseDxf(std::string_view text, const DxfOptions& options,
                 std::vector<std::string>& warnings);

// Reads a regular file, at most `maxBytes` (false when it cannot be opened
// or is a device or pipe; nothing is logged then).
bool ReadTextFile(const std::string& path, std::string& out, long long maxBytes);

// The closed outlines 2021.01 makes of the paths for import(): every path,
// an open one closed by its last point (the fill rule is even-odd).
std::vector<std::vector<std::array<double, 2>>> DxfOutlines(const DxfData& data);

// dxf_dim(): the value of the first dimension called `name` (every
// dimension when `name` is empty); false when there is none. A dimension of
// an unsupported type sets `unsupportedType` and gives false.
bool DxfDimensionValue(const DxfData& data, const std::string& name, double& value,
                       bool& unsupportedType);

// dxf_cross(): the crossing of the first two paths of exactly two points
// (lines); false when there are fewer or they are parallel.
bool DxfCross(const DxfData& data, double& x, double& y);

}  // namespace mos::importer
