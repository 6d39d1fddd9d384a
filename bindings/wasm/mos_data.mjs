// Installs a data package (written by pack_data.mjs) into the engine
// module's in-memory file system: fonts under /fonts (text() needs them
// there before its first use), OpenSCAD's MCAD under /libraries (searched by
// `use <MCAD/...>`) and its examples under /examples.
//   await installDataPackage(mos, bytesOrUrl) -> list of installed paths

const MAGIC = 'MOSDATA1';

export function parseDataPackage(bytes) {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (data.length < 12 || new TextDecoder().decode(data.subarray(0, 8)) !== MAGIC) {
    throw new Error('not a mos data package');
  }
  const headerLength = new DataView(data.buffer, data.byteOffset + 8, 4).getUint32(0, true);
  const header = JSON.parse(new TextDecoder().decode(data.subarray(12, 12 + headerLength)));
  let offset = 12 + headerLength;
  const files = [];
  for (const f of header.files) {
    if (typeof f.path !== 'string' || !f.path.startsWith('/') || f.path.includes('/../') ||
        !(f.size >= 0) || offset + f.size > data.length) {
      throw new Error(`bad data package entry ${JSON.stringify(f)}`);
    }
    files.push({ path: f.path, bytes: data.subarray(offset, offset + f.size) });
    offset += f.size;
  }
  return files;
}

export async function fetchBytes(source) {
  if (source instanceof Uint8Array) return source;
  if (source instanceof ArrayBuffer) return new Uint8Array(source);
  const response = await fetch(source);
  if (!response.ok) throw new Error(`${source}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

export async function installDataPackage(mos, source) {
  const files = parseDataPackage(await fetchBytes(source));
  for (const { path, bytes } of files) {
    mos.FS.mkdirTree(path.slice(0, path.lastIndexOf('/')) || '/');
    mos.FS.writeFile(path, bytes);
  }
  return files.map((f) => f.path);
}
