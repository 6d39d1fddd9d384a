// Shows an engine error: message, file:line:column and a few source lines
// around the failing one, the failing line marked.
import type { ScadErrorInfo } from './widget-model';

const CONTEXT_LINES = 2;

export function errorFromTrait(value: unknown): ScadErrorInfo | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if (typeof v.message !== 'string' || v.message === '') return null;
  return {
    message: v.message,
    line: typeof v.line === 'number' ? v.line : undefined,
    column: typeof v.column === 'number' ? v.column : undefined,
    file: typeof v.file === 'string' ? v.file : undefined,
    source: typeof v.source === 'string' ? v.source : undefined,
  };
}

export class ErrorPanel {
  readonly el: HTMLDivElement;

  constructor() {
    this.el = document.createElement('div');
    this.el.className = 'mos-error';
    this.el.hidden = true;
  }

  // `onRetry` (when given) adds a Retry button that asks again (the render,
  // or the request that failed).
  show(err: ScadErrorInfo | null, onRetry: (() => void) | null = null): void {
    this.el.replaceChildren();
    this.el.hidden = !err;
    if (!err) return;
    const title = document.createElement('div');
    title.className = 'mos-error-message';
    title.textContent = err.message;
    if (onRetry) {
      const retry = document.createElement('button');
      retry.type = 'button';
      retry.className = 'mos-error-retry';
      retry.textContent = 'Retry';
      retry.title = 'Ask again';
      retry.addEventListener('click', () => onRetry());
      title.append(' ', retry);
    }
    this.el.append(title);
    if (err.line !== undefined) {
      const where = document.createElement('div');
      where.className = 'mos-error-where';
      where.textContent = `${err.file ?? 'line'}${err.file ? ':' : ' '}${err.line}${err.column !== undefined ? `:${err.column}` : ''}`;
      this.el.append(where);
    }
    if (err.source !== undefined && err.line !== undefined) {
      const lines = err.source.split('\n');
      if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop(); // trailing newline
      const first = Math.max(1, err.line - CONTEXT_LINES);
      const last = Math.min(lines.length, err.line + CONTEXT_LINES);
      const pre = document.createElement('pre');
      pre.className = 'mos-error-snippet';
      for (let n = first; n <= last; n++) {
        const row = document.createElement('div');
        row.className = n === err.line ? 'mos-error-line mos-error-current' : 'mos-error-line';
        row.dataset.line = String(n);
        row.textContent = `${String(n).padStart(4)} | ${lines[n - 1]}`;
        pre.append(row);
        if (n === err.line && err.column !== undefined && err.column > 0) {
          const caret = document.createElement('div');
          caret.className = 'mos-error-caret';
          caret.textContent = `${' '.repeat(7 + err.column - 1)}^`;
          pre.append(caret);
        }
      }
      this.el.append(pre);
    }
  }
}
