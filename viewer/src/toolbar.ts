// Buttons over the canvas. Each has a data-action so keys and tests can find
// it; toggles reflect their state with aria-pressed.
export interface ToolbarAction {
  action: string;
  label: string;
  title: string;
  toggle?: boolean;
}

export const TOOLBAR_ACTIONS: ToolbarAction[] = [
  { action: 'fit', label: 'Fit', title: 'Fit to view (F)' },
  { action: 'iso', label: 'Iso', title: 'Isometric view (0)' },
  { action: 'front', label: 'Front', title: 'Front view (1)' },
  { action: 'back', label: 'Back', title: 'Back view (2)' },
  { action: 'left', label: 'Left', title: 'Left view (3)' },
  { action: 'right', label: 'Right', title: 'Right view (4)' },
  { action: 'top', label: 'Top', title: 'Top view (5)' },
  { action: 'bottom', label: 'Bottom', title: 'Bottom view (6)' },
  { action: 'ortho', label: 'Ortho', title: 'Orthographic / perspective (O)', toggle: true },
  { action: 'edges', label: 'Edges', title: 'Edges overlay (E)', toggle: true },
  { action: 'wireframe', label: 'Wire', title: 'Wireframe (W)', toggle: true },
  { action: 'axes', label: 'Axes', title: 'Axes and grid (A)', toggle: true },
  { action: 'clip', label: 'Clip', title: 'Clipping plane across Z (C)', toggle: true },
  { action: 'panel', label: 'Params', title: "Customizer panel: the model's parameters (K)", toggle: true },
  { action: 'preview', label: 'Preview', title: "Preview as OpenSCAD's F5: % parts as ghosts, # parts highlighted (P)", toggle: true },
  { action: 'screenshot', label: 'PNG', title: 'Save a PNG screenshot (S)' },
  { action: 'stl', label: 'STL', title: 'Download the mesh as binary STL' },
  { action: '3mf', label: '3MF', title: 'Download the mesh as 3MF (with colours)' },
  { action: 'off', label: 'OFF', title: 'Download the mesh as OFF' },
];

export const KEY_ACTIONS: Record<string, string> = {
  f: 'fit', '0': 'iso', '1': 'front', '2': 'back', '3': 'left', '4': 'right', '5': 'top', '6': 'bottom',
  o: 'ortho', e: 'edges', w: 'wireframe', a: 'axes', c: 'clip', s: 'screenshot', p: 'preview', k: 'panel',
};

export class Toolbar {
  readonly el: HTMLDivElement;
  private buttons = new Map<string, HTMLButtonElement>();
  // Height of the clipping plane, 0..1 of the model's Z extent.
  readonly clipSlider: HTMLInputElement;

  constructor(onAction: (action: string) => void, onClip: (fraction: number) => void) {
    this.el = document.createElement('div');
    this.el.className = 'mos-toolbar';
    const slider = document.createElement('input');
    slider.type = 'range';
    slider.min = '0';
    slider.max = '1000';
    slider.value = '500';
    slider.className = 'mos-clip-slider';
    slider.title = 'Clipping plane height';
    slider.hidden = true;
    slider.addEventListener('input', () => onClip(Number(slider.value) / 1000));
    this.clipSlider = slider;
    for (const a of TOOLBAR_ACTIONS) {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = a.label;
      b.title = a.title;
      b.dataset.action = a.action;
      if (a.toggle) b.setAttribute('aria-pressed', 'false');
      b.addEventListener('click', () => onAction(a.action));
      this.buttons.set(a.action, b);
      this.el.append(b);
      if (a.action === 'clip') this.el.append(this.clipSlider);
    }
  }

  setVisible(action: string, visible: boolean): void {
    const b = this.buttons.get(action);
    if (b) b.hidden = !visible;
  }

  setPressed(action: string, pressed: boolean): void {
    this.buttons.get(action)?.setAttribute('aria-pressed', String(pressed));
  }
}
