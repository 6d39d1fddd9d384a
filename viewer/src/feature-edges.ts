// The edges overlay: mesh edges where the faces meet at more than a threshold
// angle, plus open and non-manifold edges; and, from the same pass, whether
// the mesh is a closed, consistently oriented surface. Same result as THREE.EdgesGeometry
// but much faster on large meshes and with almost no garbage: vertices are
// welded by their exact float32 position and edges are found through two
// open-addressing hash tables in typed arrays (no strings, no Map).
import * as THREE from 'three';

// The overlay's angle: faces meeting at more than this many degrees.
export const EDGE_ANGLE_DEG = 20;
// Its cosine as meshTopology compares it; the render worker passes the same
// double to the engine (viewEdgeCos, bindings/wasm/wasm_view_mesh.h), whose
// C++ copy of meshTopology then gives the same edges, in the same order.
export const edgeAngleCos = (angleDeg: number): number => Math.cos((angleDeg * Math.PI) / 180);

// Edges and closedness computed before the mesh reached the viewer (the
// render worker's engine: worker-renderer.ts decodedFromWorker).
export interface PrecomputedTopology {
  angleDeg: number;
  edges: Float32Array;
  closed: boolean;
}

function tableSize(n: number): number {
  let size = 16;
  while (size < 2 * n) size *= 2;
  return size;
}

// canon[v]: the first vertex with v's exact position (-0 and 0 alike).
function weldByPosition(positions: Float32Array): Uint32Array {
  const vertexCount = positions.length / 3;
  const bits = new Uint32Array(positions.buffer, positions.byteOffset, positions.length);
  const key = (i: number): number => (bits[i] === 0x80000000 ? 0 : bits[i]);
  const size = tableSize(vertexCount), mask = size - 1;
  const table = new Int32Array(size).fill(-1);
  const canon = new Uint32Array(vertexCount);
  for (let v = 0; v < vertexCount; v++) {
    const x = key(3 * v), y = key(3 * v + 1), z = key(3 * v + 2);
    let h = (Math.imul(x, 73856093) ^ Math.imul(y, 19349663) ^ Math.imul(z, 83492791)) & mask;
    for (;;) {
      const seen = table[h];
      if (seen < 0) { table[h] = v; canon[v] = v; break; }
      if (key(3 * seen) === x && key(3 * seen + 1) === y && key(3 * seen + 2) === z) { canon[v] = seen; break; }
      h = (h + 1) & mask;
    }
  }
  return canon;
}

export interface MeshTopology {
  // Segment end points (xyz pairs) of the feature, open and non-manifold
  // edges; null when not asked for.
  edges: Float32Array | null;
  // Every edge (vertices welded by position) is run as often in one
  // direction as in the other, and the signed volume is positive: a closed,
  // consistently oriented surface whose front faces point out, so back
  // faces can be culled (viewer.ts) without opening a hole.
  closed: boolean;
}

export function featureEdges(positions: Float32Array, indices: Uint16Array | Uint32Array, angleDeg: number): THREE.BufferGeometry {
  const geometry = new THREE.BufferGeometry();
  geometry.setAttribute('position', new THREE.BufferAttribute(meshTopology(positions, indices, angleDeg, true).edges!, 3));
  return geometry;
}

