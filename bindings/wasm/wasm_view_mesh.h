// The rendered mesh as the viewer draws it, prepared in the render worker so
// the page's main thread does not: triangles grouped by part (the viewer's
// wire format, viewer/src/wire-format.ts), and the edges overlay and
// closedness flag of viewer/src/feature-edges.ts meshTopology: the same
// welding, float32 normals, double arithmetic and pairing of each edge's
// faces in half-edge order (found through buckets per vertex instead of its
// hash table), so the segments are the same, in the same order, whichever
// side built them (tests/viewer/worker-view-mesh.test.mjs).
#pragma once

#include <cstdint>
#include <vector>

#include <emscripten/val.h>

#include "mos/mesh.h"

namespace mos::wasm {

struct ViewMesh {
  std::vector<uint32_t> indices;     // 3 per triangle, grouped by part (stable)
  std::vector<uint32_t> partCounts;  // triangles per palette entry (at least one entry)
  std::vector<float> edges;          // segment end points, xyz pairs
  bool closed = false;               // closed, consistently oriented, outward
};

// `cosLimit`: the cosine of the feature-edge angle, as the viewer computes
// it (Math.cos), so both sides compare against the same double.
ViewMesh BuildViewMesh(const Mesh& mesh, double cosLimit);

// {indices: Uint32Array, partCounts: Uint32Array, edges: Float32Array,
//  closed}: arrays with buffers of their own (transferable).
emscripten::val ViewMeshToJs(const ViewMesh& view);

}  // namespace mos::wasm
