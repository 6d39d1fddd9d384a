// Test meshes as flat typed arrays in the viewer's wire format. Plain ESM with
// no DOM use: imported by the Node tests and served to the browser harness.

// Axis-aligned cube [0,size]^3, 8 vertices, 12 outward-wound triangles.
// partOfTriangle(t) picks a part id per triangle (default: all part 0).
export function cube(size = 10, partOfTriangle = () => 0) {
  const positions = new Float32Array(24);
  for (let i = 0; i < 8; i++) {
    positions[3 * i] = i & 1 ? size : 0;
    positions[3 * i + 1] = i & 2 ? size : 0;
    positions[3 * i + 2] = i & 4 ? size : 0;
  }
  const quads = [
    [0, 2, 3, 1], [4, 5, 7, 6], // -z, +z
    [0, 1, 5, 4], [2, 6, 7, 3], // -y, +y
    [0, 4, 6, 2], [1, 3, 7, 5], // -x, +x
  ];
  const indices = new Uint32Array(36);
  quads.forEach(([a, b, c, d], q) => indices.set([a, b, c, a, c, d], 6 * q));
  const partIds = new Uint32Array(12);
  for (let t = 0; t < 12; t++) partIds[t] = partOfTriangle(t);
  return { positions, indices, partIds };
}

// UV sphere centred at `center`, `segments` around and `rings` from pole to pole.
export function sphere(radius = 8, segments = 24, rings = 12, center = [5, 5, 5]) {
  const verts = [];
  for (let r = 0; r <= rings; r++) {
    const phi = (Math.PI * r) / rings;
    for (let s = 0; s < segments; s++) {
      const theta = (2 * Math.PI * s) / segments;
      verts.push(
        center[0] + radius * Math.sin(phi) * Math.cos(theta),
        center[1] + radius * Math.sin(phi) * Math.sin(theta),
        center[2] + radius * Math.cos(phi));
    }
  }
  const idx = [];
  for (let r = 0; r < rings; r++) {
    for (let s = 0; s < segments; s++) {
      const a = r * segments + s, b = r * segments + ((s + 1) % segments);
      const c = a + segments, d = b + segments;
      if (r > 0) idx.push(a, c, b);
      if (r < rings - 1) idx.push(b, c, d);
    }
  }
  const indices = new Uint32Array(idx);
  return { positions: new Float32Array(verts), indices, partIds: new Uint32Array(indices.length / 3) };
}

export function palette(...rgba) {
  return new Uint8Array(rgba.flat());
}
