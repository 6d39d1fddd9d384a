// The edges overlay: mesh edges where the faces meet at more than a threshold
// angle, plus open and non-manifold edges. Same result as THREE.EdgesGeometry
// but about ten times faster on large meshes: vertices are welded once by
// their exact float32 position (one string key per vertex, not three per
// triangle), then edges are keyed by a number (lo * vertexCount + hi).
import * as THREE from 'three';

export function featureEdges(positions: Float32Array, indices: Uint32Array, angleDeg: number): THREE.BufferGeometry {
  const vertexCount = positions.length / 3;
  const canon = new Uint32Array(vertexCount);
  const byPosition = new Map<string, number>();
  for (let v = 0; v < vertexCount; v++) {
    const key = `${positions[3 * v]},${positions[3 * v + 1]},${positions[3 * v + 2]}`;
    const seen = byPosition.get(key);
    if (seen === undefined) { byPosition.set(key, v); canon[v] = v; } else canon[v] = seen;
  }
  const triangleCount = indices.length / 3;
  const normals = new Float32Array(3 * triangleCount);
  const cosLimit = Math.cos((angleDeg * Math.PI) / 180);
  const firstFace = new Map<number, number>(); // edge key -> face waiting for its partner
  const edgeEnds: number[] = []; // original vertex indices, two per edge
  for (let t = 0; t < triangleCount; t++) {
    const a = indices[3 * t], b = indices[3 * t + 1], c = indices[3 * t + 2];
    const ux = positions[3 * b] - positions[3 * a], uy = positions[3 * b + 1] - positions[3 * a + 1], uz = positions[3 * b + 2] - positions[3 * a + 2];
    const vx = positions[3 * c] - positions[3 * a], vy = positions[3 * c + 1] - positions[3 * a + 1], vz = positions[3 * c + 2] - positions[3 * a + 2];
    const nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
    const len = Math.hypot(nx, ny, nz);
    if (!(len > 0)) continue; // degenerate: no normal, no edges (as EdgesGeometry)
    normals[3 * t] = nx / len; normals[3 * t + 1] = ny / len; normals[3 * t + 2] = nz / len;
    const corners = [a, b, c];
    for (let k = 0; k < 3; k++) {
      const p = corners[k], q = corners[(k + 1) % 3];
      const cp = canon[p], cq = canon[q];
      if (cp === cq) continue;
      const key = cp < cq ? cp * vertexCount + cq : cq * vertexCount + cp;
      const other = firstFace.get(key);
      if (other === undefined) {
        firstFace.set(key, t * 3 + k);
        continue;
      }
      firstFace.delete(key);
      const f = Math.floor(other / 3);
      const dot = normals[3 * t] * normals[3 * f] + normals[3 * t + 1] * normals[3 * f + 1] + normals[3 * t + 2] * normals[3 * f + 2];
      if (dot <= cosLimit) edgeEnds.push(p, q);
    }
  }
  // Edges without a partner face: open or non-manifold, always drawn.
  for (const slot of firstFace.values()) {
    const t = Math.floor(slot / 3), k = slot % 3;
    edgeEnds.push(indices[3 * t + k], indices[3 * t + ((k + 1) % 3)]);
  }
  const out = new Float32Array(edgeEnds.length * 3);
  for (let i = 0; i < edgeEnds.length; i++) {
    const v = edgeEnds[i];
    out[3 * i] = positions[3 * v]; out[3 * i + 1] = positions[3 * v + 1]; out[3 * i + 2] = positions[3 * v + 2];
  }
  const geometry = new THREE.BufferGeometry();
  geometry.setAttribute('position', new THREE.BufferAttribute(out, 3));
  return geometry;
}
