/** The CLI's plain-text tables: columns aligned, numbers right-aligned (the numbers themselves: models/messages/format.ts). */

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => NUMERIC.test(r[i] ?? '')));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (numeric[i] ? padStart(c, widths[i]) : pad(c, widths[i]))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Cells that read as numbers (counts, percentages, days, "—" for missing) are right-aligned. */
const NUMERIC = /^(|[—?]|n\/a|[<+−-]?[\d.,]+(%| d| 天)?( \S+)?|\d+\/\d+)$/;

/** Display width: CJK characters take two columns in a terminal. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(ch) ? 2 : 1;
  return w;
}
const pad = (t: string, w: number) => t + ' '.repeat(Math.max(0, w - width(t)));
const padStart = (t: string, w: number) => ' '.repeat(Math.max(0, w - width(t))) + t;
