/** Text widths for SVG layout, measured on a canvas in the page's own font. */

import { labelWidth } from '../../../style/chart-style.ts';

/** A measure of `text` set in `font` (a CSS font shorthand without the family), in pixels. */
export function canvasMeasure(): (text: string, font: string) => number {
  const context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  const family = typeof document === 'undefined' ? 'sans-serif' : getComputedStyle(document.body).fontFamily;
  const cache = new Map<string, number>();
  return (text, font) => {
    const key = `${font}|${text}`;
    let width = cache.get(key);
    if (width === undefined) {
      if (context) {
        context.font = `${font} ${family}`;
        width = context.measureText(text).width;
      } else {
        width = labelWidth(text);
      }
      cache.set(key, width);
    }
    return width;
  };
}
