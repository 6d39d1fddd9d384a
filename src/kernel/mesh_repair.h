// Repair of meshes as OpenSCAD users write them (polyhedron(), imports,
// extrusion seams): weld vertices, drop degenerate and duplicate faces, close
// T-junction gaps, orient consistently and outward, split pinched vertices.
// What cannot be repaired is reported, never fatal.
#pragma once

#include <vector>

#include "kernel/limits.h"
#include "kernel/mesh.h"

namespace mos::kernel {

// Face order as seen from outside. OpenSCAD's polyhedron() lists faces
// clockwise; our meshes are counter-clockwise.
enum class FaceWinding { CounterClockwise, Clockwise };

struct RepairOptions {
  // Distance under which vertices weld, triangles count as zero-area and a
  // vertex counts as lying on an edge. < 0: automatic, 1e-9 times the largest
  // coordinate magnitude (at least 1e-9); 0: exact matches only.
  double epsilon = -1;
  FaceWinding winding = FaceWinding::CounterClockwise;
  bool orient = true;        // flip faces to agree with their neighbours, then outward
  bool closeGaps = true;     // split edges at vertices lying on them (T-junctions)
  bool splitPinched = true;  // one vertex per fan at pinched vertices
  KernelLimits limits;
};

struct RepairReport {
  // Repaired:
  int invalidFaces = 0;             // bad index, < 3 distinct vertices, non-finite point
  int exactDuplicateVertices = 0;   // welded: same position
  int nearDuplicateVertices = 0;    // welded: within epsilon
  int zeroAreaFaces = 0;            // dropped
  int duplicateFaces = 0;           // extra copies of a face dropped
  int cancelledFacePairs = 0;       // a face and its reverse, both dropped
  int tJunctionVertices = 0;        // vertices inserted into edges to close gaps
  int flippedFaces = 0;             // reversed to agree with their neighbours
  int flippedShells = 0;            // inside-out shells (not cavities) reversed
  bool flippedWhole = false;        // reversed because the volume was negative
  int pinchedVerticesSplit = 0;     // extra vertices made for pinched fans
  int nonConvexFaces = 0;           // polygon faces not strictly convex: ear clipped
  // Not repaired (the mesh is not closed-manifold if any is non-zero):
  int openEdges = 0;                // edges with one triangle
  int nonManifoldEdges = 0;         // edges with more than two triangles
  int orientationConflicts = 0;     // edges whose neighbours cannot agree (Moebius-like)
  bool stopped = false;             // cancel token or budget ended the repair
  bool closedManifold = false;      // IsClosedManifold of the result
  // One entry per problem kind that could not be repaired (or input that
  // was dropped), with its count.
  std::vector<KernelDiagnostic> diagnostics;
};

// Epsilon actually used for `mesh` under `options`.
double RepairEpsilon(const Mesh& mesh, const RepairOptions& options);

// Repairs in place (triVerts / vertPos / triProp; halfedgeTwin is rebuilt).
// Unused vertices are dropped. Returns report.closedManifold.
bool RepairMesh(Mesh& mesh, const RepairOptions& options, RepairReport& report);

}  // namespace mos::kernel
