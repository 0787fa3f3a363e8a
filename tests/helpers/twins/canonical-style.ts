/** The twin world as the canonical bundle (docs/data-contract.md): snake_case headers, ISO timestamps, plain numbers, UTF-8, LF. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvText, sampleOf, TWIN_FIELDS, TWIN_TABLES, type Bundle, type BundleFile, type World } from './world.ts';

export function writeCanonicalBundle(world: World): Bundle {
  const dir = mkdtempSync(join(tmpdir(), 'ltc-twin-canonical-'));
  const files: BundleFile[] = TWIN_TABLES.map((table) => {
    const header = TWIN_FIELDS[table];
    const name = `${table}.csv`;
    const path = join(dir, name);
    const rows = world[table].map((row) => header.map((f) => row[f]));
    writeFileSync(path, csvText(header, rows, { eol: '\n' }));
    return { path, name, table, adapter: 'canonical', preset: `canonical/${table}`, headers: header, sample: sampleOf(header, rows) };
  });
  return { dir, files, badRows: [] };
}
