// Turns a decoded mesh into Three.js objects: one indexed BufferGeometry whose
// triangles are grouped by part (counting sort on part id), one material per
// palette entry, and an edges overlay. Flat shading is done in the shader, so
// no normals are computed or sent.
import * as THREE from 'three';
import { featureEdges } from './feature-edges';
import type { DecodedMesh } from './wire-format';

export interface BuiltMesh {
  group: THREE.Group;
  solid: THREE.Mesh;
  edges: THREE.LineSegments;
  materials: THREE.MeshPhongMaterial[];
  bounds: THREE.Box3;
  triangleCount: number;
}

function groupedIndices(mesh: DecodedMesh, partCount: number): { indices: Uint32Array; counts: Uint32Array } {
  const triangleCount = mesh.partIds.length;
  const counts = new Uint32Array(partCount);
  for (let t = 0; t < triangleCount; t++) counts[mesh.partIds[t]]++;
  if (counts[0] === triangleCount) return { indices: mesh.indices, counts };
  const starts = new Uint32Array(partCount);
  for (let p = 1; p < partCount; p++) starts[p] = starts[p - 1] + counts[p - 1];
  const out = new Uint32Array(mesh.indices.length);
  for (let t = 0; t < triangleCount; t++) {
    const dst = 3 * starts[mesh.partIds[t]]++;
    out[dst] = mesh.indices[3 * t];
    out[dst + 1] = mesh.indices[3 * t + 1];
    out[dst + 2] = mesh.indices[3 * t + 2];
  }
  return { indices: out, counts };
}

function partMaterial(palette: Uint8Array, part: number): THREE.MeshPhongMaterial {
  const color = new THREE.Color().setRGB(
    palette[4 * part] / 255, palette[4 * part + 1] / 255, palette[4 * part + 2] / 255, THREE.SRGBColorSpace);
  const alpha = palette[4 * part + 3] / 255;
  return new THREE.MeshPhongMaterial({
    color,
    flatShading: true,
    side: THREE.DoubleSide,
    transparent: alpha < 1,
    opacity: alpha,
    depthWrite: alpha >= 1,
    shininess: 20,
    polygonOffset: true, // keeps the edges overlay in front of the faces
    polygonOffsetFactor: 1,
    polygonOffsetUnits: 1,
  });
}

export function buildMesh(mesh: DecodedMesh, edgeAngleDeg = 20): BuiltMesh {
  const partCount = mesh.palette.length / 4;
  const { indices, counts } = groupedIndices(mesh, partCount);
  const geometry = new THREE.BufferGeometry();
  geometry.setAttribute('position', new THREE.BufferAttribute(mesh.positions, 3));
  geometry.setIndex(new THREE.BufferAttribute(indices, 1));
  const materials: THREE.MeshPhongMaterial[] = [];
  let start = 0;
  for (let p = 0; p < partCount; p++) {
    materials.push(partMaterial(mesh.palette, p));
    if (counts[p] > 0) geometry.addGroup(start * 3, counts[p] * 3, p);
    start += counts[p];
  }
  geometry.computeBoundingBox();
  geometry.computeBoundingSphere();
  const solid = new THREE.Mesh(geometry, materials);
  solid.name = 'mos-solid';

  const edgesGeometry = featureEdges(mesh.positions, mesh.indices, edgeAngleDeg);
  const edges = new THREE.LineSegments(edgesGeometry, new THREE.LineBasicMaterial({ color: 0x202020 }));
  edges.name = 'mos-edges';

  const group = new THREE.Group();
  group.add(solid, edges);
  return {
    group, solid, edges, materials,
    bounds: geometry.boundingBox!.clone(),
    triangleCount: indices.length / 3,
  };
}

export function disposeBuiltMesh(built: BuiltMesh): void {
  built.group.removeFromParent();
  built.solid.geometry.dispose();
  for (const m of built.materials) m.dispose();
  built.edges.geometry.dispose();
  (built.edges.material as THREE.Material).dispose();
}
