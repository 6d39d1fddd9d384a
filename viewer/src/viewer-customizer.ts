// The widget's own customizer panel (viewer/README.md "The customizer
// panel"): customizer-panel.ts's controls over the canvas, bound to the
// params protocol (worker-renderer.ts).
//  - Its parameter list is the `scad_parameters` trait (Python's native
//    parser), or, where that trait is null (no native extension in the
//    kernel), the engine's parameters() in this viewer's worker.
//  - A control moved calls applyParamsFromViewer with the values that
//    differ from what Python has: the worker renders and draws at once,
//    then `params` is set in Python, which does not render again. Latest
//    wins during a drag (the render client keeps one render waiting).
//  - A change made on the Python side (a new state_rev that does not answer
//    an edit of this view) shows Python's values: setValues, no onChange,
//    so no loop; the answer to our own edit moves nothing (it may lag the
//    slider under the user's pointer).
// The `panel` trait: "open", "closed" (the toolbar's Params button opens
// it) or "off"; the button shows only for a model with parameters.
import {
  HIDDEN_GROUP, createCustomizerPanel, type CustomizerPanel, type CustomizerParameter, type CustomizerValues,
} from './customizer-panel';
import type { EditOutcome, WorkerRenderer } from './worker-renderer';
import type { WidgetModel } from './widget-model';

export interface CustomizerHost {
  apply(values: Record<string, unknown>): Promise<EditOutcome>;
  // The panel became available or not, opened or closed.
  changed(): void;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export class ViewerCustomizer {
  readonly el: HTMLDivElement;
  private panel: CustomizerPanel | null = null;
  private parameters: CustomizerParameter[] = [];
  // What the panel showed after the last edit sent or Python-side sync.
  private shown: CustomizerValues = {};
  private open: boolean;
  private disposed = false;
  private syncQueued = false;
  private lookup = 0; // the newest worker parameters() request
  private readonly offModel: Array<() => void> = [];
  // For tests and bench/: edits sent, and how they ended.
  readonly counters = { edits: 0, drawn: 0, superseded: 0, native: 0, error: 0, followed: 0, lookups: 0 };
  lastOutcome: EditOutcome | null = null;

  constructor(private readonly model: WidgetModel, private readonly worker: WorkerRenderer,
              private readonly host: CustomizerHost) {
    this.el = document.createElement('div');
    this.el.className = 'mos-panel';
    this.el.hidden = true;
    this.open = model.get('panel') === 'open';
    this.listen('change:scad_parameters', this.queueParameters);
    this.listen('change:scad_source', this.queueParameters);
    this.listen('change:panel', () => { this.open = model.get('panel') === 'open'; this.queueParameters(); });
    // One microtask later, as worker-renderer.ts: params, params_edit and
    // render_by arrive with state_rev as separate trait events.
    this.listen('change:state_rev', () => queueMicrotask(() => { if (!this.disposed) this.followPython(); }));
    this.loadParameters();
  }

  private listen(event: string, cb: () => void): void {
    this.model.on(event, cb);
    this.offModel.push(() => this.model.off(event, cb));
  }

  // Whether the toolbar offers the panel: not "off", and parameters to show.
  get available(): boolean {
    return this.model.get('panel') !== 'off' && this.parameters.some((p) => (p.group || '') !== HIDDEN_GROUP);
  }

  get isOpen(): boolean {
    return this.open && this.available;
  }

  toggle(): void {
    this.open = !this.isOpen;
    this.layout();
  }

  // The panel's controls (tests and bench/), null before it has parameters.
  get controls(): CustomizerPanel | null {
    return this.panel;
  }

  private queueParameters = (): void => {
    if (this.syncQueued) return;
    this.syncQueued = true;
    queueMicrotask(() => {
      this.syncQueued = false;
      if (!this.disposed) this.loadParameters();
    });
  };

  private loadParameters(attempt = 0): void {
    if (this.model.get('panel') === 'off') {
      this.setParameters([]);
      return;
    }
    const list = this.model.get('scad_parameters');
    if (Array.isArray(list)) {
      this.setParameters(list as CustomizerParameter[]);
      return;
    }
    if (list !== null) { this.setParameters([]); return; } // no trait (an older Python side)
    // No native parser in Python: the worker's engine parses the source.
    const seq = ++this.lookup;
    this.counters.lookups++;
    const source = String(this.model.get('scad_source') ?? '');
    const name = String(this.model.get('scad_name') ?? '');
    void this.worker.parameters(source, name).then((answer) => {
      if (this.disposed || seq !== this.lookup) return;
      // No answer: the worker was replaced (a render ended at its deadline)
      // or the engine did not load; ask the next worker, a few times.
      if (!answer) { if (attempt < 3) this.loadParameters(attempt + 1); return; }
      // A syntax error keeps the controls there are (code being edited).
      if (answer.ok) this.setParameters(answer.parameters as CustomizerParameter[]);
    });
  }

  // Python's values: each parameter's initial value under `params`.
  private pythonValues(): CustomizerValues {
    const params = this.model.get('params');
    const out: CustomizerValues = {};
    for (const p of this.parameters) out[p.name] = p.initial;
    return { ...out, ...(params && typeof params === 'object' ? params as CustomizerValues : {}) };
  }

  private setParameters(list: CustomizerParameter[]): void {
    this.parameters = list.slice();
    if (list.length > 0 && !this.panel) {
      this.panel = createCustomizerPanel(this.el, list, this.pythonValues(), (values) => this.onChange(values));
    } else if (this.panel) {
      this.panel.setParameters(list, this.pythonValues());
    }
    this.shown = this.panel?.getValues() ?? {};
    this.layout();
  }

  private layout(): void {
    this.el.hidden = !this.isOpen;
    this.host.changed();
  }

  // A control moved: the values Python does not have yet, or that differ
  // from what was shown before this move, go to applyParamsFromViewer (a
  // burst of moves: the render client renders only the newest).
  private onChange(values: CustomizerValues): void {
    const python = this.pythonValues();
    const edit: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(values)) {
      if (!same(value, python[name]) || !same(value, this.shown[name])) edit[name] = value;
    }
    this.shown = { ...values };
    if (Object.keys(edit).length === 0) return;
    this.counters.edits++;
    void this.host.apply(edit).then((outcome) => {
      this.lastOutcome = outcome;
      this.counters[outcome.status]++;
    });
  }

  // Python's state changed: show its values unless this is the answer to
  // an edit of this view.
  private followPython(): void {
    if (!this.panel) return;
    // params_edit names the edit that set params (also one Python renders:
    // renderer "native", or a worker error under "auto").
    if (this.worker.isOwnEdit(Number(this.model.get('params_edit')))) return;
    this.panel.setValues(this.pythonValues());
    this.shown = this.panel.getValues();
    this.counters.followed++;
  }

  dispose(): void {
    this.disposed = true;
    for (const off of this.offModel) off();
    this.panel?.dispose();
    this.panel = null;
    this.el.remove();
  }
}
