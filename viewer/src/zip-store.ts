// Minimal ZIP writer (stored entries, no compression) for the 3MF package.
// Follows the PKWARE APPNOTE layout: local headers, central directory, end
// record. Sizes stay far below the 4 GiB limit of plain (non-Zip64) ZIP.

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function zipStore(files: Array<{ name: string; data: Uint8Array }>): Uint8Array {
  const enc = new TextEncoder();
  const entries = files.map((f) => ({ name: enc.encode(f.name), data: f.data, crc: crc32(f.data), offset: 0 }));
  let size = 22;
  for (const e of entries) size += 30 + e.name.length + e.data.length + 46 + e.name.length;
  const out = new Uint8Array(size);
  const dv = new DataView(out.buffer);
  let p = 0;
  const header = (sig: number, e: (typeof entries)[number], central: boolean) => {
    dv.setUint32(p, sig, true); p += 4;
    if (central) { dv.setUint16(p, 20, true); p += 2; } // version made by
    dv.setUint16(p, 20, true); // version needed
    dv.setUint16(p + 2, 0x0800, true); // UTF-8 names
    dv.setUint16(p + 4, 0, true); // stored
    dv.setUint16(p + 6, 0, true); // time
    dv.setUint16(p + 8, 0x21, true); // date 1980-01-01
    dv.setUint32(p + 10, e.crc, true);
    dv.setUint32(p + 14, e.data.length, true);
    dv.setUint32(p + 18, e.data.length, true);
    dv.setUint16(p + 22, e.name.length, true);
    dv.setUint16(p + 24, 0, true); // extra length
    p += 26;
    if (central) {
      // comment length, disk, internal attrs (2+2+2), external attrs (4), offset (4)
      p += 10;
      dv.setUint32(p, e.offset, true); p += 4;
    }
    out.set(e.name, p); p += e.name.length;
  };
  for (const e of entries) {
    e.offset = p;
    header(0x04034b50, e, false);
    out.set(e.data, p); p += e.data.length;
  }
  const centralStart = p;
  for (const e of entries) header(0x02014b50, e, true);
  dv.setUint32(p, 0x06054b50, true);
  dv.setUint16(p + 8, entries.length, true);
  dv.setUint16(p + 10, entries.length, true);
  dv.setUint32(p + 12, p - centralStart, true);
  dv.setUint32(p + 16, centralStart, true);
  return out;
}
