// Turns a decoded mesh into Three.js objects: one indexed BufferGeometry whose
// triangles arrive grouped by part (part_counts), one material per colour.
// Materials come from a cache that lives as long as the viewer, so a new mesh
// never creates (or compiles shaders for) materials it has seen before. Flat
// shading is done in the shader, so no normals are computed or sent. The edges
// overlay is built separately (ensureEdges), only when it is shown.
import * as THREE from 'three';
import { EDGE_ANGLE_DEG, meshTopology } from './feature-edges';
import type { DecodedMesh } from './wire-format';

export interface BuiltMesh {
  group: THREE.Group;
  solid: THREE.Mesh;
  edges: THREE.LineSegments | null; // built on first display
  closed: boolean | null; // a closed outward surface (feature-edges.ts); null: not known yet
  materials: THREE.MeshPhongMaterial[];
  bounds: THREE.Box3;
  triangleCount: number;
  source: DecodedMesh;
}

// One material per RGBA colour, shared by every mesh of one viewer.
export class MaterialCache {
  private readonly byColour = new Map<number, THREE.MeshPhongMaterial>();
  readonly edgeMaterial = new THREE.LineBasicMaterial({ color: 0x202020 });
  static readonly MAX = 256;

  get(palette: Uint8Array, part: number): THREE.MeshPhongMaterial {
    const r = palette[4 * part], g = palette[4 * part + 1], b = palette[4 * part + 2], a = palette[4 * part + 3];
    const key = ((r << 24) | (g << 16) | (b << 8) | a) >>> 0;
    let m = this.byColour.get(key);
    if (!m) {
      const alpha = a / 255;
      m = new THREE.MeshPhongMaterial({
        color: new THREE.Color().setRGB(r / 255, g / 255, b / 255, THREE.SRGBColorSpace),
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
      this.byColour.set(key, m);
    }
    return m;
  }

  // Frees materials the current mesh does not use once there are many.
  prune(inUse: THREE.Material[]): void {
    if (this.byColour.size <= MaterialCache.MAX) return;
    const keep = new Set(inUse);
    for (const [key, m] of this.byColour) {
      if (!keep.has(m)) { m.dispose(); this.byColour.delete(key); }
    }
  }

  all(): THREE.MeshPhongMaterial[] {
    return [...this.byColour.values()];
  }

  dispose(): void {
    for (const m of this.byColour.values()) m.dispose();
    this.byColour.clear();
    this.edgeMaterial.dispose();
  }
}

export function buildMesh(mesh: DecodedMesh, cache: MaterialCache): BuiltMesh {
  const partCount = mesh.palette.length / 4;
  const geometry = new THREE.BufferGeometry();
  geometry.setAttribute('position', new THREE.BufferAttribute(mesh.positions, 3));
  geometry.setIndex(new THREE.BufferAttribute(mesh.indices, 1));
  const materials: THREE.MeshPhongMaterial[] = [];
  let start = 0;
  for (let p = 0; p < partCount; p++) {
    materials.push(cache.get(mesh.palette, p));
    const count = mesh.partCounts[p];
    if (count > 0) geometry.addGroup(start * 3, count * 3, p);
    start += count;
  }
  geometry.computeBoundingBox();
  // The sphere around the box: enough for culling, no second pass.
  geometry.boundingSphere = geometry.boundingBox!.getBoundingSphere(new THREE.Sphere());
  const solid = new THREE.Mesh(geometry, materials);
  solid.name = 'mos-solid';
  const group = new THREE.Group();
  group.add(solid);
  cache.prune(materials);
  return {
    group, solid, edges: null, closed: null, materials,
    bounds: geometry.boundingBox!.clone(),
    triangleCount: mesh.indices.length / 3,
    source: mesh,
  };
}

// Adds the edges overlay to `built` (once) and returns it.
// The worker's edges when it computed them at this angle, else our own pass.
export function ensureEdges(built: BuiltMesh, cache: MaterialCache, edgeAngleDeg = EDGE_ANGLE_DEG): THREE.LineSegments {
  if (!built.edges) {
    const given = built.source.topology;
    const topology = given && given.angleDeg === edgeAngleDeg
      ? given
      : meshTopology(built.source.positions, built.source.indices, edgeAngleDeg, true);
    built.closed = topology.closed;
    const geometry = new THREE.BufferGeometry();
    geometry.setAttribute('position', new THREE.BufferAttribute(topology.edges!, 3));
    built.edges = new THREE.LineSegments(geometry, cache.edgeMaterial);
    built.edges.name = 'mos-edges';
    built.group.add(built.edges);
  }
  return built.edges;
}

// Whether `built` is a closed surface seen from outside (the same pass as
// the edges overlay, which gives it when it was built).
export function isClosed(built: BuiltMesh): boolean {
  if (built.closed === null && built.source.topology) built.closed = built.source.topology.closed;
  if (built.closed === null) built.closed = meshTopology(built.source.positions, built.source.indices, 0, false).closed;
  return built.closed;
}

// Frees the mesh's GPU buffers; its materials stay in the cache.
export function disposeBuiltMesh(built: BuiltMesh): void {
  built.group.removeFromParent();
  built.solid.geometry.dispose();
  built.edges?.geometry.dispose();
}
