/**
 * A chart on the page as a file: the SVG Plot drew, made standalone (namespace, the page's font
 * and text colour written into it), or that SVG drawn at twice its size into a PNG on the page's
 * background colour.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The chart's main SVG (a Plot figure may hold a legend beside it): the largest one. */
export function chartSvg(host: Element): SVGSVGElement | null {
  const all = [...host.querySelectorAll('svg')];
  let best: SVGSVGElement | null = null;
  let bestArea = -1;
  for (const svg of all) {
    const { width, height } = svg.getBoundingClientRect();
    if (width * height > bestArea) {
      best = svg;
      bestArea = width * height;
    }
  }
  return best;
}

/** The SVG as standalone markup, with the styles it inherits from the page written in. */
export function standaloneSvg(svg: SVGSVGElement): { markup: string; width: number; height: number } {
  const { width, height } = svg.getBoundingClientRect();
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const style = getComputedStyle(svg);
  copy.setAttribute('xmlns', SVG_NS);
  copy.setAttribute('width', String(Math.ceil(width)));
  copy.setAttribute('height', String(Math.ceil(height)));
  if (!copy.getAttribute('viewBox')) copy.setAttribute('viewBox', `0 0 ${Math.ceil(width)} ${Math.ceil(height)}`);
  resolveVariables(svg, copy);
  // Plot draws text and axes in currentColor and the inherited font.
  copy.style.color = style.color;
  copy.style.fontFamily = style.fontFamily;
  copy.style.fontSize = style.fontSize;
  return { markup: new XMLSerializer().serializeToString(copy), width, height };
}

const PAINTED = ['fill', 'stroke', 'stop-color'] as const;

/** Colours given as CSS variables (the theme) become the values they have on the page. */
function resolveVariables(original: SVGSVGElement, copy: SVGSVGElement): void {
  const from = [original, ...original.querySelectorAll('*')];
  const to = [copy, ...copy.querySelectorAll('*')];
  from.forEach((element, i) => {
    const target = to[i];
    if (!target) return;
    const computed = getComputedStyle(element);
    for (const name of PAINTED) {
      if (target.getAttribute(name)?.includes('var(')) target.setAttribute(name, computed.getPropertyValue(name));
    }
    const inline = target.getAttribute('style');
    if (inline?.includes('var(')) {
      target.setAttribute('style', inline.replace(/([\w-]+)\s*:\s*[^;]*var\([^;]*/g, (_, property: string) => `${property}: ${computed.getPropertyValue(property)}`));
    }
  });
}

/** A file name from the chart's label: letters, digits and CJK kept, the rest dashes. */
export function chartFileName(label: string, extension: 'svg' | 'png'): string {
  const stem = label.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'chart';
  return `${stem}.${extension}`;
}

export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function svgBlob(svg: SVGSVGElement): Blob {
  return new Blob([standaloneSvg(svg).markup], { type: 'image/svg+xml;charset=utf-8' });
}

/** The chart drawn at `scale`× into a PNG on `background`. */
export async function pngBlob(svg: SVGSVGElement, background: string, scale = 2): Promise<Blob> {
  const { markup, width, height } = standaloneSvg(svg);
  const image = new Image();
  const source = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    image.src = source;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser cannot draw into a canvas');
    context.fillStyle = background;
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the chart could not be drawn as PNG'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(source);
  }
}
