/**
 * The dialect of a delimited text: its delimiter and which line holds the header (exports often
 * put a title, an export date or a blank line above it). Read from the first lines of the UTF-8 text.
 */
const DELIMITERS = [',', ';', '\t', '|'] as const;
const LINES = 60;

export interface Dialect {
  readonly delimiter: string;
  /** 0-based line index of the header row */
  readonly headerLine: number;
}

/** Splits one physical line into fields, honouring double quotes (a quoted newline ends the sample line early). */
export function fields(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') {
      if (quoted && line[i + 1] === '"') { current += '"'; i++; } else quoted = !quoted;
    } else if (ch === delimiter && !quoted) {
      out.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  out.push(current);
  return out;
}

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
}

export function sniffDialect(text: string): Dialect {
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\n|\r/).slice(0, LINES);
  while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
  let best: { delimiter: string; width: number; consistency: number } = { delimiter: ',', width: 1, consistency: 0 };
  for (const delimiter of DELIMITERS) {
    const widths = lines.filter((l) => l.trim() !== '').map((l) => fields(l, delimiter).length);
    const width = mode(widths);
    if (width < 2) continue;
    const consistency = widths.filter((w) => w === width).length / widths.length;
    const score = consistency * Math.log2(width + 1);
    if (score > best.consistency * Math.log2(best.width + 1)) best = { delimiter, width, consistency };
  }
  const headerLine = lines.findIndex((line) => {
    const cells = fields(line, best.delimiter);
    const filled = cells.filter((c) => c.trim() !== '').length;
    return cells.length === best.width && filled >= Math.max(2, Math.ceil(best.width * 0.5));
  });
  return { delimiter: best.delimiter, headerLine: Math.max(0, headerLine) };
}
