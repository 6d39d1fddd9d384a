// HTML labels for the grid scale and the axis names, placed over the canvas by
// projecting their 3D anchor points each frame (no textures to manage).
import * as THREE from 'three';
import type { GridLabel } from './scene-helpers';

export class GridLabels {
  readonly el: HTMLDivElement;
  private spans: HTMLSpanElement[] = [];
  private anchors: GridLabel[] = [];
  private readonly tmp = new THREE.Vector3();

  constructor() {
    this.el = document.createElement('div');
    this.el.className = 'mos-grid-labels';
  }

  setLabels(labels: GridLabel[]): void {
    this.anchors = labels;
    this.el.replaceChildren();
    this.spans = labels.map((l) => {
      const s = document.createElement('span');
      s.className = /^[XYZ]$/.test(l.text) ? 'mos-axis-name' : 'mos-grid-label';
      s.textContent = l.text;
      this.el.append(s);
      return s;
    });
  }

  update(camera: THREE.Camera, width: number, height: number, visible: boolean): void {
    this.el.hidden = !visible;
    if (!visible) return;
    for (let i = 0; i < this.anchors.length; i++) {
      const a = this.anchors[i];
      const near = a.alternate && a.alternate.distanceToSquared(camera.position) < a.position.distanceToSquared(camera.position)
        ? a.alternate : a.position;
      const p = this.tmp.copy(near).project(camera);
      const span = this.spans[i];
      const inside = p.z > -1 && p.z < 1 && Math.abs(p.x) <= 1 && Math.abs(p.y) <= 1;
      span.hidden = !inside;
      if (inside) {
        span.style.transform = `translate(${((p.x + 1) / 2) * width}px, ${((1 - p.y) / 2) * height}px)`;
      }
    }
  }
}
