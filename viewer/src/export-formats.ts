// Exports of the mesh on screen made in the browser from the same arrays the
// viewer draws (float32 coordinates): binary STL, OFF and 3MF with the palette
// as base materials. Used only without a Python side to ask (e.g. a notebook
// exported as static HTML); otherwise the engine writes the file.
import { partIdsOf, type DecodedMesh } from './wire-format';
import { zipStore } from './zip-store';

export type ExportFormat = 'stl' | 'off' | '3mf';

export function toStl(m: DecodedMesh): Uint8Array {
  const n = m.indices.length / 3;
  const out = new Uint8Array(84 + 50 * n);
  const dv = new DataView(out.buffer);
  out.set(new TextEncoder().encode('marimo-openscad binary STL'), 0);
  dv.setUint32(80, n, true);
  const p = m.positions;
  for (let t = 0; t < n; t++) {
    const a = 3 * m.indices[3 * t], b = 3 * m.indices[3 * t + 1], c = 3 * m.indices[3 * t + 2];
    const ux = p[b] - p[a], uy = p[b + 1] - p[a + 1], uz = p[b + 2] - p[a + 2];
    const vx = p[c] - p[a], vy = p[c + 1] - p[a + 1], vz = p[c + 2] - p[a + 2];
    let nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
    const len = Math.hypot(nx, ny, nz) || 1;
    nx /= len; ny /= len; nz /= len;
    let o = 84 + 50 * t;
    for (const v of [nx, ny, nz, p[a], p[a + 1], p[a + 2], p[b], p[b + 1], p[b + 2], p[c], p[c + 1], p[c + 2]]) {
      dv.setFloat32(o, v, true); o += 4;
    }
    dv.setUint16(o, 0, true);
  }
  return out;
}

export function toOff(m: DecodedMesh): Uint8Array {
  const v = m.positions.length / 3, f = m.indices.length / 3;
  const lines = ['OFF', `${v} ${f} 0`];
  for (let i = 0; i < v; i++) lines.push(`${m.positions[3 * i]} ${m.positions[3 * i + 1]} ${m.positions[3 * i + 2]}`);
  for (let t = 0; t < f; t++) lines.push(`3 ${m.indices[3 * t]} ${m.indices[3 * t + 1]} ${m.indices[3 * t + 2]}`);
  return new TextEncoder().encode(lines.join('\n') + '\n');
}

function hex2(n: number): string {
  return n.toString(16).padStart(2, '0').toUpperCase();
}

export function to3mf(m: DecodedMesh): Uint8Array {
  const parts: string[] = [];
  parts.push('<?xml version="1.0" encoding="UTF-8"?>\n<model unit="millimeter" xml:lang="en-US" xmlns="http://schemas.microsoft.com/3dmanufacturing/core/2015/02">\n<resources>\n<basematerials id="1">\n');
  for (let i = 0; i < m.palette.length / 4; i++) {
    const c = m.palette.subarray(4 * i, 4 * i + 4);
    parts.push(`<base name="part${i}" displaycolor="#${hex2(c[0])}${hex2(c[1])}${hex2(c[2])}${hex2(c[3])}"/>\n`);
  }
  parts.push('</basematerials>\n<object id="2" type="model" pid="1" pindex="0">\n<mesh>\n<vertices>\n');
  const p = m.positions;
  for (let i = 0; i < p.length; i += 3) parts.push(`<vertex x="${p[i]}" y="${p[i + 1]}" z="${p[i + 2]}"/>\n`);
  parts.push('</vertices>\n<triangles>\n');
  const partIds = partIdsOf(m);
  for (let t = 0; t < m.indices.length / 3; t++) {
    parts.push(`<triangle v1="${m.indices[3 * t]}" v2="${m.indices[3 * t + 1]}" v3="${m.indices[3 * t + 2]}" pid="1" p1="${partIds[t]}"/>\n`);
  }
  parts.push('</triangles>\n</mesh>\n</object>\n</resources>\n<build>\n<item objectid="2"/>\n</build>\n</model>\n');
  const enc = new TextEncoder();
  return zipStore([
    { name: '[Content_Types].xml', data: enc.encode('<?xml version="1.0" encoding="UTF-8"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="model" ContentType="application/vnd.ms-package.3dmanufacturing-3dmodel+xml"/></Types>\n') },
    { name: '_rels/.rels', data: enc.encode('<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Target="/3D/3dmodel.model" Id="rel0" Type="http://schemas.microsoft.com/3dmanufacturing/2013/01/3dmodel"/></Relationships>\n') },
    { name: '3D/3dmodel.model', data: enc.encode(parts.join('')) },
  ]);
}

export function exportMesh(m: DecodedMesh, format: ExportFormat): Blob {
  const bytes = format === 'stl' ? toStl(m) : format === 'off' ? toOff(m) : to3mf(m);
  const type = format === '3mf' ? 'model/3mf' : format === 'stl' ? 'model/stl' : 'text/plain';
  return new Blob([bytes as BlobPart], { type });
}
