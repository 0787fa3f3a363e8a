/**
 * The next day's export (issue 18): from the CRM bundle, a second bundle of the same eight files in
 * which 1% of each file's rows appear — half of them changed (a new owner, an amount corrected by
 * 1.00, a shipment an hour earlier), half new (a copy under a new id) — as an incremental export
 * from the CRM would deliver them the next morning. Seeded, so every run imports the same rows. The
 * counts are the check: the import must report exactly these rows as inserted and updated.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';

/** Which column a changed row changes, per file, and how. */
const CHANGES: Record<string, { column: string; change: (value: string, other: string) => string }> = {
  'accounts.csv': { column: 'owner', change: (_, other) => other },
  'leads.csv': { column: 'owner', change: (_, other) => other },
  'opportunities.csv': { column: 'owner', change: (_, other) => other },
  'orders.csv': { column: 'amount', change: (value) => (Number(value) + 1).toFixed(2) },
  'invoices.csv': { column: 'amount', change: (value) => (Number(value) + 1).toFixed(2) },
  'quotes.csv': { column: 'amount', change: (value) => (Number(value) + 1).toFixed(2) },
  'payments.csv': { column: 'amount', change: (value) => (Number(value) + 1).toFixed(2) },
  'deliveries.csv': { column: 'shipped_at', change: (value) => (value === '' ? value : new Date(Date.parse(`${value.replace(' ', 'T')}Z`) - 3_600_000).toISOString().replace('T', ' ').slice(0, 19)) },
};

export interface NextDayFile {
  readonly name: string;
  readonly inserted: number;
  readonly updated: number;
}

export function writeNextDay(bundle: string, outDir: string, share = 0.01, seed = 20250102): NextDayFile[] {
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  mkdirSync(outDir, { recursive: true });
  const written: NextDayFile[] = [];
  for (const name of readdirSync(bundle).filter((f) => f.endsWith('.csv')).sort()) {
    const rule = CHANGES[name];
    if (!rule) throw new Error(`the next day's export has no change for ${name}`);
    const lines = readFileSync(join(bundle, name), 'utf8').split('\n').filter((line) => line !== '');
    const header = parseLine(lines[0], name);
    const column = header.indexOf(rule.column);
    if (column < 0) throw new Error(`${name} has no column ${rule.column}`);
    const rows = lines.length - 1;
    const picked = new Set<number>();
    const wanted = Math.max(2, Math.round(rows * share));
    while (picked.size < Math.min(wanted, rows)) picked.add(1 + Math.floor(random() * rows));
    const chosen = [...picked].map((i) => parseLine(lines[i], name));
    const out: string[][] = [];
    let updated = 0;
    let inserted = 0;
    for (const [k, row] of chosen.entries()) {
      if (k % 2 === 0) {
        // Another value of the column among the chosen rows, so an owner stays one the data knows.
        const other = chosen.map((r) => r[column]).find((v) => v !== row[column] && v !== '') ?? `${row[column]} (new)`;
        const changed = [...row];
        changed[column] = rule.change(row[column], other);
        if (changed[column] === row[column]) continue;
        out.push(changed);
        updated++;
      } else {
        out.push([`${row[0]}N`, ...row.slice(1)]);
        inserted++;
      }
    }
    writeFileSync(join(outDir, name), Papa.unparse({ fields: header, data: out }, { newline: '\n' }) + '\n');
    written.push({ name, inserted, updated });
  }
  return written;
}

/** One record of the generator's CSV, which writes one record a line. */
function parseLine(line: string, file: string): string[] {
  const parsed = Papa.parse<string[]>(line, { header: false });
  if (parsed.errors.length || parsed.data.length !== 1) throw new Error(`${file}: a record over more than one line: ${line.slice(0, 80)}`);
  return parsed.data[0];
}
