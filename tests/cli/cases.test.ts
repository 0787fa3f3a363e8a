import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ltc, ltcJson } from '../helpers/cli.ts';
import { writeBundle } from '../helpers/workspace.ts';

// L1: two orders (SO1 first, paid 01-31 by an order-level payment); SO9: an order of its own.
const bundle = writeBundle({
  'leads.csv': 'lead_id,created_at,source\nL1,2025-01-01,Web\nL2,2025-01-02,Fair\n',
  'orders.csv': 'order_id,created_at,lead_id,amount\nSO1,2025-01-10,L1,100\nSO2,2025-01-20,L1,50\nSO9,2025-01-05,,70\nSO8,2025-01-06,L7,10\n',
  'invoices.csv': 'invoice_id,order_id,issued_at,amount\nI1,SO1,2025-01-12,100\n',
  'payments.csv': 'payment_id,paid_at,amount,invoice_id,order_id\nP1,2025-01-31,100,,SO1\nP2,2025-02-01,5,,\n',
});
const db = join(mkdtempSync(join(tmpdir(), 'ltc-cli-cases-')), 'ws.duckdb');

describe('ltc links, ltc cases, ltc case', () => {
  beforeAll(() => {
    ltcJson(['ingest', '--db', db, ...bundle.paths]);
  });

  it('reports link quality as JSON', () => {
    const links = ltcJson<{
      orders: Record<string, number | null>;
      orphans: { table: string; kind: string; count: number; examples: string[] }[];
      dangling: { table: string; field: string; count: number; examples: { id: string; value: string }[] }[];
    }>(['links', '--db', db]);
    // SO1, SO2 by lead_id; SO9 names nothing; SO8 names L7, which is not loaded.
    expect(links.orders).toMatchObject({ total: 4, traced_to_lead: 2, traced_to_lead_share: 0.5, through_lead_id: 2, untraced: 2 });
    expect(links.orphans.find((o) => o.table === 'orders')).toMatchObject({ count: 2, examples: ['SO8', 'SO9'] });
    expect(links.orphans.find((o) => o.kind === 'names_nothing')).toMatchObject({ count: 1, examples: ['P2'] });
    expect(links.dangling.find((d) => d.table === 'orders' && d.field === 'lead_id')).toMatchObject({
      count: 1, examples: [{ id: 'SO8', value: 'L7' }] });
    // Only the period's orders: SO1 and SO2 (created from 01-10).
    expect(ltcJson<{ orders: { total: number } }>(['links', '--db', db, '--from', '2025-01-10']).orders.total).toBe(2);
    const text = ltc(['links', '--db', db]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/orders traced to a lead: 2 of 4 \(50\.0%\)/);
  });

  it('lists the cases slowest first, with paging and search', () => {
    // data_end 02-01. L2 open 30 d; L1 paid 01-01 → 01-31 = 30 d (case id breaks the tie);
    // order:SO8 open 01-06 → 02-01 = 26 d; order:SO9 open 01-05 → 02-01 = 27 d.
    const list = ltcJson<{ total: number; cases: { case_id: string; days: number; order_ids: string[]; status: string }[] }>(
      ['cases', '--db', db]);
    expect(list.total).toBe(4);
    expect(list.cases.map((c) => [c.case_id, c.status, c.days])).toEqual([
      ['L1', 'paid', 30], ['L2', 'open', 30], ['order:SO9', 'open', 27], ['order:SO8', 'open', 26]]);
    const page = ltcJson<{ total: number; offset: number; cases: { case_id: string }[] }>(
      ['cases', '--db', db, '--sort', 'newest', '--limit', '1', '--offset', '1']);
    // Newest first: SO8 (01-06), SO9 (01-05), L2, L1.
    expect(page).toMatchObject({ total: 4, offset: 1, cases: [{ case_id: 'order:SO9' }] });
    const found = ltcJson<{ cases: { case_id: string; order_ids: string[] }[] }>(['cases', '--db', db, '--search', 'so2']);
    expect(found.cases).toMatchObject([{ case_id: 'L1', order_ids: ['SO1', 'SO2'] }]);
    expect(ltcJson<{ total: number }>(['cases', '--db', db, '--where', 'source=Web']).total).toBe(1);
    const text = ltc(['cases', '--db', db, '--status', 'paid']);
    expect(text.stdout).toMatch(/^1 case as of 2025-02-01T00:00:00/);
    expect(text.stdout).toMatch(/L1 +lead +SO1 SO2/);
  });

  it('shows one case with its milestones and events, later orders included', () => {
    const t = ltcJson<{ case: { case_id: string }; milestones: { id: string; at: string | null }[]; events: { lane: string; activity: string }[] }>(
      ['case', 'L1', '--db', db]);
    expect(t.case.case_id).toBe('L1');
    expect(t.milestones.find((m) => m.id === 'paid')!.at).toBe('2025-01-31T00:00:00');
    expect(t.events.map((e) => `${e.lane} ${e.activity}`)).toEqual([
      'lead L1 created', 'order SO1 created', 'invoice I1 issued', 'order SO2 created', 'payment P1 paid']);
    const text = ltc(['case', 'L1', '--db', db]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/case L1 \(origin lead\) · paid in 30\.0 d/);
  });

  it('fails in words: an unknown case exits 1, bad usage 2', () => {
    const unknown = ltc(['case', 'L404', '--db', db]);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toBe('ltc case: no case "L404": it is not a case, order or opportunity id in this database\n');
    expect(ltc(['case', '--db', db]).code).toBe(2);
    const sort = ltc(['cases', '--db', db, '--sort', 'fastest']);
    expect(sort.code).toBe(2);
    expect(sort.stderr).toMatch(/sort must be one of slowest, newest, waiting/);
    expect(ltc(['cases', '--db', db, '--limit', 'ten']).code).toBe(2);
  });
});
