/**
 * Report footers (Salesforce's "Confidential Information …", a HubSpot report's summary lines) are
 * skipped as footers, never rejected — and only a block at the very end: a data row in the middle,
 * or a last row that merely lacks columns, is still data. Fixtures: tests/fixtures/report-footers
 * (their README says what is in them); the line numbers below were read off the files.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FileReport } from '../../ingest/import-files.ts';
import { findReportFooter } from '../../ingest/report-footer.ts';
import type { Database } from '../../models/db/database.ts';
import { importAndRebuild, openWorkspace } from '../../app/workspace.ts';

const FOOTERS = join(process.cwd(), 'tests/fixtures/report-footers');
const dir = mkdtempSync(join(tmpdir(), 'ltc-footer-'));
function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

let db: Database | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});

async function load(path: string): Promise<FileReport> {
  db = await openWorkspace(':memory:');
  return (await importAndRebuild(db, [{ path, name: path.split('/').pop()! }])).files[0];
}

describe('report exports: the footer is skipped as a footer', () => {
  it('a Salesforce opportunity report: 6 deals, the Grand Totals row and 4 footer lines skipped, nothing rejected', async () => {
    const report = await load(join(FOOTERS, 'salesforce-opportunities-report.csv'));
    expect(report).toMatchObject({
      preset: 'salesforce-report/opportunity', rows_loaded: 6, rows_rejected: 0, rejects: [], rows_skipped: 5,
      // 6 deals + the totals row + 4 footer lines (blank lines are not rows)
      rows_read: 11,
    });
    expect(report.skipped).toEqual([
      { reason: 'totals_row', label: 'totals row', label_zh: '合计行', rows: 1, first_line: 8 },
      { reason: 'report_footer', label: 'report footer', label_zh: '报表页脚', rows: 4, first_line: 11 },
    ]);
    const deals = await db!.query<{ id: string; amount: number }>('SELECT opportunity_id AS id, amount FROM opportunities ORDER BY 1');
    expect(deals.map((d) => d.id)).toEqual(['0065g00000AbC01', '0065g00000AbC02', '0065g00000AbC03', '0065g00000AbC04', '0065g00000AbC05', '0065g00000AbC06']);
    // the Grand Totals amount (237,800) is not a deal
    expect(deals.reduce((sum, d) => sum + d.amount, 0)).toBe(237800);
  });

  it('a HubSpot deals report with trailing summary lines: the Total row and the count line skipped', async () => {
    const report = await load(join(FOOTERS, 'hubspot-deals-report.csv'));
    expect(report).toMatchObject({ preset: 'hubspot-export/deals', rows_loaded: 4, rows_rejected: 0, rows_skipped: 2, rows_read: 6 });
    expect(report.skipped).toEqual([
      expect.objectContaining({ reason: 'totals_row', rows: 1, first_line: 7 }),
      expect.objectContaining({ reason: 'report_footer', rows: 1, first_line: 8 }),
    ]);
  });
});

describe('only a trailing block is a footer', () => {
  const HEADER = 'account_id,name,industry,region\n';

  it('an account named "Total" in the middle of the file is data', async () => {
    const report = await load(write('accounts.csv', `${HEADER}A1,Acme,Retail,North\nA2,Total,Retail,South\nA3,Borealis,Food,West\n`));
    expect(report).toMatchObject({ rows_loaded: 3, rows_skipped: 0 });
  });

  it('a last row that only lacks columns, right after the data, is a reject, not a footer', async () => {
    const report = await load(write('accounts.csv', `${HEADER}A1,Acme,Retail,North\nA2,Borealis\n`));
    expect(report).toMatchObject({ rows_loaded: 1, rows_rejected: 1, rows_skipped: 0 });
    expect(report.rejects[0].line).toBe(3);
  });

  it('short lines after a blank line are a footer; a quoted value spanning lines at the end is data', () => {
    const footer = write('a.csv', `${HEADER}A1,Acme,Retail,North\n\nExported by Mei Chen\nAcme Inc\n`);
    expect(findReportFooter(footer, ',', 4)).toMatchObject({ rows: [{ reason: 'report_footer', rows: 2, first_line: 4 }] });
    const multiline = write('b.csv', `${HEADER}A1,Acme,Retail,"North\nWest"\n`);
    expect(findReportFooter(multiline, ',', 4)).toBeNull();
    const plain = write('c.csv', `${HEADER}A1,Acme,Retail,North\nA2,Borealis,Food,West\n\n`);
    expect(findReportFooter(plain, ',', 4)).toBeNull();
  });

  it('a footer phrase inside a data row (a description mentioning copyright) is data', async () => {
    const report = await load(write('accounts.csv', `${HEADER}A1,Acme,Retail,North\nA2,"Copyright (c) Borealis Publishing, all rights reserved",Media,West\n`));
    expect(report).toMatchObject({ rows_loaded: 2, rows_skipped: 0 });
  });
});
