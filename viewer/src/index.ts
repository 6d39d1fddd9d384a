// anywidget entry point: `render({ model, el })` draws the viewer into `el`
// and returns the cleanup that anywidget calls when the view goes away.
import './styles.css';
import { Viewer } from './viewer';
// The customizer panel's hook (in-viewer edits rendered in the worker).
export { applyParamsFromViewer } from './viewer';
import type { WidgetModel } from './widget-model';

export interface RenderProps {
  model: WidgetModel;
  el: HTMLElement;
}

// Without WebGL the widget says so instead of throwing into the notebook.
function showUnavailable(el: HTMLElement, err: unknown): () => void {
  el.querySelector(':scope > .mos-viewer')?.remove();
  const note = document.createElement('div');
  note.className = 'mos-unavailable';
  note.textContent = `3D view unavailable: ${err instanceof Error ? err.message : String(err)}`;
  el.append(note);
  return () => note.remove();
}

export function render({ model, el }: RenderProps): () => void {
  let viewer: Viewer;
  try {
    viewer = new Viewer(model, el);
  } catch (err) {
    return showUnavailable(el, err);
  }
  // Debug/test handle; not part of the widget contract.
  Object.defineProperty(el, 'mosViewer', { value: viewer, configurable: true });
  return () => viewer.dispose();
}

export default { render };
