// anywidget's model API over traits held in the page (no Python behind
// it): the page of `mos serve` (serve-page.ts) and the browser bench page
// (bench/browser/bench-page.ts) feed their viewer through it.
import type { WidgetModel } from './widget-model';

export class TraitModel implements WidgetModel {
  private readonly traits = new Map<string, unknown>();
  private readonly listeners = new Map<string, Set<() => void>>();
  get(name: string): unknown { return this.traits.get(name); }
  setMany(values: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(values)) this.traits.set(k, v);
    for (const k of Object.keys(values)) for (const cb of [...(this.listeners.get(`change:${k}`) ?? [])]) cb();
  }
  on(event: string, cb: () => void): void {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)!.add(cb);
  }
  off(event?: string | null, cb?: (() => void) | null): void {
    if (event == null) this.listeners.clear();
    else if (cb == null) this.listeners.delete(event);
    else this.listeners.get(event)?.delete(cb);
  }
}
