// Grid (XY plane, Z up) and axes sized to the model, with a "nice" grid step
// (1, 2 or 5 times a power of ten) so the readout can name the scale.
import * as THREE from 'three';

export function niceStep(extent: number): number {
  const raw = Math.max(extent, 1e-6) / 10;
  const pow = Math.pow(10, Math.floor(Math.log10(raw)));
  for (const m of [1, 2, 5, 10]) if (m * pow >= raw) return m * pow;
  return 10 * pow;
}

export interface GridLabel {
  position: THREE.Vector3;
  // The same value on the opposite grid edge; the edge nearer the camera is used.
  alternate?: THREE.Vector3;
  text: string;
}

function labelText(v: number): string {
  return Number(v.toPrecision(6)).toString();
}

export class SceneHelpers {
  readonly group = new THREE.Group();
  private grid: THREE.GridHelper | null = null;
  private axes: THREE.AxesHelper | null = null;
  step = 10;
  labels: GridLabel[] = [];
  private key = '';

  // Sizes grid, axes and labels to `bounds`; returns false (and keeps them)
  // when they would come out the same, as on most slider steps.
  rebuild(bounds: THREE.Box3 | null): boolean {
    const box = bounds ?? new THREE.Box3(new THREE.Vector3(-50, -50, 0), new THREE.Vector3(50, 50, 50));
    const size = box.getSize(new THREE.Vector3());
    const extent = Math.max(size.x, size.y, size.z, 1e-3);
    this.step = niceStep(extent);
    const step = this.step;
    // Square grid on grid lines, covering the model's footprint and the origin
    // with a margin.
    const lo = (v: number) => Math.floor(Math.min(v, 0) / step - 2) * step;
    const hi = (v: number) => Math.ceil(Math.max(v, 0) / step + 2) * step;
    const x0 = lo(box.min.x), x1 = hi(box.max.x), y0 = lo(box.min.y), y1 = hi(box.max.y);
    const cells = Math.round(Math.max(x1 - x0, y1 - y0) / step);
    const cx = x0 + (cells * step) / 2, cy = y0 + (cells * step) / 2;
    const z = Math.min(0, box.min.z);
    // Axis length on half grid steps, so small changes keep the same helpers.
    const axisLength = Math.max(step, Math.round((extent * 0.75) / (step / 2)) * (step / 2));
    const key = [step, cells, cx, cy, z, axisLength].join(' ');
    if (key === this.key && this.grid) return false;
    this.key = key;
    this.disposeParts();
    this.grid = new THREE.GridHelper(cells * step, cells, 0x888888, 0xcccccc);
    this.grid.rotation.x = Math.PI / 2; // GridHelper lies in XZ; OpenSCAD's floor is XY
    this.grid.position.set(cx, cy, z);
    this.axes = new THREE.AxesHelper(axisLength);
    this.group.add(this.grid, this.axes);
    // Scale labels along the grid's edges (X values on a Y edge, Y values on an
    // X edge, each on the edge nearer the camera), at most
    // about 8 per side, on multiples of the label spacing.
    let every = 1;
    for (const m of [1, 2, 5, 10, 20, 50]) { every = m; if (cells / m <= 8) break; }
    const spacing = every * step;
    const gx0 = cx - (cells * step) / 2, gy0 = cy - (cells * step) / 2;
    this.labels = [];
    for (let i = 0; i <= cells; i++) {
      const v = gx0 + i * step;
      if (Math.abs(Math.round(v / spacing) * spacing - v) > step * 1e-6) continue;
      this.labels.push({ position: new THREE.Vector3(v, gy0, z), alternate: new THREE.Vector3(v, gy0 + cells * step, z), text: labelText(v) });
    }
    for (let i = 0; i <= cells; i++) {
      const v = gy0 + i * step;
      if (Math.abs(Math.round(v / spacing) * spacing - v) > step * 1e-6) continue;
      this.labels.push({ position: new THREE.Vector3(gx0, v, z), alternate: new THREE.Vector3(gx0 + cells * step, v, z), text: labelText(v) });
    }
    for (const [name, dir] of [['X', [1, 0, 0]], ['Y', [0, 1, 0]], ['Z', [0, 0, 1]]] as const) {
      this.labels.push({ position: new THREE.Vector3(...dir).multiplyScalar(axisLength * 1.08), text: name });
    }
    return true;
  }

  private disposeParts(): void {
    for (const h of [this.grid, this.axes]) {
      if (!h) continue;
      h.removeFromParent();
      h.geometry.dispose();
      (h.material as THREE.Material | THREE.Material[]) instanceof Array
        ? (h.material as THREE.Material[]).forEach((m) => m.dispose())
        : (h.material as THREE.Material).dispose();
    }
    this.grid = null;
    this.axes = null;
  }

  dispose(): void {
    this.key = '';
    this.disposeParts();
  }
}
