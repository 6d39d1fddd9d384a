// The customizer panel: controls built from a model's customizer parameters
// (the list `mos -o x.param`, the WASM module's parameters() and
// marimo_openscad.parameters() return; src/lang/parameters_json.h), as
// OpenSCAD 2021.01's customizer shows them:
//   "[a:b]" / "[a:s:b]" / "[b]"  slider (with a number box beside it)
//   "[x, y]", "[v:label, ...]"   dropdown
//   a number annotation          number box with that step
//   booleans                     checkbox
//   vectors of numbers (<= 4)    one number box per element (slider bounds
//                                apply to each)
//   anything else                number or text box
// Parameters are grouped by their "/* [Group] */" header; the "Hidden" group
// is not shown. Independent of where values go: `onChange` receives all
// current values after every edit (sliders while dragging), `setValues`
// updates the controls without calling it.

export interface CustomizerOption {
  name: string | number | null;
  value: string | number | boolean | null;
}

export interface CustomizerParameter {
  name: string;
  type: 'number' | 'string' | 'boolean' | 'vector';
  initial: unknown;
  caption?: string;
  group?: string;
  line?: number;
  min?: number | null;
  max?: number | null;
  step?: number | null;
  options?: CustomizerOption[];
}

export type CustomizerValue = number | string | boolean | number[] | unknown;
export type CustomizerValues = Record<string, CustomizerValue>;

export interface CustomizerPanel {
  readonly element: HTMLElement;
  // The current value of every parameter (initial values where unset).
  getValues(): CustomizerValues;
  // Shows these values (names not listed keep theirs); no onChange.
  setValues(values: CustomizerValues): void;
  // New parameter list (the model changed): rebuilds the controls, keeping
  // the value of every parameter that is still there (or back again) with
  // the same type.
  setParameters(parameters: CustomizerParameter[], values?: CustomizerValues): void;
  dispose(): void;
}

export const HIDDEN_GROUP = 'Hidden';
export const DEFAULT_GROUP = 'Parameters';

const STYLE = `
.mos-customizer { font: 12px/1.4 system-ui, sans-serif; color: #222; overflow: auto; }
.mos-customizer details { border-bottom: 1px solid #ddd; padding: 4px 6px; }
.mos-customizer summary { font-weight: 600; cursor: pointer; padding: 2px 0; }
.mos-customizer .mos-param { display: grid; grid-template-columns: 1fr; gap: 2px; margin: 6px 0; }
.mos-customizer .mos-param-name { font-weight: 500; }
.mos-customizer .mos-param-caption { color: #666; font-size: 11px; }
.mos-customizer .mos-param-row { display: flex; gap: 4px; align-items: center; }
.mos-customizer input[type=range] { flex: 1; min-width: 60px; }
.mos-customizer input[type=number] { width: 70px; }
.mos-customizer input[type=text], .mos-customizer select { flex: 1; min-width: 60px; }
.mos-customizer .mos-param-empty { color: #666; padding: 6px; }
`;

interface Control {
  parameter: CustomizerParameter;
  show(value: CustomizerValue): void;
}

function isNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function numbers(v: unknown): number[] | null {
  return Array.isArray(v) && v.every(isNumber) ? (v as number[]) : null;
}

// Whether `value` fits the parameter (values from elsewhere may not).
function fits(p: CustomizerParameter, value: unknown): boolean {
  switch (p.type) {
    case 'number': return isNumber(value);
    case 'string': return typeof value === 'string';
    case 'boolean': return typeof value === 'boolean';
    case 'vector': {
      const init = p.initial as unknown[];
      return Array.isArray(value) && Array.isArray(init) && value.length === init.length;
    }
  }
  return false;
}

