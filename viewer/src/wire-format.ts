// Decodes the mesh traits (see viewer/README.md, "Traits") into typed arrays
// and validates them, so bad data becomes a message, never a crash or a WebGL
// error. Binary traits arrive from anywidget as DataView; ArrayBuffer and
// typed arrays are accepted as well.

import type { PrecomputedTopology } from './feature-edges';

export interface DecodedMesh {
  positions: Float32Array; // xyz per vertex
  indices: Uint16Array | Uint32Array; // 3 per triangle, sorted by part
  palette: Uint8Array; // rgba per part
  partCounts: Uint32Array; // triangles per part, in palette order
  // The edges overlay and closedness, when the render worker computed them
  // (mesh-builder.ts uses them instead of its own pass).
  topology?: PrecomputedTopology;
}

type Binary = DataView | ArrayBuffer | ArrayBufferView | null | undefined;

function bytesOf(value: unknown): Uint8Array | null {
  if (value == null) return null;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (ArrayBuffer.isView(value)) {
    return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  }
  return null;
}

// Typed views need their element alignment; copy only when the transport gave
// an unaligned slice.
function aligned(bytes: Uint8Array, size: number): Uint8Array {
  if (bytes.byteOffset % size === 0) return bytes;
  return bytes.slice();
}

function asFloat32(bytes: Uint8Array): Float32Array {
  const b = aligned(bytes, 4);
  return new Float32Array(b.buffer, b.byteOffset, b.byteLength / 4);
}

function asUint32(bytes: Uint8Array): Uint32Array {
  const b = aligned(bytes, 4);
  return new Uint32Array(b.buffer, b.byteOffset, b.byteLength / 4);
}

function asUint16(bytes: Uint8Array): Uint16Array {
  const b = aligned(bytes, 2);
  return new Uint16Array(b.buffer, b.byteOffset, b.byteLength / 2);
}

export const DEFAULT_RGBA = [249, 215, 44, 255]; // OpenSCAD's default yellow

// Returns null for "no mesh" (empty positions), throws Error with a readable
// message for malformed data. `indexBytes` is 2 (uint16) or 4 (uint32).
export function decodeMesh(
  positionsRaw: Binary | unknown,
  indicesRaw: Binary | unknown,
  indexBytes: unknown,
  paletteRaw: Binary | unknown,
  partCountsRaw: Binary | unknown,
): DecodedMesh | null {
  const pos = bytesOf(positionsRaw);
  const idx = bytesOf(indicesRaw);
  if (!pos || pos.byteLength === 0) return null;
  const width = indexBytes === 2 ? 2 : indexBytes === 4 || indexBytes == null ? 4 : 0;
  if (!width) throw new Error(`index_bytes: ${String(indexBytes)} is neither 2 nor 4`);
  if (pos.byteLength % 12 !== 0) throw new Error(`positions: ${pos.byteLength} bytes is not a multiple of 12 (3 x float32)`);
  if (!idx || idx.byteLength % (3 * width) !== 0) {
    throw new Error(`indices: ${idx ? idx.byteLength : 0} bytes is not a multiple of ${3 * width} (3 x uint${8 * width})`);
  }
  const positions = asFloat32(pos);
  const indices = width === 2 ? asUint16(idx) : asUint32(idx);
  const vertexCount = positions.length / 3;
  let maxIndex = 0;
  for (let i = 0; i < indices.length; i++) if (indices[i] > maxIndex) maxIndex = indices[i];
  if (indices.length && maxIndex >= vertexCount) {
    const i = indices.findIndex((v) => v >= vertexCount);
    throw new Error(`indices[${i}] = ${indices[i]} is out of range (${vertexCount} vertices)`);
  }
  for (let i = 0; i < positions.length; i++) {
    if (!Number.isFinite(positions[i])) throw new Error(`positions[${i}] is not finite`);
  }
  const triangleCount = indices.length / 3;

  let palette = bytesOf(paletteRaw);
  if (!palette || palette.byteLength === 0) palette = new Uint8Array(DEFAULT_RGBA);
  if (palette.byteLength % 4 !== 0) throw new Error(`palette: ${palette.byteLength} bytes is not a multiple of 4 (rgba)`);
  const partCount = palette.byteLength / 4;

  const countBytes = bytesOf(partCountsRaw);
  let partCounts: Uint32Array;
  if (!countBytes || countBytes.byteLength === 0) {
    partCounts = new Uint32Array(partCount);
    partCounts[0] = triangleCount; // all part 0
  } else {
    if (countBytes.byteLength !== partCount * 4) throw new Error(`part_counts: ${countBytes.byteLength / 4} entries for ${partCount} palette entries`);
    partCounts = asUint32(countBytes);
    let sum = 0;
    for (let p = 0; p < partCount; p++) sum += partCounts[p];
    if (sum !== triangleCount) throw new Error(`part_counts add up to ${sum} triangles, indices hold ${triangleCount}`);
  }
  return { positions, indices, palette, partCounts };
}

// The part of each triangle (exports that name it per triangle).
export function partIdsOf(mesh: DecodedMesh): Uint32Array {
  const out = new Uint32Array(mesh.indices.length / 3);
  let t = 0;
  for (let p = 0; p < mesh.partCounts.length; p++) {
    out.fill(p, t, t + mesh.partCounts[p]);
    t += mesh.partCounts[p];
  }
  return out;
}
