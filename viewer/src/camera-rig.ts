// Two cameras sharing one orbit target: perspective and orthographic. Switching
// keeps the view direction and the apparent size; presets look along the axes
// (Z up, as in OpenSCAD).
import * as THREE from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';

export type ViewPreset = 'iso' | 'front' | 'back' | 'left' | 'right' | 'top' | 'bottom';

const PRESET_DIRECTIONS: Record<ViewPreset, [number, number, number]> = {
  iso: [1, -1, 0.8],
  front: [0, -1, 0],
  back: [0, 1, 0],
  left: [-1, 0, 0],
  right: [1, 0, 0],
  top: [0, -1e-4, 1], // tiny offset keeps "up" (Z) well defined
  bottom: [0, 1e-4, -1],
};

const FOV = 45;

export class CameraRig {
  readonly perspective: THREE.PerspectiveCamera;
  readonly orthographic: THREE.OrthographicCamera;
  readonly controls: OrbitControls;
  private aspect = 1;
  private fitRadius = 1;

  constructor(domElement: HTMLElement) {
    this.perspective = new THREE.PerspectiveCamera(FOV, 1, 0.01, 1e6);
    this.orthographic = new THREE.OrthographicCamera(-1, 1, 1, -1, -1e6, 1e6);
    for (const c of [this.perspective, this.orthographic]) {
      c.up.set(0, 0, 1);
      c.position.set(100, -100, 80);
    }
    this.controls = new OrbitControls(this.perspective, domElement);
    this.controls.enableDamping = false;
    this.controls.screenSpacePanning = true;
  }

  get camera(): THREE.PerspectiveCamera | THREE.OrthographicCamera {
    return this.controls.object as THREE.PerspectiveCamera | THREE.OrthographicCamera;
  }

  get isOrthographic(): boolean {
    return this.camera === this.orthographic;
  }

  setAspect(aspect: number): void {
    this.aspect = aspect;
    this.perspective.aspect = aspect;
    this.perspective.updateProjectionMatrix();
    this.updateOrthoFrustum(this.orthographic.zoom);
  }

  // Orthographic frustum that matches what the perspective camera sees at the
  // target distance, so toggling does not jump.
  private updateOrthoFrustum(zoom: number): void {
    const distance = this.camera.position.distanceTo(this.controls.target);
    const halfH = Math.max(1e-6, distance * Math.tan(THREE.MathUtils.degToRad(FOV / 2)));
    const o = this.orthographic;
    o.top = halfH; o.bottom = -halfH;
    o.left = -halfH * this.aspect; o.right = halfH * this.aspect;
    o.zoom = zoom;
    o.updateProjectionMatrix();
  }

  setOrthographic(on: boolean): void {
    if (on === this.isOrthographic) return;
    const from = this.camera;
    const to = on ? this.orthographic : this.perspective;
    to.position.copy(from.position);
    to.quaternion.copy(from.quaternion);
    if (on) {
      this.updateOrthoFrustum(1);
    } else {
      // Carry the ortho zoom back as distance.
      const dir = new THREE.Vector3().subVectors(from.position, this.controls.target);
      dir.divideScalar(this.orthographic.zoom);
      to.position.copy(this.controls.target).add(dir);
    }
    this.controls.object = to;
    this.controls.update();
  }

  // Frames a bounding sphere, looking along `direction` (or the current one).
  fit(bounds: THREE.Box3, direction?: THREE.Vector3): void {
    const sphere = bounds.getBoundingSphere(new THREE.Sphere());
    this.fitRadius = Math.max(sphere.radius, 1e-3);
    const dir = direction
      ? direction.clone().normalize()
      : new THREE.Vector3().subVectors(this.camera.position, this.controls.target).normalize();
    const fovRad = THREE.MathUtils.degToRad(FOV);
    const fitFov = this.aspect < 1 ? 2 * Math.atan(Math.tan(fovRad / 2) * this.aspect) : fovRad;
    const distance = (this.fitRadius / Math.sin(fitFov / 2)) * 1.1;
    this.controls.target.copy(sphere.center);
    for (const c of [this.perspective, this.orthographic]) {
      c.position.copy(sphere.center).addScaledVector(dir, distance);
      c.lookAt(sphere.center);
    }
    this.updateOrthoFrustum(1);
    this.controls.update();
  }

  // Near/far planes from the current distance to the scene (model plus grid
  // margin), so depth precision follows zoom and the model's size.
  fitDepthRange(bounds: THREE.Box3): void {
    const sphere = bounds.getBoundingSphere(new THREE.Sphere());
    const r = Math.max(sphere.radius, 1e-3) * 3;
    const d = this.camera.position.distanceTo(sphere.center);
    const p = this.perspective;
    const near = Math.max((d - r) * 0.5, (d + r) / 1e4);
    const far = (d + r) * 2;
    if (p.near !== near || p.far !== far) { p.near = near; p.far = far; p.updateProjectionMatrix(); }
    const o = this.orthographic;
    const oNear = d - 2 * r, oFar = d + 2 * r;
    if (o.near !== oNear || o.far !== oFar) { o.near = oNear; o.far = oFar; o.updateProjectionMatrix(); }
  }

  preset(name: ViewPreset, bounds: THREE.Box3): void {
    const [x, y, z] = PRESET_DIRECTIONS[name];
    this.fit(bounds, new THREE.Vector3(x, y, z));
  }

  // Camera state, for tests and for keeping the view across mesh updates.
  state(): { position: number[]; target: number[]; orthographic: boolean; zoom: number } {
    return {
      position: this.camera.position.toArray(),
      target: this.controls.target.toArray(),
      orthographic: this.isOrthographic,
      zoom: this.camera.zoom,
    };
  }

  dispose(): void {
    this.controls.dispose();
  }
}
