#include "kernel/mesh_repair.h"

#include <algorithm>
#include <cmath>

#include "kernel/mesh_repair_steps.h"
#include "kernel/mesh_sort.h"

namespace mos::kernel {

double RepairEpsilon(const Mesh& mesh, const RepairOptions& options) {
  if (options.epsilon >= 0) return options.epsilon;
  double maxAbs = 1;
  for (const Vec3& p : mesh.vertPos)
    for (int i = 0; i < 3; ++i)
      if (std::isfinite(p[i])) maxAbs = std::max(maxAbs, std::abs(p[i]));
  return 1e-9 * maxAbs;
}

namespace {

void Note(RepairReport& report, int count, const std::string& what) {
  if (count > 0) report.diagnostics.push_back({what, count});
}

}  // namespace

bool RepairMesh(Mesh& mesh, const RepairOptions& options, RepairReport& report) {
  report = RepairReport{};
  LimitGuard guard(options.limits, "mesh repair");
  mesh.halfedgeTwin.clear();
  if (!guard.Check(mesh.NumVert(), EstimateBytes(mesh))) {
    report.stopped = true;
    report.diagnostics.push_back(guard.Diagnostic());
    return false;
  }
  const double eps = RepairEpsilon(mesh, options);
  if (options.winding == FaceWinding::Clockwise)
    for (auto& t : mesh.triVerts) std::swap(t[1], t[2]);

  report.invalidFaces = repair::DropInvalidTriangles(mesh);
  CompactVertices(mesh);  // unused vertices (maybe NaN) take no part in welding
  int collapsed = 0;
  repair::WeldVertices(mesh, eps, report.exactDuplicateVertices, report.nearDuplicateVertices,
                       collapsed);
  report.zeroAreaFaces = collapsed + repair::DropZeroAreaTriangles(mesh, eps);
  repair::DropDuplicateTriangles(mesh, report.duplicateFaces, report.cancelledFacePairs);
  CompactVertices(mesh);
  if (options.closeGaps && guard.Check(mesh.NumVert(), EstimateBytes(mesh))) {
    report.tJunctionVertices = repair::CloseTJunctions(mesh, eps, guard);
    // Splitting can make faces that an opposite copy cancels.
    int dup = 0, cancelled = 0;
    repair::DropDuplicateTriangles(mesh, dup, cancelled);
    report.duplicateFaces += dup;
    report.cancelledFacePairs += cancelled;
  }
  if (options.orient && guard.Check(mesh.NumVert(), EstimateBytes(mesh)))
    repair::OrientTriangles(mesh, report.flippedFaces, report.orientationConflicts,
                            report.flippedShells, report.flippedWhole);
  BuildHalfedges(mesh);
  if (options.splitPinched && guard.Check(mesh.NumVert(), EstimateBytes(mesh))) {
    report.pinchedVerticesSplit = repair::SplitPinchedVertices(mesh);
    if (report.pinchedVerticesSplit > 0) BuildHalfedges(mesh);
  }
  CompactVertices(mesh);
  repair::CountEdgeProblems(mesh, report.openEdges, report.nonManifoldEdges);
  report.closedManifold = IsClosedManifold(mesh);
  if (guard.Stopped()) {
    report.stopped = true;
    report.diagnostics.push_back(guard.Diagnostic());
  }

  Note(report, report.invalidFaces, "faces dropped: invalid vertex index, repeated vertex or non-finite point");
  Note(report, report.openEdges, "open edges (holes) left after repair");
  Note(report, report.nonManifoldEdges, "non-manifold edges (more than two faces) left after repair");
  Note(report, report.orientationConflicts, "edges whose faces cannot be oriented consistently");
  if (!report.closedManifold && report.openEdges == 0 && report.nonManifoldEdges == 0 &&
      report.orientationConflicts == 0 && !mesh.triVerts.empty())
    report.diagnostics.push_back({"mesh is not a closed manifold: " + DescribeManifoldProblem(mesh), 1});
  return report.closedManifold;
}

}  // namespace mos::kernel
