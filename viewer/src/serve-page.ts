// The page `mos serve` serves (cli/serve/serve_command.h): the viewer, the
// customizer panel and the WASM engine in a Web Worker (RenderClient). The
// model's files come from the server (/api/model lists them, /files/...
// holds them) and are written into the engine's in-memory file system at
// their real paths, so include/use resolve as on disk. A customizer edit
// renders in the worker at once (latest wins); a "reload" event from the
// server (/api/events: the model or a file it includes changed on disk)
// fetches the files again and renders with the current customizer values.
import './styles.css';
import { changedDefines, createCustomizerPanel, type CustomizerParameter, type CustomizerPanel } from './customizer-panel';
import type { EngineDiagnostic, EngineResult } from './render-protocol';
import { RenderClient, type RenderOutcome } from './render-client';
import { TraitModel } from './page-model';
import { Viewer } from './viewer';
import type { ScadErrorInfo } from './widget-model';

interface ModelInfo {
  name: string;
  file: string;
  libraryPaths: string[];
  version: number;
  parsed: boolean;
  files: Array<{ path: string; url: string }>;
  customizer: { parameters: CustomizerParameter[] };
}

// The viewer's traits, held in the page; the viewer may also set them.
class PageModel extends TraitModel {
  set(name: string, value: unknown): void { this.setMany({ [name]: value }); }
}

// The worker's mesh (a part id per triangle) as the viewer's traits
// (triangles sorted by part, a count per palette entry).
function meshTraits(result: EngineResult): Record<string, unknown> {
  const { positions, indices, partIds, palette } = result.mesh;
  const parts = Math.max(1, palette.length / 4);
  const n = partIds.length;
  const counts = new Uint32Array(parts);
  for (let t = 0; t < n; t++) counts[Math.min(partIds[t], parts - 1)]++;
  const starts = new Uint32Array(parts);
  for (let p = 1; p < parts; p++) starts[p] = starts[p - 1] + counts[p - 1];
  const sorted = new Uint32Array(indices.length);
  for (let t = 0; t < n; t++) {
    const at = 3 * starts[Math.min(partIds[t], parts - 1)]++;
    sorted[at] = indices[3 * t];
    sorted[at + 1] = indices[3 * t + 1];
    sorted[at + 2] = indices[3 * t + 2];
  }
  return {
    positions, indices: sorted, index_bytes: 4,
    palette: palette.length ? palette : null, part_counts: counts,
  };
}

export interface ServeState {
  version: number; // of the model files on screen
  renders: number; // outcomes applied
  lastStatus: string;
  triangles: number;
  bbox: { min: number[]; max: number[] } | null;
  error: ScadErrorInfo | null;
  rendering: boolean;
  log: string[]; // the last render's diagnostics, as the CLI prints them
}

