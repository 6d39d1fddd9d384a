// The rendered solid as flat arrays, ready for a viewer (Three.js
// BufferAttributes), numpy, or a WASM heap view. This is also the viewer's
// wire format (viewer/README.md): positions float32 xyz, indices uint32,
// one part id per triangle indexing an RGBA8 palette.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

namespace mos {

struct Mesh {
  std::vector<float> positions;   // x, y, z per vertex
  std::vector<uint32_t> indices;  // 3 per triangle, counter-clockwise from outside
  std::vector<uint32_t> partIds;  // per triangle, index into palette
  std::vector<uint8_t> palette;   // RGBA8 per part; parts without color() get the default
  std::vector<int32_t> partNodes; // per part: pre-order id of the source node (-1 unknown)
};

enum class GeometryKind { Empty, TwoD, ThreeD };

// Measured on the double-precision result (not the float32 arrays).
struct GeometrySummary {
  GeometryKind kind = GeometryKind::Empty;
  uint64_t triangles = 0, vertices = 0;
  double volume = 0, area = 0;  // 3D: volume and surface area; 2D: area
  std::array<double, 3> bboxMin{0, 0, 0}, bboxMax{0, 0, 0};
  int components = 0, genus = 0;  // 3D only
};

}  // namespace mos
