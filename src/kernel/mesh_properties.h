// Measurements of a mesh: volume, area, components, Euler characteristic and
// genus, property histogram.
#pragma once

#include <cmath>
#include <cstdint>
#include <map>
#include <vector>

#include "kernel/mesh.h"

namespace mos::kernel {

// Signed volume (positive for an outward-oriented closed mesh): the sum of
// tetrahedra from the box centre to every triangle, added with Neumaier's
// compensated summation so large meshes lose no digits in the sum.
double SignedVolume(const Mesh& mesh);

// Sum of triangle areas (compensated).
double SurfaceArea(const Mesh& mesh);

// One connected piece: triangles joined through shared vertices.
struct ComponentInfo {
  int numVert = 0;        // vertices used by the component
  int numEdge = 0;        // undirected edges (twin pairs count once)
  int numTri = 0;
  int eulerChar = 0;      // V - E + F
  int genus = 0;          // (2 - V + E - F) / 2 for a closed component
  double volume = 0;      // signed
  Box3 box;
};

// Component id per triangle (0..count-1, in order of first triangle) and the
// number of components.
int ComponentIds(const Mesh& mesh, std::vector<int>& triComponent);
int ComponentCount(const Mesh& mesh);

// Per component statistics (halfedges must be built).
std::vector<ComponentInfo> Components(const Mesh& mesh);

// Euler characteristic and genus of the whole mesh (sum over components).
int EulerCharacteristic(const Mesh& mesh);
int Genus(const Mesh& mesh);

// Number of triangles per property id.
std::map<uint32_t, int> PropertyHistogram(const Mesh& mesh);

// Neumaier (improved Kahan) summation.
class CompensatedSum {
 public:
  void Add(double x) {
    const double t = sum_ + x;
    if (std::abs(sum_) >= std::abs(x))
      comp_ += (sum_ - t) + x;
    else
      comp_ += (x - t) + sum_;
    sum_ = t;
  }
  double Value() const { return sum_ + comp_; }

 private:
  double sum_ = 0;
  double comp_ = 0;
};

}  // namespace mos::kernel
