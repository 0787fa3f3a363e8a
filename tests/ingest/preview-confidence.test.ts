/**
 * Preview confidence means what it says: a file in the data contract's own layout (every field under
 * its canonical name, as the sample data) is read at 90% or more; a file of synonyms only shows the
 * share of the table's fields it names (README, "What the import accepts").
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewFile } from '../../ingest/preview.ts';
import { CONTRACT } from '../../models/db/contract.ts';
import type { Database } from '../../models/db/database.ts';
import { openWorkspace } from '../../app/workspace.ts';

const BUNDLE = join(process.cwd(), 'sample-data/bundle');
let db: Database;
beforeAll(async () => { db = await openWorkspace(':memory:'); });
afterAll(() => db.close());

const dir = mkdtempSync(join(tmpdir(), 'ltc-confidence-'));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('preview confidence', () => {
  it.each(readdirSync(BUNDLE).filter((f) => f.endsWith('.csv')))('sample-data/bundle/%s, all columns canonical: confidence 1', async (name) => {
    const [preview] = await previewFile(db, join(BUNDLE, name), name);
    expect(preview.preset).toBe(`canonical/${name.replace('.csv', '')}`);
    expect(preview.confidence).toBe(1);
  });

  it('canonical names plus columns of its own: 0.9 and a tenth of the share of columns that are fields', async () => {
    // 3 of 5 columns are fields of leads
    const [preview] = await previewFile(db, write('leads.csv', 'lead_id,created_at,source,Campaign,Score\nL1,2025-01-02,Web,Spring,40\n'), 'leads.csv');
    expect(preview).toMatchObject({ preset: 'canonical/leads', confidence: 0.96 });
  });

  it('synonyms: 0.9 × the share of the table\'s fields named, below a dedicated adapter\'s reading', async () => {
    const [preview] = await previewFile(db, write('x.csv', 'Lead ID,Created Date,Lead Source\nL1,2025-01-02,Web\n'), 'x.csv');
    expect(preview.preset).toBe('synonyms/leads');
    expect(preview.confidence).toBe(Math.round((0.9 * 3) / CONTRACT.leads.fields.length * 100) / 100);
  });

  it('a report footer is cut off in the preview too: its rows are the data only', async () => {
    const path = join(process.cwd(), 'tests/fixtures/report-footers/salesforce-opportunities-report.csv');
    const [preview] = await previewFile(db, path, 'salesforce-opportunities-report.csv');
    expect(preview.rows).toHaveLength(6);
    expect(preview.skipped).toEqual([
      expect.objectContaining({ reason: 'totals_row', rows: 1, first_line: 8 }),
      expect.objectContaining({ reason: 'report_footer', rows: 4, first_line: 11 }),
    ]);
  });
});
