/**
 * Issue 3, "Done when" 2: one seeded world written four ways — the canonical bundle, a Salesforce
 * report-style bundle (US date-times with AM/PM, `$` amounts, BOM, CRLF, a few bad rows) with the
 * ERP's deliveries, invoices and payments, a Chinese CRM bundle in GB18030, and (issue 19) the same
 * Chinese export as one Excel workbook of typed cells, a sheet per form — must load into the
 * same tables and give exactly the same measures. What the world leaves out so that all three styles
 * can say all of it (and why timestamps are whole minutes) is in tests/helpers/twins/world.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Adapter } from '../../ingest/adapters/adapter.ts';
import canonical from '../../ingest/adapters/canonical.ts';
import chineseCrm from '../../ingest/adapters/chinese-crm.ts';
import { chooseAdapter } from '../../ingest/adapters/registry.ts';
import salesforce from '../../ingest/adapters/salesforce.ts';
import type { FileReport } from '../../ingest/import-files.ts';
import { CONTRACT } from '../../models/db/contract.ts';
import type { Database } from '../../models/db/database.ts';
import { compare } from '../../models/compare.ts';
import { funnel } from '../../models/funnel.ts';
import { kpis } from '../../models/measures.ts';
import type { PeriodOptions } from '../../models/period.ts';
import { writeCanonicalBundle } from '../helpers/twins/canonical-style.ts';
import { slashDateTime, writeChineseCrmBundle, yuan } from '../helpers/twins/chinese-crm-style.ts';
import { WORKBOOK_NAME, writeChineseWorkbook } from '../helpers/twins/chinese-workbook-style.ts';
import { writeSalesforceBundle } from '../helpers/twins/salesforce-style.ts';
import {
  csvText, removeBundle, TIMESTAMP_FIELDS, TWIN_TABLES, twinWorld, type Bundle, type BundleFile, type TwinTable,
} from '../helpers/twins/world.ts';
import { importAndRebuild, openWorkspace } from '../../app/workspace.ts';

const STYLES = ['canonical', 'salesforce', 'chinese', 'workbook'] as const;
type Style = (typeof STYLES)[number];
const TWINS = ['salesforce', 'chinese', 'workbook'] as const;

const ADAPTERS: Record<string, Adapter> = { canonical, salesforce, 'chinese-crm': chineseCrm };
const ENCODING: Record<Style, (file: BundleFile) => string> = {
  canonical: () => 'utf-8',
  salesforce: (f) => (f.adapter === 'salesforce' ? 'utf-8-bom' : 'utf-8'),
  chinese: () => 'gb18030',
  // a workbook's XML is UTF-8, and so is the CSV each sheet is read as
  workbook: () => 'utf-8',
};

const { world } = twinWorld();
const bundles = {} as Record<Style, Bundle>;
const dbs = {} as Record<Style, Database>;
const reports = {} as Record<Style, FileReport[]>;

beforeAll(async () => {
  bundles.canonical = writeCanonicalBundle(world);
  bundles.salesforce = writeSalesforceBundle(world);
  bundles.chinese = writeChineseCrmBundle(world);
  bundles.workbook = await writeChineseWorkbook(world);
  for (const style of STYLES) {
    dbs[style] = await openWorkspace(':memory:');
    // the workbook is one file of seven sheets
    const sources = style === 'workbook' ? [{ path: bundles.workbook.files[0].path, name: WORKBOOK_NAME }]
      : bundles[style].files.map(({ path, name }) => ({ path, name }));
    ({ files: reports[style] } = await importAndRebuild(dbs[style], sources));
  }
});

afterAll(() => {
  for (const style of STYLES) {
    dbs[style]?.close();
    removeBundle(bundles[style]);
  }
});

describe('the twin world', () => {
  it('is a real LTC world in whole minutes, and the bad rows are not part of it', () => {
    expect(world.leads).toHaveLength(600);
    for (const table of TWIN_TABLES) expect(world[table].length, table).toBeGreaterThan(50);
    const stamps = TWIN_TABLES.flatMap((t) => world[t].flatMap((row) => Object.values(row).filter((v) => /^\d{4}-\d\d-\d\d /.test(v))));
    expect(stamps.length).toBeGreaterThan(2000);
    expect(stamps.filter((v) => !v.endsWith(':00'))).toEqual([]);
    // the AM/PM edge hours are in the data: 12:xx AM (00:xx) and 12:xx PM
    const hours = new Set(TWIN_TABLES.flatMap((t) => TIMESTAMP_FIELDS[t].flatMap((f) => world[t].map((row) => row[f]))).filter((v) => v && !v.endsWith(' 00:00:00')).map((v) => v.slice(11, 13)));
    expect(hours).toContain('00');
    expect(hours).toContain('12');
    // order-only payments (FIFO over the order's invoices) are in the world
    expect(world.payments.some((p) => p.invoice_id === '' && p.order_id !== '')).toBe(true);
    const ids = new Set(TWIN_TABLES.flatMap((t) => world[t].map((row) => Object.values(row)[0])));
    const bad = [...bundles.salesforce.badRows, ...bundles.chinese.badRows];
    expect(bad.length).toBe(4);
    for (const row of bad) expect(ids.has(row.id), row.id).toBe(false);
  });
});

describe.each(STYLES)('the %s bundle', (style) => {
  it('is recognised file by file by the intended adapter and preset', async () => {
    for (const file of bundles[style].files) {
      const source = { name: file.name, headers: file.headers, sample: file.sample };
      const own = ADAPTERS[file.adapter].detect(source);
      expect(own?.preset, file.name).toBe(file.preset);
      const choice = await chooseAdapter(source);
      expect('match' in choice && choice.match.preset, `${file.name}: the registry's choice`).toBe(file.preset);
    }
  });

  it('loads every row of the world and rejects exactly the bad rows, by line and column', () => {
    const files = reports[style];
    expect(files.map((f) => f.error).filter(Boolean)).toEqual([]);
    expect(files.map((f) => [f.path, f.adapter, f.preset, f.kind, f.encoding])).toEqual(
      bundles[style].files.map((f) => [f.name, f.adapter, f.preset, f.table, ENCODING[style](f)]));
    for (const [i, file] of bundles[style].files.entries()) {
      const report = files[i];
      const bad = bundles[style].badRows.filter((b) => b.file === file.name);
      expect([report.rows_read, report.rows_loaded, report.rows_rejected, report.rows_duplicate, report.rows_skipped], file.name)
        .toEqual([world[file.table].length + bad.length, world[file.table].length, bad.length, 0, 0]);
      expect(report.rejects.map((r) => ({ line: r.line, column: r.column })), file.name)
        .toEqual(bad.map((b) => ({ line: b.line, column: b.column })));
    }
  });
});

it('the bad rows are the ones described: a lead dated "N/A", an order of "TBD", a payment dated "N/A", a 回款 of "待定"', () => {
  const reasons = (style: Style) => reports[style].flatMap((f) => f.rejects.map((r) => `${f.path}:${r.line} ${r.column}: ${r.reason}`));
  expect(reasons('salesforce')).toEqual([
    expect.stringMatching(/^report1767225600001\.csv:139 Create Date: created_at: "N\/A" is not a US date/),
    expect.stringMatching(/^report1767225600003\.csv:43 Order Amount: amount: "TBD" is not a number/),
    expect.stringMatching(/^erp_payments\.csv:202 Payment Date: paid_at: "N\/A" is not a US date/),
  ]);
  expect(reasons('chinese')).toEqual([expect.stringMatching(/^回款记录\.csv:102 回款金额: amount: "待定" is not a number/)]);
  expect(reports.chinese.map((f) => f.header_line)).toEqual([1, 1, 2, 1, 1, 1, 2]);
  // the workbook's reject names the sheet and its row as Excel numbers it, the merged title counted
  expect(reasons('workbook')).toEqual([expect.stringMatching(/^简道云导出\.xlsx › 回款:102 回款金额: amount: "待定" is not a number/)]);
  expect(reports.workbook.map((f) => f.header_line)).toEqual([1, 1, 2, 1, 1, 1, 2]);
});

/**
 * Deep equality, numbers exactly equal: the means sum whole microseconds, so they do not depend on
 * the order in which rows arrive, and the twins must agree to the last bit.
 */
