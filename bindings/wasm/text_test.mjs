// text() in the WASM build: FreeType + HarfBuzz over the fonts of
// mos_fonts.data at /fonts (mos_wasm, the browser module, loaded in Node),
// names matched without fontconfig (src/geom/font_name_match.h). Checks that
// text renders, that font names and styles are matched, and, given the native
// CLI (the same libraries, fontconfig), that the WASM SVG is byte-identical
// to the native one (contour for contour) for every packaged font, shaping
// included.
//   node text_test.mjs <mos_wasm.mjs> [--native build/bin/mos]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadMos } from './load_module.mjs';

const args = process.argv.slice(2);
const native = args.includes('--native') ? args[args.indexOf('--native') + 1] : '';
const mos = await loadMos(args[0], { packages: ['mos_fonts.data'] });
let failures = 0;
function check(ok, what) {
  if (!ok) {
    failures++;
    console.log('FAIL ' + what);
  }
}

// Area (|sum of signed contour areas|: holes run the other way) and bbox
// of the contours of an SVG path written by mos ("M x,y L x,y ... z").
function measure(svg) {
  let area = 0, contours = 0;
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const m of svg.matchAll(/M ([^z]*)z/g)) {
    const pts = [...m[1].matchAll(/(-?[\d.e+-]+),(-?[\d.e+-]+)/g)].map(p => [+p[1], -p[2]]);
    let a = 0;
    pts.forEach((p, i) => {
      const q = pts[(i + 1) % pts.length];
      a += p[0] * q[1] - q[0] * p[1];
      box[0] = Math.min(box[0], p[0]); box[1] = Math.min(box[1], p[1]);
      box[2] = Math.max(box[2], p[0]); box[3] = Math.max(box[3], p[1]);
    });
    area += a / 2;
    contours++;
  }
  return { area: Math.abs(area), contours, box };
}

// The SVG's contours as one sorted string.
function contourSet(svg) {
  return [...svg.matchAll(/M [^z]*z/g)].map(m => m[0]).sort().join('\n');
}

function renderWasm(source) {
  const r = mos.render(source, { export: 'svg' });
  if (r.exportError) console.log('  wasm: ' + r.exportError + ' ' + r.diagnostics.map(d => d.text).join('; '));
  return r;
}

function renderNative(source) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mos-text-'));
  try {
    writeFileSync(path.join(dir, 'm.scad'), source);
    execFileSync(native, ['-o', path.join(dir, 'm.svg'), path.join(dir, 'm.scad')], { stdio: 'ignore' });
    return readFileSync(path.join(dir, 'm.svg'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const sample = 'Hello, World! AVATAR Tj 0123';
const regular = renderWasm(`text("${sample}", size=10);`);
check(regular.exported !== undefined, 'text() renders an SVG in WASM');
const m = measure(regular.exported || '');
check(m.contours > 20 && m.area > 100, `text has contours (${m.contours}) and area (${m.area})`);

const bold = measure(renderWasm(`text("${sample}", size=10, font="Liberation Sans:style=Bold");`).exported || '');
check(bold.area > 1.2 * m.area, `Bold is heavier (${bold.area} vs ${m.area})`);
const dejavu = measure(renderWasm(`text("${sample}", size=10, font="DejaVu Sans");`).exported || '');
const unknown = measure(renderWasm(`text("${sample}", size=10, font="No Such Font");`).exported || '');
check(dejavu.area !== m.area && unknown.area === dejavu.area,
      'an unknown font falls back to DejaVu Sans, as fontconfig does on Debian');
const centred = measure(renderWasm(`text("${sample}", size=10, halign="center", valign="center");`).exported || '');
check(Math.abs(centred.box[0] + centred.box[2]) < 1 && Math.abs(centred.box[1] + centred.box[3]) < 0.5,
      'halign/valign center centre the text ' + centred.box);

if (native) {
  // Same FreeType and HarfBuzz, same font files: the same contours, vertex
  // for vertex (their order may differ: std::sort of libc++ and libstdc++
  // order equal keys differently in the kernel). Covers
  // hinting (every glyph), vertical layout, combining marks composed by
  // HarfBuzz ("A" + U+030A), Cyrillic, and fontconfig's fallback family.
  const cases = [['Liberation Sans', 'ltr', sample], ['Liberation Sans:style=Bold', 'ltr', sample],
                 ['Liberation Sans:style=Italic', 'ltr', sample], ['Liberation Sans:style=Bold Italic', 'ltr', sample],
                 ['Liberation Mono', 'ltr', sample], ['Liberation Serif', 'ltr', sample],
                 ['DejaVu Sans', 'ltr', sample], ['DejaVu Sans:bold', 'rtl', sample],
                 ['DejaVu Sans Mono', 'ltr', sample], ['Liberation Sans', 'ttb', sample],
                 ['Liberation Sans', 'ltr', 'A\\u030a \\u00c5'], ['Liberation Sans', 'ltr', 'Привет, мир'],
                 ['No Such Font', 'ltr', sample], ['Arial', 'ltr', sample]];
  for (const [font, direction, text] of cases) {
    const src = `text("${text}", size=10, font="${font}", direction="${direction}");`;
    const w = contourSet(renderWasm(src).exported || '');
    const n = contourSet(renderNative(src));
    const same = w === n;
    console.log(`  ${font} ${direction} "${text}": ${same ? 'identical' : 'DIFFERENT'} (${w.length} bytes)`);
    check(same && w.length > 100, `${font} ${direction} "${text}": same contours as native`);
  }
} else {
  console.log('  (no --native mos given: WASM/native comparison skipped)');
}

console.log(failures ? `text_test: ${failures} failure(s)` : 'text_test: all passed');
process.exit(failures ? 1 : 0);
