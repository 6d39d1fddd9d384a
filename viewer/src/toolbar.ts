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
  { action: 'screenshot', label: 'PNG', title: 'Save a PNG screenshot (S)' },
];

export const KEY_ACTIONS: Record<string, string> = {
  f: 'fit', '0': 'iso', '1': 'front', '2': 'back', '3': 'left', '4': 'right', '5': 'top', '6': 'bottom',
  o: 'ortho', e: 'edges', w: 'wireframe', a: 'axes', s: 'screenshot',
};

export class Toolbar {
  readonly el: HTMLDivElement;
  private buttons = new Map<string, HTMLButtonElement>();

  constructor(onAction: (action: string) => void) {
    this.el = document.createElement('div');
    this.el.className = 'mos-toolbar';
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
    }
  }

  setPressed(action: string, pressed: boolean): void {
    this.buttons.get(action)?.setAttribute('aria-pressed', String(pressed));
  }
}