// Decimals enough to show `step` exactly (a slider's number box).
function decimalsOf(step: number): number {
  const text = String(step);
  const e = text.indexOf('e-');
  if (e >= 0) return Number(text.slice(e + 2));
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

function hasRange(p: CustomizerParameter): boolean {
  return isNumber(p.min) && isNumber(p.max) && (p.max as number) >= (p.min as number);
}

function numberInput(p: CustomizerParameter, label: string): HTMLInputElement {
  const input = document.createElement('input');
  input.type = 'number';
  input.setAttribute('aria-label', label);
  if (isNumber(p.step) && p.step > 0) input.step = String(p.step);
  else input.step = 'any';
  if (hasRange(p)) {
    input.min = String(p.min);
    input.max = String(p.max);
  }
  return input;
}

function sliderInput(p: CustomizerParameter, label: string): HTMLInputElement {
  const input = document.createElement('input');
  input.type = 'range';
  input.setAttribute('aria-label', label);
  input.min = String(p.min);
  input.max = String(p.max);
  // 2021.01: a slider without a step moves by 1 when its bounds are whole,
  // else in hundredths of its span.
  const step = isNumber(p.step) && p.step > 0 ? p.step
    : Number.isInteger(p.min) && Number.isInteger(p.max) ? 1 : ((p.max as number) - (p.min as number)) / 100 || 1;
  input.step = String(step);
  return input;
}

export function createCustomizerPanel(
  container: HTMLElement,
  parameters: CustomizerParameter[],
  values: CustomizerValues,
  onChange: (values: CustomizerValues) => void,
): CustomizerPanel {
  const element = document.createElement('div');
  element.className = 'mos-customizer';
  const style = document.createElement('style');
  style.textContent = STYLE; // inside the panel: it works in a shadow root too
  const body = document.createElement('div');
  element.append(style, body);
  container.append(element);

  let current: CustomizerValues = {};
  // Every value set so far, also of parameters no longer in the list: one
  // that comes back (a line commented out and in again) gets its value back.
  const remembered = new Map<string, CustomizerValue>();
  let params: CustomizerParameter[] = [];
  let controls = new Map<string, Control>();
  const openGroups = new Map<string, boolean>();

  const changed = (name: string, value: CustomizerValue): void => {
    current[name] = value;
    remembered.set(name, value);
    onChange({ ...current });
  };

  function build(p: CustomizerParameter): { el: HTMLElement; control: Control } {
    const el = document.createElement('div');
    el.className = 'mos-param';
    el.dataset.name = p.name;
    el.dataset.type = p.type;
    const name = document.createElement('label');
    name.className = 'mos-param-name';
    name.textContent = p.name;
    el.append(name);
    if (p.caption) {
      const caption = document.createElement('div');
      caption.className = 'mos-param-caption';
      caption.textContent = p.caption;
      el.append(caption);
    }
    const row = document.createElement('div');
    row.className = 'mos-param-row';
    el.append(row);

    if (p.options && p.options.length > 0) {
      const select = document.createElement('select');
      select.setAttribute('aria-label', p.name);
      p.options.forEach((o, i) => {
        const option = document.createElement('option');
        option.value = String(i);
        option.textContent = String(o.name ?? o.value);
        select.append(option);
      });
      select.addEventListener('change', () => changed(p.name, p.options![Number(select.value)]?.value ?? p.initial));
      row.append(select);
      el.dataset.control = 'dropdown';
      return { el, control: { parameter: p, show: (v) => {
        const i = p.options!.findIndex((o) => o.value === v);
        select.value = String(Math.max(0, i));
      } } };
    }

    if (p.type === 'boolean') {
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.setAttribute('aria-label', p.name);
      box.addEventListener('change', () => changed(p.name, box.checked));
      row.append(box);
      el.dataset.control = 'checkbox';
      return { el, control: { parameter: p, show: (v) => { box.checked = v === true; } } };
    }

    if (p.type === 'number' && hasRange(p)) {
      const slider = sliderInput(p, p.name);
      const box = numberInput(p, `${p.name} value`);
      const decimals = decimalsOf(Number(slider.step));
      slider.addEventListener('input', () => {
        const v = Number(Number(slider.value).toFixed(decimals));
        box.value = String(v);
        changed(p.name, v);
      });
      box.addEventListener('change', () => {
        const v = Number(box.value);
        if (box.value === '' || !Number.isFinite(v)) return;
        slider.value = String(v);
        changed(p.name, v);
      });
      row.append(slider, box);
      el.dataset.control = 'slider';
      return { el, control: { parameter: p, show: (v) => {
        if (!isNumber(v)) return;
        slider.value = String(v);
        box.value = String(v);
      } } };
    }

    if (p.type === 'number') {
      const box = numberInput(p, p.name);
      box.addEventListener('change', () => {
        const v = Number(box.value);
        if (box.value !== '' && Number.isFinite(v)) changed(p.name, v);
      });
      row.append(box);
      el.dataset.control = 'number';
      return { el, control: { parameter: p, show: (v) => { if (isNumber(v)) box.value = String(v); } } };
    }

    const initialNumbers = numbers(p.initial);
    if (p.type === 'vector' && initialNumbers && initialNumbers.length >= 1 && initialNumbers.length <= 4) {
      const boxes = initialNumbers.map((_, i) => numberInput(p, `${p.name}[${i}]`));
      const read = (): number[] => boxes.map((b, i) => {
        const v = Number(b.value);
        return b.value !== '' && Number.isFinite(v) ? v : initialNumbers[i];
      });
      boxes.forEach((b) => b.addEventListener('change', () => changed(p.name, read())));
      row.append(...boxes);
      el.dataset.control = 'vector';
      return { el, control: { parameter: p, show: (v) => {
        const n = numbers(v);
        if (n) boxes.forEach((b, i) => { if (i < n.length) b.value = String(n[i]); });
      } } };
    }

    // Strings, and vectors the customizer cannot edit element-wise (shown
    // as their JSON text, read back when it parses to the same shape).
    const text = document.createElement('input');
    text.type = 'text';
    text.setAttribute('aria-label', p.name);
    if (p.type === 'string') {
      text.addEventListener('input', () => changed(p.name, text.value));
      el.dataset.control = 'text';
    } else {
      text.addEventListener('change', () => {
        try {
          const v = JSON.parse(text.value);
          if (fits(p, v)) changed(p.name, v);
        } catch { /* not JSON: keep the last good value */ }
      });
      el.dataset.control = 'json';
    }
    row.append(text);
    return { el, control: { parameter: p, show: (v) => {
      text.value = p.type === 'string' ? String(v) : JSON.stringify(v);
    } } };
  }

  function render(): void {
    // Groups keep their open/closed state across rebuilds (read here: the
    // toggle event comes a task later than the click).
    body.querySelectorAll('details').forEach((d) => openGroups.set(d.dataset.group ?? '', d.open));
    body.replaceChildren();
    controls = new Map();
    const groups = new Map<string, CustomizerParameter[]>();
    for (const p of params) {
      const group = p.group || DEFAULT_GROUP;
      if (group === HIDDEN_GROUP) continue;
      if (!groups.has(group)) groups.set(group, []);
      groups.get(group)!.push(p);
    }
    if (groups.size === 0) {
      const empty = document.createElement('div');
      empty.className = 'mos-param-empty';
      empty.textContent = 'No customizer parameters.';
      body.append(empty);
    }
    for (const [group, list] of groups) {
      const details = document.createElement('details');
      details.open = openGroups.get(group) ?? true;
      details.dataset.group = group;
      const summary = document.createElement('summary');
      summary.textContent = group;
      details.append(summary);
      for (const p of list) {
        const { el, control } = build(p);
        details.append(el);
        controls.set(p.name, control);
        control.show(current[p.name]);
      }
      body.append(details);
    }
  }

  function setParameters(next: CustomizerParameter[], nextValues: CustomizerValues = {}): void {
    const kept: CustomizerValues = {};
    for (const p of next) {
      const candidates = [nextValues[p.name], current[p.name], remembered.get(p.name)];
      const found = candidates.find((v) => v !== undefined && fits(p, v));
      kept[p.name] = found !== undefined ? found : p.initial;
    }
    params = next.slice();
    current = kept;
    render();
  }

  setParameters(parameters, values);

  return {
    element,
    getValues: () => ({ ...current }),
    setValues(values: CustomizerValues): void {
      for (const [name, value] of Object.entries(values)) {
        const control = controls.get(name);
        const p = control?.parameter ?? params.find((q) => q.name === name);
        if (!p || !fits(p, value)) continue;
        current[name] = value;
        remembered.set(name, value);
        control?.show(value);
      }
    },
    setParameters,
    dispose(): void {
      element.remove();
      controls.clear();
    },
  };
}

// The values that differ from their parameter's initial value, as the
// engine's -D overrides want them: numbers, booleans and vectors as they
// are, strings as OpenSCAD string literals.
export function changedDefines(parameters: CustomizerParameter[], values: CustomizerValues): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const p of parameters) {
    const v = values[p.name];
    if (v === undefined || JSON.stringify(v) === JSON.stringify(p.initial)) continue;
    out[p.name] = typeof v === 'string' || Array.isArray(v) ? JSON.stringify(v) : (v as number | boolean);
  }
  return out;
}
