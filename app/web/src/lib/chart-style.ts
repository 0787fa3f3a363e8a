/** Shared look of the dashboard's Plot charts (colours match app.css). */

export const ACCENT = '#4f46e5';
export const INK = '#344054';
export const GRID = '#eaecf0';

export const PLOT_STYLE = {
  fontFamily: 'inherit',
  fontSize: '12px',
  color: INK,
  background: 'transparent',
  overflow: 'visible',
};

/** Approximate rendered width of a 12px label, CJK characters counting double. */
export function labelWidth(label: string): number {
  let width = 0;
  for (const char of label) width += /[\u2e80-\u9fff\uff00-\uffef]/.test(char) ? 12.5 : 7;
  return Math.ceil(width);
}