function element<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing from the page`);
  return el as T;
}

// SCAD sources as text (the error panel shows their lines), every other
// file (STL, PNG, DXF ... that import() and surface() read) as bytes.
async function fetchFile(url: string): Promise<string | Uint8Array> {
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  if (/\.scad$/i.test(decodeURIComponent(url))) return response.text();
  return new Uint8Array(await response.arrayBuffer());
}

export async function start(): Promise<void> {
  const model = new PageModel();
  const viewer = new Viewer(model, element('mos-view'));
  const client = new RenderClient({
    workerUrl: '/assets/render-worker.js',
    moduleUrl: '/assets/mos_wasm.mjs',
    packages: ['/assets/mos_fonts.data', '/assets/mos_libraries.data'],
  });
  client.warm();
  const state: ServeState = { version: 0, renders: 0, lastStatus: '', triangles: 0, bbox: null, error: null, rendering: false, log: [] };
  const statusLine = element('mos-state');
  const logEl = element('mos-log');
  let info: ModelInfo | null = null;
  let texts: Record<string, string | Uint8Array> = {};
  let panel: CustomizerPanel | null = null;
  let loads = 0;

  const showLog = (diagnostics: EngineDiagnostic[]): void => {
    state.log = diagnostics.map((d) => d.text);
    logEl.textContent = state.log.join('\n');
  };

  // The first error of a render, with the text of its file for the snippet.
  const errorOf = (result: EngineResult): ScadErrorInfo | null => {
    const d = result.diagnostics.find((x) => x.severity === 'error');
    if (!d) return result.ok ? null : { message: 'the render failed' };
    const path = Object.keys(texts).find((p) => d.file && (p === d.file || p.endsWith(`/${d.file}`)));
    const info: ScadErrorInfo = { message: d.message };
    if (d.line > 0) info.line = d.line;
    if (d.column > 0) info.column = d.column;
    if (d.file) info.file = d.file.slice(d.file.lastIndexOf('/') + 1);
    const source = path ? texts[path] : undefined;
    if (typeof source === 'string' && d.line > 0) info.source = source;
    return info;
  };

  const apply = (outcome: RenderOutcome): void => {
    // A newer render replaced this one: its outcome is the one to show.
    if (outcome.status === 'superseded' || outcome.status === 'cancelled') return;
    state.renders++;
    state.lastStatus = outcome.status;
    const traits: Record<string, unknown> = { loading: client.busy };
    if (outcome.status === 'done' && outcome.result) {
      const result = outcome.result;
      showLog(result.diagnostics);
      state.error = errorOf(result);
      // A render an error stopped keeps the last good mesh on screen.
      if (result.ok) {
        Object.assign(traits, meshTraits(result));
        state.triangles = result.triangles ?? 0;
        state.bbox = result.bbox ?? null;
      }
      traits.render_ms = outcome.engineMs ?? null;
    } else {
      state.error = { message: outcome.error ?? `render ${outcome.status}` };
      showLog([]);
    }
    traits.error = state.error;
    state.rendering = client.busy;
    model.setMany(traits);
    statusLine.textContent = state.error ? `error: ${state.error.message}` :
      `${state.triangles} triangles · ${Math.round(outcome.engineMs ?? 0)} ms`;
  };

  const render = (): void => {
    if (!info) return;
    const defines = changedDefines(info.customizer.parameters, panel?.getValues() ?? {});
    state.rendering = true;
    model.set('loading', true);
    statusLine.textContent = 'rendering…';
    void client.render('', { file: info.file, libraryPaths: info.libraryPaths, files: texts, defines }).then(apply);
  };

  // The model's files as the server has them now; the newest load wins.
  const load = async (): Promise<void> => {
    const seq = ++loads;
    const next = await (await fetch('/api/model', { cache: 'no-store' })).json() as ModelInfo;
    const entries = await Promise.all(next.files.map(async (f) => {
      try { return [f.path, await fetchFile(f.url)] as const; } catch { return null; }
    }));
    if (seq !== loads) return;
    info = next;
    texts = Object.fromEntries(entries.filter((e): e is readonly [string, string | Uint8Array] => e !== null));
    state.version = next.version;
    document.title = `${next.name} · mos serve`;
    element('mos-name').textContent = next.name;
    const parameters = next.customizer.parameters;
    if (!panel) panel = createCustomizerPanel(element('mos-customizer'), parameters, {}, () => render());
    else if (next.parsed) panel.setParameters(parameters); // keeps the values of parameters still there
    render();
  };

  const events = new EventSource('/api/events');
  const reload = (event: MessageEvent): void => {
    if (Number(event.data) !== state.version) void load();
  };
  events.addEventListener('reload', reload as EventListener);
  // On (re)connect: the server's version, which changed if it restarted.
  events.addEventListener('version', ((event: MessageEvent) => { if (info) reload(event); }) as EventListener);

  (window as unknown as { mosServe: unknown }).mosServe = {
    state, viewer, client, model,
    get panel() { return panel; },
    render,
  };
  await load();
}

void start().catch((err) => {
  const el = document.getElementById('mos-state');
  if (el) el.textContent = `the page failed to start: ${String(err)}`;
});
