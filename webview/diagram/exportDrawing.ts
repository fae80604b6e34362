import { appendLegend, type Box, type ExportLegendEntry } from './exportLegend';

/**
 * Turns a drawn SVG into files: the SVG as standalone text on the chosen background (a filled
 * rectangle under the drawing, or none for a transparent one), with the legend under it when the
 * drawing's colours mean something (`legend`, its text in `legendColor`), and a PNG at `scale`
 * pixels per drawing unit via a canvas. The SVG is loaded as a data: image, so the canvas is not tainted.
 */
export function exportSvg(svg: SVGSVGElement, background: string | undefined, legend: { entries: readonly ExportLegendEntry[]; color: string } = { entries: [], color: '' }): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const view = svg.viewBox.baseVal;
  // Whole units, so the background covers every pixel of a PNG (a fractional edge would be half transparent).
  const drawn: Box | undefined = view && view.width > 0 && view.height > 0 ? {
    x: Math.floor(view.x), y: Math.floor(view.y),
    width: Math.ceil(view.x + view.width) - Math.floor(view.x), height: Math.ceil(view.y + view.height) - Math.floor(view.y),
  } : undefined;
  const box = drawn && appendLegend(copy, drawn, legend.entries, legend.color);
  if (box) {
    copy.setAttribute('viewBox', `${box.x} ${box.y} ${box.width} ${box.height}`);
    copy.setAttribute('width', String(box.width));
    copy.setAttribute('height', String(box.height));
  }
  if (box && background) {
    const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
    rect.setAttribute('x', String(box.x));
    rect.setAttribute('y', String(box.y));
    rect.setAttribute('width', String(box.width));
    rect.setAttribute('height', String(box.height));
    rect.setAttribute('fill', background);
    copy.insertBefore(rect, copy.firstChild);
  }
  // The editor's own marks (selection, click targets) stay in the editor.
  for (const node of copy.querySelectorAll('.pm-node')) {
    node.classList.remove('pm-node', 'pm-selected');
    node.removeAttribute('data-key');
  }
  copy.removeAttribute('style');
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return new XMLSerializer().serializeToString(copy);
}

export async function exportPng(svgText: string, scale = 2): Promise<string> {
  const url = `data:image/svg+xml;base64,${toBase64(new TextEncoder().encode(svgText))}`;
  const image = new Image();
  await new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('The drawing could not be loaded as an image.'));
    image.src = url;
  });
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.ceil(image.naturalWidth * scale));
  canvas.height = Math.max(1, Math.ceil(image.naturalHeight * scale));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('No 2D canvas available for the PNG export.');
  ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
  const dataUrl = canvas.toDataURL('image/png');
  return dataUrl.slice(dataUrl.indexOf(',') + 1);
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
