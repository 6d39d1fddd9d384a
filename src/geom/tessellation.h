// OpenSCAD 2021.01's tessellation of the primitives: the fragment rule,
// degree-exact sine/cosine (so that points on the axes come out as exact 0
// and +-1, with 2021.01's signed zeros), circle, sphere ring layout, cylinder
// and cube. Learned from 2021.01's exported vertex sets (tests/unit/geom).
#pragma once

#include <cstdint>
#include <vector>

#include "kernel/mesh.h"
#include "kernel/polygon2d.h"

namespace mos::geom {

// 3 when r < 2^-20; max(int($fn), 3) when $fn > 0 (3 when int($fn)
// overflows, as in 2021.01); otherwise ceil(max(min(360/$fa, 2*pi*r/$fs), 5)).
// Callers check the vertex count against their budget before tessellating.
int FragmentCount(double r, double fn, double fs, double fa);

// Sine and cosine of an angle in degrees, exact at multiples of 30 and 45
// degrees (sin(180) is -0 and cos(270) is -0, as in 2021.01's output).
double SinDegrees(double degrees);
double CosDegrees(double degrees);

// n points of a circle of radius r around the origin, counter-clockwise,
// starting on +X: point i at angle 360*i/n.
std::vector<kernel::Vec2> CirclePoints(double r, int n);

// The primitives as closed, outward-oriented meshes (halfedges built), every
// triangle with property `prop`. Empty when 2021.01 gives no object (a size
// or radius not positive, h <= 0, ...).
kernel::Mesh CubeMesh(double sx, double sy, double sz, bool center, uint32_t prop);
kernel::Mesh SphereMesh(double r, int fragments, uint32_t prop);
kernel::Mesh CylinderMesh(double h, double r1, double r2, bool center, int fragments,
                          uint32_t prop);

// 2D primitives (counter-clockwise outer contour). Empty polygon set when
// the size is not positive.
kernel::Polygon2d SquarePolygon(double sx, double sy, bool center);
kernel::Polygon2d CirclePolygon(double r, int fragments);

}  // namespace mos::geom
