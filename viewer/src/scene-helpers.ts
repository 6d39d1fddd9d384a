// Grid (XY plane, Z up) and axes sized to the model, with a "nice" grid step
// (1, 2 or 5 times a power of ten) so the readout can name the scale.
import * as THREE from 'three';

export function niceStep(extent: number): number {
  const raw = Math.max(extent, 1e-6) / 10;
  const pow = Math.pow(10, Math.floor(Math.log10(raw)));
  for (const m of [1, 2, 5, 10]) if (m * pow >= raw) return m * pow;
  return 10 * pow;
}

export class SceneHelpers {
  readonly group = new THREE.Group();
  private grid: THREE.GridHelper | null = null;
  private axes: THREE.AxesHelper | null = null;
  step = 10;

  rebuild(bounds: THREE.Box3 | null): void {
    this.disposeParts();
    const size = bounds ? bounds.getSize(new THREE.Vector3()) : new THREE.Vector3(100, 100, 100);
    const extent = Math.max(size.x, size.y, size.z, 1e-3);
    this.step = niceStep(extent);
    const divisions = 2 * Math.ceil((extent * 1.5) / this.step / 2) + 2;
    this.grid = new THREE.GridHelper(divisions * this.step, divisions, 0x888888, 0xcccccc);
    this.grid.rotation.x = Math.PI / 2; // GridHelper lies in XZ; OpenSCAD's floor is XY
    if (bounds) this.grid.position.set(0, 0, Math.min(0, bounds.min.z));
    this.axes = new THREE.AxesHelper(extent * 0.75);
    this.group.add(this.grid, this.axes);
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
    this.disposeParts();
  }
}
