// anywidget entry point: `render({ model, el })` draws the viewer into `el`
// and returns the cleanup that anywidget calls when the view goes away.
import './styles.css';
import { Viewer } from './viewer';
import type { WidgetModel } from './widget-model';

export interface RenderProps {
  model: WidgetModel;
  el: HTMLElement;
}

export function render({ model, el }: RenderProps): () => void {
  const viewer = new Viewer(model, el);
  // Debug/test handle; not part of the widget contract.
  Object.defineProperty(el, 'mosViewer', { value: viewer, configurable: true });
  return () => viewer.dispose();
}

export default { render };
