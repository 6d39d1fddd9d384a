// Decodes the mesh traits (see viewer/README.md, "Wire format") into typed
// arrays and validates them, so bad data becomes a message, never a crash or a
// WebGL error. Binary traits arrive from anywidget as DataView; ArrayBuffer
// and typed arrays are accepted as well.

export interface DecodedMesh {
  positions: Float32Array; // xyz per vertex
  indices: Uint32Array; // 3 per triangle
  palette: Uint8Array; // rgba per part
  partIds: Uint32Array; // one part id per triangle
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

// Typed views need 4-byte alignment; copy only when the transport gave an
// unaligned slice.
function aligned(bytes: Uint8Array): Uint8Array {
  if (bytes.byteOffset % 4 === 0) return bytes;
  return bytes.slice();
}

function asFloat32(bytes: Uint8Array): Float32Array {
  const b = aligned(bytes);
  return new Float32Array(b.buffer, b.byteOffset, b.byteLength / 4);
}

function asUint32(bytes: Uint8Array): Uint32Array {
  const b = aligned(bytes);
  return new Uint32Array(b.buffer, b.byteOffset, b.byteLength / 4);
}

export const DEFAULT_RGBA = [249, 215, 44, 255]; // OpenSCAD's default yellow

// Returns null for "no mesh" (empty positions), throws Error with a readable
// message for malformed data.
export function decodeMesh(
  positionsRaw: Binary | unknown,
  indicesRaw: Binary | unknown,
  paletteRaw: Binary | unknown,
  partIdsRaw: Binary | unknown,
): DecodedMesh | null {
  const pos = bytesOf(positionsRaw);
  const idx = bytesOf(indicesRaw);
  if (!pos || pos.byteLength === 0) return null;
  if (pos.byteLength % 12 !== 0) throw new Error(`positions: ${pos.byteLength} bytes is not a multiple of 12 (3 x float32)`);
  if (!idx || idx.byteLength % 12 !== 0) throw new Error(`indices: ${idx ? idx.byteLength : 0} bytes is not a multiple of 12 (3 x uint32)`);
  const positions = asFloat32(pos);
  const indices = asUint32(idx);
  const vertexCount = positions.length / 3;
  for (let i = 0; i < indices.length; i++) {
    if (indices[i] >= vertexCount) throw new Error(`indices[${i}] = ${indices[i]} is out of range (${vertexCount} vertices)`);
  }
  for (let i = 0; i < positions.length; i++) {
    if (!Number.isFinite(positions[i])) throw new Error(`positions[${i}] is not finite`);
  }
  const triangleCount = indices.length / 3;

  let palette = bytesOf(paletteRaw);
  if (!palette || palette.byteLength === 0) palette = new Uint8Array(DEFAULT_RGBA);
  if (palette.byteLength % 4 !== 0) throw new Error(`palette: ${palette.byteLength} bytes is not a multiple of 4 (rgba)`);
  const partCount = palette.byteLength / 4;

  const partBytes = bytesOf(partIdsRaw);
  let partIds: Uint32Array;
  if (!partBytes || partBytes.byteLength === 0) {
    partIds = new Uint32Array(triangleCount); // all part 0
  } else {
    if (partBytes.byteLength !== triangleCount * 4) throw new Error(`part_ids: ${partBytes.byteLength / 4} entries for ${triangleCount} triangles`);
    partIds = asUint32(partBytes);
    for (let i = 0; i < partIds.length; i++) {
      if (partIds[i] >= partCount) throw new Error(`part_ids[${i}] = ${partIds[i]} is out of range (${partCount} palette entries)`);
    }
  }
  return { positions, indices, palette, partIds };
}
