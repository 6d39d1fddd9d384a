// OpenSCAD's animation control: steps $t through [0, 1) in `anim_steps` steps.
// The viewer only writes the `t` trait (and saves it); the Python side renders
// the frame. While a render is running (`loading`), play skips ticks rather
// than queueing requests.
import type { WidgetModel } from './widget-model';

export class AnimationBar {
  readonly el: HTMLDivElement;
  private readonly playButton: HTMLButtonElement;
  private readonly label: HTMLSpanElement;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly model: WidgetModel) {
    this.el = document.createElement('div');
    this.el.className = 'mos-animation';
    const button = (action: string, text: string, title: string, onClick: () => void) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.dataset.action = action;
      b.textContent = text;
      b.title = title;
      b.addEventListener('click', onClick);
      this.el.append(b);
      return b;
    };
    button('anim-back', '◀', 'Previous step', () => this.step(-1));
    this.playButton = button('anim-play', '▶', 'Play / pause', () => this.toggle());
    button('anim-next', '▶|', 'Next step', () => this.step(1));
    this.label = document.createElement('span');
    this.label.className = 'mos-anim-t';
    this.el.append(this.label);
    this.sync();
  }

  get steps(): number {
    const s = Number(this.model.get('anim_steps'));
    return Number.isFinite(s) && s > 0 ? Math.floor(s) : 0;
  }

  private currentStep(): number {
    const t = Number(this.model.get('t'));
    return Number.isFinite(t) ? Math.round(t * this.steps) : 0;
  }

  step(delta: number): void {
    const n = this.steps;
    if (n === 0 || !this.model.set) return;
    const next = (((this.currentStep() + delta) % n) + n) % n;
    this.model.set('t', next / n);
    this.model.save_changes?.();
    this.sync();
  }

  get playing(): boolean {
    return this.timer !== null;
  }

  toggle(): void {
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    } else if (this.steps > 0) {
      const fps = Number(this.model.get('anim_fps'));
      const interval = 1000 / (Number.isFinite(fps) && fps > 0 ? Math.min(fps, 60) : 10);
      this.timer = setInterval(() => { if (!this.model.get('loading')) this.step(1); }, interval);
    }
    this.sync();
  }

  // Called when anim_steps or t change on the Python side.
  sync(): void {
    const n = this.steps;
    this.el.hidden = n === 0;
    if (n === 0 && this.timer) { clearInterval(this.timer); this.timer = null; }
    this.playButton.textContent = this.timer ? '❚❚' : '▶';
    this.playButton.setAttribute('aria-pressed', String(this.timer !== null));
    const t = Number(this.model.get('t'));
    this.label.textContent = n ? `$t = ${(Number.isFinite(t) ? t : 0).toFixed(3)} (${this.currentStep()}/${n})` : '';
  }

  dispose(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
