/**
 * Shared look of the Plot charts, of the dashboard (app/web) and of the HTML files rendered on the
 * server (app/render: report, notebooks). Colours are the dashboard's CSS variables, so its charts
 * follow the light or dark theme; each carries the light colour as fallback for the HTML files,
 * which do not define them. No Node or DOM imports: the browser bundle reads this file too.
 */

export const ACCENT = 'var(--accent, #4f46e5)';
export const INK = 'var(--chart-ink, #344054)';
export const GRID = 'var(--chart-grid, #eaecf0)';
/** reference lines (a cut-over, data end) */
export const RULE = 'var(--chart-rule, #475467)';
/** secondary lines and marks */
export const FAINT = 'var(--chart-faint, #c4c9d4)';
export const NEUTRAL = 'var(--subtle, #98a2b3)';
/** the card behind the chart: hollow dots and outlines */
export const SURFACE = 'var(--surface, #ffffff)';

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