function differences(actual: unknown, expected: unknown, path = '$'): string[] {
  if (expected !== null && actual !== null && typeof expected === 'object' && typeof actual === 'object') {
    if (Array.isArray(expected) !== Array.isArray(actual)) return [`${path}: array vs object`];
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])];
    return keys.flatMap((k) => differences((actual as Record<string, unknown>)[k], (expected as Record<string, unknown>)[k], `${path}.${k}`));
  }
  return Object.is(actual, expected) ? [] : [`${path}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`];
}

/** A table's contract fields, every row, in key order, timestamps as text: the same in every twin. */
async function tableRows(db: Database, table: TwinTable) {
  const fields = CONTRACT[table].fields;
  const columns = fields.map((f) => (f.type === 'timestamp' ? `strftime(${f.name}, '%Y-%m-%d %H:%M:%S') AS ${f.name}` : f.name));
  return db.query(`SELECT ${columns.join(', ')} FROM ${table} ORDER BY ${CONTRACT[table].key.join(', ')}`);
}

describe.each(TWINS)('the %s twin', (style) => {
  it.each(TWIN_TABLES)('holds the same %s as the canonical bundle, value for value', async (table) => {
    const expected = await tableRows(dbs.canonical, table);
    expect(expected).toHaveLength(world[table].length);
    expect(await tableRows(dbs[style], table)).toEqual(expected);
  });

  const periods: [string, PeriodOptions][] = [
    ['all data', {}],
    ['the first half of 2025', { from: '2025-01-01', to: '2025-06-30' }],
    ['2024, 30-day window', { from: '2024-01-01', to: '2024-12-31', windowDays: 30 }],
    ['region East', { segments: { region: 'East' } }],
    ['Enterprise accounts (segment from the account)', { segments: { segment: 'Enterprise' } }],
  ];

  it.each(periods)('gives the same kpis for %s', async (_, options) => {
    const expected = await kpis(dbs.canonical, options);
    expect(expected.kpis.every((k) => k.available && k.n > 0)).toBe(true);
    expect(differences(await kpis(dbs[style], options), expected)).toEqual([]);
  });

  it.each(periods)('gives the same funnel for %s', async (_, options) => {
    const expected = await funnel(dbs.canonical, options);
    expect(expected.stages.map((s) => s.id)).toEqual(['lead_created', 'qualified', 'opportunity_created', 'order_created', 'delivered', 'invoiced', 'paid']);
    expect(differences(await funnel(dbs[style], options), expected)).toEqual([]);
  });

  it('gives the same before/after comparison at the 2025-01-01 cut-over', async () => {
    const expected = await compare(dbs.canonical, { cutover: '2025-01-01' });
    expect(expected.kpis.every((k) => k.before.n > 0 && k.after.n > 0)).toBe(true);
    expect(differences(await compare(dbs[style], { cutover: '2025-01-01' }), expected)).toEqual([]);
  });

  it('stitches the same cases with the same milestones', async () => {
    const cases = (db: Database) => db.query(`SELECT case_id, origin, lead_id, account_id, source, owner, region, segment, first_order_id, orders,
      ${['lead_created_at', 'qualified_at', 'opportunity_created_at', 'order_created_at', 'delivered_at', 'invoiced_at', 'paid_at']
    .map((c) => `strftime(${c}, '%Y-%m-%d %H:%M:%S') AS ${c}`).join(', ')} FROM model.cases ORDER BY case_id`);
    expect(await cases(dbs[style])).toEqual(await cases(dbs.canonical));
  });
});

/**
 * GB18030 writes "¥" (U+00A5) as the four bytes 81 30 84 36. A 回款 export whose rows carry no
 * Chinese text — ids, `2025/3/7 14:05` dates, `¥` amounts — must still be read as GB18030.
 */
it('reads a GB18030 回款 export whose only non-ASCII characters in the rows are ¥ amounts', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ltc-twin-gb-'));
  const db = await openWorkspace(':memory:');
  try {
    const header = ['回款编号', '合同编号', '发票号码', '回款日期', '回款金额'];
    const rows = world.payments.map((p) => [p.payment_id, p.order_id, p.invoice_id, slashDateTime(p.paid_at), yuan(p.amount)]);
    const path = join(dir, '回款记录.csv');
    writeFileSync(path, iconv.encode(csvText(header, rows, { eol: '\r\n' }), 'gb18030'));
    const { files } = await importAndRebuild(db, [{ path, name: '回款记录.csv' }]);
    expect(files.map((f) => [f.encoding, f.preset, f.rows_loaded, f.error])).toEqual([['gb18030', 'chinese-crm/payment', world.payments.length, undefined]]);
    expect(await tableRows(db, 'payments')).toEqual(await tableRows(dbs.canonical, 'payments'));
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
