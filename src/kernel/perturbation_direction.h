// The direction each vertex of the perturbed boolean operand moves in
// (J. Smith, "Towards robust inexact geometric computation",
// UCAM-CL-TR-766, 2009, ch. 4; see shared/KERNEL.md step 3).
//
// Exact ties are decided as if every vertex of P moved an infinitesimal
// distance along its direction (the angle-weighted pseudo-normal). Where
// P lies in a face of the other operand, the decisions near each vertex
// of that face use that vertex's direction, so the face only moves as one
// piece when every one of its vertices moves to the same side of it. At a
// saddle vertex (a concave corner where a plane face meets a face rising
// from it) the pseudo-normal can point to the inner side of one of its
// faces: that part of the face then moves the other way, the contact
// region is split, and the result gets a zero-width slit or a
// zero-volume bridge (property (b) depth-4 seeds 1159, 3793, 6303,
// 12687, 12831, 13946).
#pragma once

#include <array>
#include <vector>

#include "kernel/vec.h"

namespace mos::kernel {

// Replaces each unit direction in `vertDir` that does not point strictly
// to the outer side of every (non-degenerate) triangle around its vertex
// by the unit direction that maximizes the smallest such dot product,
// when that maximum is positive; otherwise the direction is kept, and the
// vertex is returned: no motion of it moves all its faces outward (a
// zero-thickness wall, or the two wedges of an earlier union of solids
// sharing an edge, joined at that edge).
// `faceNormal` holds the triangles' unit normals (zero when degenerate).
std::vector<int> MakeDirectionsOutward(const std::vector<std::array<int, 3>>& tri,
                                       const std::vector<Vec3>& faceNormal, std::vector<Vec3>& vertDir);

// The same for the vertices with vertMask[v] set only (a window of the
// mesh), from `tris`: every triangle around those vertices, ascending (the
// others are not read). Each such vertex gets the direction, and is
// returned stuck, exactly as in the whole-mesh call.
std::vector<int> MakeDirectionsOutwardAt(const std::vector<std::array<int, 3>>& tri,
                                         const std::vector<Vec3>& faceNormal, std::vector<Vec3>& vertDir,
                                         const std::vector<int>& tris, const std::vector<char>& vertMask);

// The unit direction d maximizing min_i Dot(d, normals[i]) (the centre of
// the smallest spherical cap holding the unit normals), and that minimum.
// Exact for up to kMaxExactNormals distinct normals; beyond, a bounded
// iteration from `start`. Returns false when no normal is given.
bool MostOutwardDirection(const std::vector<Vec3>& normals, Vec3 start, Vec3& dir, double& minDot);

}  // namespace mos::kernel
