// PNG screenshot of the canvas: render a fresh frame and read it in the same
// task, so no preserveDrawingBuffer is needed.
export function canvasToPngBlob(canvas: HTMLCanvasElement, renderNow: () => void): Promise<Blob> {
  renderNow();
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('screenshot failed'))), 'image/png');
  });
}

export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
