// The slice of anywidget's model API the viewer uses. The real object comes
// from anywidget (marimo or Jupyter); the component tests use a plain event
// emitter with the same three methods.
export interface WidgetModel {
  get(name: string): unknown;
  on(event: string, callback: () => void): void;
  off(event?: string | null, callback?: (() => void) | null): void;
  set?(name: string, value: unknown): void;
  save_changes?(): void;
  send?(content: unknown, callbacks?: unknown, buffers?: ArrayBuffer[]): void;
}

// Error trait shape, filled by the Python side from an engine diagnostic.
export interface ScadErrorInfo {
  message: string;
  line?: number;
  column?: number;
  file?: string;
  source?: string;
}