// One pass over the triangles for both the edges overlay and closedness.
export function meshTopology(positions: Float32Array, indices: Uint16Array | Uint32Array, angleDeg: number,
                             wantEdges: boolean): MeshTopology {
  const canon = weldByPosition(positions);
  let volume6 = 0; // six times the signed volume
  const triangleCount = indices.length / 3;
  const normals = new Float32Array(3 * triangleCount);
  const cosLimit = edgeAngleCos(angleDeg);
  const size = tableSize(2 * triangleCount), mask = size - 1;
  // One slot per edge, four int32 side by side (one cache line per probe):
  // LO, HI (welded end vertices, lo < hi; LO -1 = empty), WAIT (half-edge
  // t * 3 + k of a face waiting for its partner, or -1), BAL (uses of the
  // edge from lo to hi minus uses from hi to lo: zero on every edge of a
  // closed, consistently oriented surface, degenerate faces (a vertex on
  // the opposite edge) included; they are the chain that stands in for the
  // long edge their neighbour runs).
  const slots = new Int32Array(4 * size);
  for (let i = 0; i < 4 * size; i += 4) slots[i] = -1;
  const ends = new Uint32Array(wantEdges ? 6 * triangleCount : 0); // original vertex indices, two per edge
  let endCount = 0;
  for (let t = 0; t < triangleCount; t++) {
    const a = indices[3 * t], b = indices[3 * t + 1], c = indices[3 * t + 2];
    const ux = positions[3 * b] - positions[3 * a], uy = positions[3 * b + 1] - positions[3 * a + 1], uz = positions[3 * b + 2] - positions[3 * a + 2];
    const vx = positions[3 * c] - positions[3 * a], vy = positions[3 * c + 1] - positions[3 * a + 1], vz = positions[3 * c + 2] - positions[3 * a + 2];
    const nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
    const len = Math.sqrt(nx * nx + ny * ny + nz * nz); // not Math.hypot: several times slower in V8
    const degenerate = !(len > 0); // no normal, no feature edges (as EdgesGeometry)
    if (!degenerate) {
      volume6 += positions[3 * a] * nx + positions[3 * a + 1] * ny + positions[3 * a + 2] * nz;
      normals[3 * t] = nx / len; normals[3 * t + 1] = ny / len; normals[3 * t + 2] = nz / len;
    }
    for (let k = 0; k < 3; k++) {
      const p = indices[3 * t + k], q = indices[3 * t + ((k + 1) % 3)];
      const cp = canon[p], cq = canon[q];
      if (cp === cq) continue;
      const lo = cp < cq ? cp : cq, hi = cp < cq ? cq : cp;
      let h = (Math.imul(lo, 73856093) ^ Math.imul(hi, 19349663)) & mask;
      while (slots[4 * h] >= 0 && (slots[4 * h] !== lo || slots[4 * h + 1] !== hi)) h = (h + 1) & mask;
      const at = 4 * h;
      slots[at + 3] += cp < cq ? 1 : -1;
      if (slots[at] < 0) { slots[at] = lo; slots[at + 1] = hi; slots[at + 2] = degenerate ? -1 : 3 * t + k; continue; }
      if (degenerate) continue;
      const other = slots[at + 2];
      if (other < 0) { slots[at + 2] = 3 * t + k; continue; } // a third face: waits anew
      slots[at + 2] = -1;
      const f = (other / 3) | 0;
      const dot = normals[3 * t] * normals[3 * f] + normals[3 * t + 1] * normals[3 * f + 1] + normals[3 * t + 2] * normals[3 * f + 2];
      if (wantEdges && dot <= cosLimit) { ends[endCount++] = p; ends[endCount++] = q; }
    }
  }
  let closed = triangleCount > 0 && volume6 > 0;
  for (let h = 0; closed && h < size; h++) if (slots[4 * h + 3] !== 0) closed = false;
  if (!wantEdges) return { edges: null, closed };
  // Edges without a partner face: open or non-manifold, always drawn; in
  // the order of their half-edges (not of the table, so that the engine's
  // copy, bindings/wasm/wasm_view_mesh.cpp, can find them another way).
  let waitCount = 0;
  for (let h = 0; h < size; h++) if (slots[4 * h] >= 0 && slots[4 * h + 2] >= 0) waitCount++;
  const waits = new Int32Array(waitCount);
  waitCount = 0;
  for (let h = 0; h < size; h++) if (slots[4 * h] >= 0 && slots[4 * h + 2] >= 0) waits[waitCount++] = slots[4 * h + 2];
  waits.sort();
  for (let i = 0; i < waitCount; i++) {
    const wait = waits[i];
    const t = (wait / 3) | 0, k = wait % 3;
    ends[endCount++] = indices[3 * t + k];
    ends[endCount++] = indices[3 * t + ((k + 1) % 3)];
  }
  const out = new Float32Array(endCount * 3);
  for (let i = 0; i < endCount; i++) {
    const v = ends[i];
    out[3 * i] = positions[3 * v]; out[3 * i + 1] = positions[3 * v + 1]; out[3 * i + 2] = positions[3 * v + 2];
  }
  return { edges: out, closed };
}
