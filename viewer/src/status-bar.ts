// Bottom line: loading indicator, timings, triangle count, bounding-box size
// and the grid step.
import type * as THREE from 'three';

function fmt(v: number): string {
  return Math.abs(v) >= 1000 ? v.toFixed(0) : v.toPrecision(4).replace(/\.?0+$/, '');
}

export class StatusBar {
  readonly el: HTMLDivElement;
  private readonly spinner: HTMLSpanElement;
  private readonly timing: HTMLSpanElement;
  private readonly dims: HTMLSpanElement;

  constructor() {
    this.el = document.createElement('div');
    this.el.className = 'mos-status';
    this.spinner = document.createElement('span');
    this.spinner.className = 'mos-loading';
    this.spinner.textContent = 'Rendering…';
    this.spinner.hidden = true;
    this.timing = document.createElement('span');
    this.timing.className = 'mos-timing';
    this.dims = document.createElement('span');
    this.dims.className = 'mos-dims';
    this.el.append(this.spinner, this.timing, this.dims);
  }

  setLoading(loading: boolean): void {
    this.spinner.hidden = !loading;
    this.el.classList.toggle('mos-busy', loading);
  }

  setTiming(engineMs: number | null, uploadMs: number | null, triangles: number): void {
    const parts: string[] = [];
    if (engineMs !== null) parts.push(`render ${engineMs.toFixed(0)} ms`);
    if (uploadMs !== null) parts.push(`upload+draw ${uploadMs.toFixed(1)} ms`);
    parts.push(`${triangles} triangles`);
    this.timing.textContent = parts.join(' · ');
  }

  setBounds(bounds: THREE.Box3 | null, gridStep: number): void {
    if (!bounds) { this.dims.textContent = ''; return; }
    const x = bounds.max.x - bounds.min.x, y = bounds.max.y - bounds.min.y, z = bounds.max.z - bounds.min.z;
    this.dims.textContent = `X ${fmt(x)} × Y ${fmt(y)} × Z ${fmt(z)} · grid ${fmt(gridStep)}`;
  }
}
