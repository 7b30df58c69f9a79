/**
 * Saving a chart as a file: one standalone SVG (title, colour legend, the Plot figure's
 * SVGs stacked) on a white background, and a PNG drawn from that SVG at twice the size
 * so it stays sharp on slides. Nothing leaves the browser.
 */
import type { ColorLegend } from '../charts/render-chart.ts';
import { slugify } from '../notebook/ids.ts';

const NS = 'http://www.w3.org/2000/svg';
const PAD = 16;
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

export interface ExportedSvg {
  readonly text: string;
  readonly width: number;
  readonly height: number;
}

/** The chart Plot rendered (an `<svg>`, or a `<figure>` of legend and plot) → SVG text. */
export function chartSvg(element: Element, title: string, legend: ColorLegend | null): ExportedSvg {
  // Built in a document of its own: nothing here touches the page (or its CSP).
  const doc = element.ownerDocument.implementation.createDocument(NS, 'svg', null);
  const parts =
    element instanceof SVGSVGElement
      ? [element]
      : [...element.querySelectorAll<SVGSVGElement>(':scope > svg')];
  const width = Math.max(
    320,
    ...parts.map((p) => Number(p.getAttribute('width')) || p.getBoundingClientRect().width),
  );
  const root = doc.documentElement;
  root.setAttribute('font-family', FONT);
  root.setAttribute('font-size', '12');
  root.setAttribute('color', '#1b1f24');
  const background = doc.createElementNS(NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', 'white');
  // Plot's defaults: the page's copy of them lives in the chart element's styles.
  const style = doc.createElementNS(NS, 'style');
  style.textContent = 'text, tspan { white-space: pre; }';
  root.append(background, style);

  let y = PAD;
  if (title) {
    const text = doc.createElementNS(NS, 'text');
    text.setAttribute('x', String(PAD));
    text.setAttribute('y', String(y + 14));
    text.setAttribute('font-size', '15');
    text.setAttribute('font-weight', '600');
    text.setAttribute('fill', 'currentColor');
    text.textContent = title;
    root.append(text);
    y += 28;
  }
  if (legend && legend.entries.length > 0) {
    let x = PAD;
    for (const entry of legend.entries) {
      const swatch = doc.createElementNS(NS, 'rect');
      for (const [k, v] of Object.entries({
        x,
        y: y + 2,
        width: 10,
        height: 10,
        rx: 2,
        fill: entry.color,
      })) {
        swatch.setAttribute(k, String(v));
      }
      const label = doc.createElementNS(NS, 'text');
      label.setAttribute('x', String(x + 14));
      label.setAttribute('y', String(y + 11));
      label.setAttribute('fill', 'currentColor');
      label.textContent = entry.value === 'unknown' ? 'Unknown' : entry.value;
      root.append(swatch, label);
      x += 14 + entry.value.length * 7 + 16;
    }
    y += 22;
  }
  for (const part of parts) {
    const copy = doc.importNode(part, true);
    // The tooltip under the pointer at the time of saving is not part of the chart.
    copy.querySelectorAll('[aria-label="tip"]').forEach((tip) => tip.remove());
    const height = Number(part.getAttribute('height')) || part.getBoundingClientRect().height;
    copy.setAttribute('x', String(PAD));
    copy.setAttribute('y', String(y));
    copy.setAttribute('overflow', 'visible');
    root.append(copy);
    y += height + 8;
  }
  const totalWidth = Math.ceil(width + PAD * 2);
  const totalHeight = Math.ceil(y + PAD - 8);
  root.setAttribute('width', String(totalWidth));
  root.setAttribute('height', String(totalHeight));
  root.setAttribute('viewBox', `0 0 ${totalWidth} ${totalHeight}`);
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(doc)}`;
  return { text, width: totalWidth, height: totalHeight };
}

export function downloadSvg(exported: ExportedSvg, title: string): void {
  download(new Blob([exported.text], { type: 'image/svg+xml' }), `${fileStem(title)}.svg`);
}

/** Draws the SVG on a canvas at `scale`× and saves it as PNG. */
export async function downloadPng(exported: ExportedSvg, title: string, scale = 2): Promise<void> {
  const url = URL.createObjectURL(new Blob([exported.text], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = exported.width * scale;
    canvas.height = exported.height * scale;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw on a canvas.');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, exported.width, exported.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('The browser could not encode the PNG.');
    download(blob, `${fileStem(title)}.png`);
  } finally {
    URL.revokeObjectURL(url);
  }
}

function fileStem(title: string): string {
  return slugify(title) || 'chart';
}

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
