import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEED, generate, type GenerateSummary, HEADERS, TABLE_NAMES, type TableName } from '../../sample-data/generator/index.ts';

type Row = Record<string, string>;
type Tables = Record<TableName, Row[]>;

const DATA_END = '2025-12-31 23:59:59';
const CUTOVER = '2025-01-01 00:00:00';
const DAY_MS = 86_400_000;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const AMOUNT = /^\d+\.\d{2}$/;

const scratch = mkdtempSync(join(tmpdir(), 'ltc-sample-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function run(name: string, leads: number, seed = DEFAULT_SEED): { dir: string; summary: GenerateSummary } {
  const dir = join(scratch, name);
  return { dir, summary: generate({ leads, outDir: dir, seed }) };
}

const fileOf = (dir: string, table: TableName): string => readFileSync(join(dir, `${table}.csv`), 'utf8');

function parse(text: string): string[][] {
  const result = Papa.parse<string[]>(text, { skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return result.data;
}

function readTables(dir: string): Tables {
  const tables = {} as Tables;
  for (const table of TABLE_NAMES) {
    const [header, ...rows] = parse(fileOf(dir, table));
    tables[table] = rows.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i]])));
  }
  return tables;
}

const ms = (timestamp: string): number => Date.parse(`${timestamp.replace(' ', 'T')}Z`);
const cents = (amount: string): number => Math.round(Number(amount) * 100);
const index = (rows: Row[], key: string): Map<string, Row> => new Map(rows.map((r) => [r[key], r]));

function groupBy(rows: Row[], key: string): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const list = groups.get(row[key]);
    if (list) list.push(row);
    else groups.set(row[key], [row]);
  }
  return groups;
}

/**
 * Per invoice: the moment its payments reach its amount (docs/measures.md), with order-only payments
 * applied oldest invoice first (docs/linking.md). `misapplied` counts payments applied before their
 * invoice was issued or left over; `split` counts order-only payments spread over two invoices
 * (the generator means each to settle exactly one instalment of one invoice).
 */
function settleInvoices(t: Tables): { paidAt: Map<string, string>; received: Map<string, number>; misapplied: number; split: number } {
  const amount = new Map(t.invoices.map((i) => [i.invoice_id, cents(i.amount)]));
  const byOrder = groupBy(t.invoices, 'order_id');
  for (const list of byOrder.values()) list.sort((a, b) => a.issued_at.localeCompare(b.issued_at));
  const received = new Map<string, number>();
  const paidAt = new Map<string, string>();
  let misapplied = 0;
  let split = 0;
  const apply = (invoice: Row, part: number, at: string): void => {
    if (at < invoice.issued_at) misapplied++;
    const total = (received.get(invoice.invoice_id) ?? 0) + part;
    received.set(invoice.invoice_id, total);
    if (total >= amount.get(invoice.invoice_id)! - 1 && !paidAt.has(invoice.invoice_id)) paidAt.set(invoice.invoice_id, at);
  };
  const invoices = index(t.invoices, 'invoice_id');
  for (const p of [...t.payments].sort((a, b) => a.paid_at.localeCompare(b.paid_at))) {
    let left = cents(p.amount);
    if (p.invoice_id) {
      apply(invoices.get(p.invoice_id)!, left, p.paid_at);
      continue;
    }
    let parts = 0;
    for (const invoice of byOrder.get(p.order_id) ?? []) {
      const open = amount.get(invoice.invoice_id)! - (received.get(invoice.invoice_id) ?? 0);
      if (open <= 0 || left <= 0) continue;
      const part = Math.min(open, left);
      apply(invoice, part, p.paid_at);
      left -= part;
      parts++;
    }
    if (left > 0) misapplied++;
    if (parts > 1) split++;
  }
  return { paidAt, received, misapplied, split };
}

const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

/** The three headline measures of docs/measures.md (W = 90 days), before and after the cut-over. */
function headlineMeasures(t: Tables) {
  const events = [
    ...t.leads.flatMap((r) => [r.created_at, r.qualified_at, r.disqualified_at, r.converted_at]),
    ...t.opportunities.flatMap((r) => [r.created_at, r.is_closed === 'true' ? r.closed_at : '']),
    ...t.quotes.flatMap((r) => [r.created_at, r.sent_at, r.accepted_at]),
    ...t.orders.flatMap((r) => [r.created_at, r.confirmed_at]),
    ...t.deliveries.flatMap((r) => [r.shipped_at, r.delivered_at]),
    ...t.invoices.map((r) => r.issued_at),
    ...t.payments.map((r) => r.paid_at),
  ].filter(Boolean);
  const dataEnd = ms(events.reduce((a, b) => (a > b ? a : b)));
  const opportunityLead = new Map(t.opportunities.map((o) => [o.opportunity_id, o.lead_id]));
  const firstOrder = new Map<string, number>();
  for (const o of t.orders) {
    const lead = o.lead_id || opportunityLead.get(o.opportunity_id);
    if (!lead) continue;
    firstOrder.set(lead, Math.min(firstOrder.get(lead) ?? Infinity, ms(o.created_at)));
  }
  const conversion = { before: [0, 0], after: [0, 0] };
  for (const lead of t.leads) {
    const created = ms(lead.created_at);
    if (created > dataEnd - 90 * DAY_MS) continue;
    const c = lead.created_at < CUTOVER ? conversion.before : conversion.after;
    c[1]++;
    if ((firstOrder.get(lead.lead_id) ?? Infinity) - created <= 90 * DAY_MS) c[0]++;
  }
  const lastDelivery = new Map<string, number>();
  for (const d of t.deliveries) lastDelivery.set(d.order_id, Math.max(lastDelivery.get(d.order_id) ?? 0, ms(d.delivered_at)));
  const processing = { before: [] as number[], after: [] as number[] };
  for (const o of t.orders) {
    const last = lastDelivery.get(o.order_id);
    if (last !== undefined) (o.created_at < CUTOVER ? processing.before : processing.after).push((last - ms(o.created_at)) / DAY_MS);
  }
  const { paidAt } = settleInvoices(t);
  const collection = { before: [] as number[], after: [] as number[] };
  for (const i of t.invoices) {
    const paid = paidAt.get(i.invoice_id);
    if (paid) (i.issued_at < CUTOVER ? collection.before : collection.after).push((ms(paid) - ms(i.issued_at)) / DAY_MS);
  }
  return {
    conversion: { before: conversion.before[0] / conversion.before[1], after: conversion.after[0] / conversion.after[1] },
    processing: { before: mean(processing.before), after: mean(processing.after) },
    collection: { before: mean(collection.before), after: mean(collection.after) },
  };
}

describe('sample-data generator', () => {
  let first: { dir: string; summary: GenerateSummary };
  let t: Tables;

  beforeAll(() => {
    first = run('a', 3000);
    t = readTables(first.dir);
  });

  it('writes the same bytes for the same seed, whatever the time zone', () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'America/Los_Angeles';
      const west = run('west', 3000);
      process.env.TZ = 'Asia/Shanghai';
      const east = run('east', 3000);
      for (const table of TABLE_NAMES) {
        expect(fileOf(west.dir, table), table).toBe(fileOf(first.dir, table));
        expect(fileOf(east.dir, table), table).toBe(fileOf(first.dir, table));
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('writes different data for a different seed', () => {
    const other = run('other', 3000, 7);
    for (const table of TABLE_NAMES) expect(fileOf(other.dir, table), table).not.toBe(fileOf(first.dir, table));
  });

  it('matches the committed bundle (regenerate it with --leads 2000 --out sample-data/bundle)', () => {
    const bundle = run('bundle', 2000);
    const committed = join(import.meta.dirname, '../../sample-data/bundle');
    for (const table of TABLE_NAMES) expect(fileOf(committed, table), table).toBe(fileOf(bundle.dir, table));
  });

  it('writes every file with its canonical header and full rows', () => {
    for (const table of TABLE_NAMES) {
      const rows = parse(fileOf(first.dir, table));
      expect(rows[0], table).toEqual([...HEADERS[table]]);
      expect(rows.length - 1, table).toBe(first.summary.rows[table]);
      expect(rows.every((r) => r.length === HEADERS[table].length), table).toBe(true);
    }
    expect(t.leads).toHaveLength(3000);
  });

  it('gives every record a unique id of the documented form', () => {
    const ids: Array<[TableName, string, RegExp]> = [
      ['accounts', 'account_id', /^A\d{6}$/],
      ['leads', 'lead_id', /^L\d{6}$/],
      ['opportunities', 'opportunity_id', /^O\d{6}$/],
      ['quotes', 'quote_id', /^Q\d{6}$/],
      ['orders', 'order_id', /^SO\d{6}$/],
      ['deliveries', 'delivery_id', /^D\d{6}$/],
      ['invoices', 'invoice_id', /^INV\d{6}$/],
      ['payments', 'payment_id', /^P\d{6}$/],
    ];
    for (const [table, key, form] of ids) {
      const values = t[table].map((r) => r[key]);
      expect(new Set(values).size, table).toBe(values.length);
      expect(values.filter((v) => !form.test(v)), table).toEqual([]);
    }
  });

  it("writes timestamps, amounts, booleans and catalog values in the contract's form", () => {
    const timestampColumns: Array<[TableName, string[]]> = [
      ['leads', ['created_at', 'qualified_at', 'disqualified_at', 'converted_at']],
      ['opportunities', ['created_at', 'closed_at']],
      ['quotes', ['created_at', 'sent_at', 'accepted_at']],
      ['orders', ['created_at', 'confirmed_at']],
      ['deliveries', ['shipped_at', 'delivered_at']],
      ['invoices', ['issued_at', 'due_at']],
      ['payments', ['paid_at']],
    ];
    for (const [table, columns] of timestampColumns)
      for (const c of columns) expect(t[table].filter((r) => r[c] !== '' && !TIMESTAMP.test(r[c])).map((r) => r[c]), `${table}.${c}`).toEqual([]);
    for (const [table, column] of [['opportunities', 'amount'], ['quotes', 'amount'], ['orders', 'amount'], ['invoices', 'amount'], ['payments', 'amount']] as const)
      expect(t[table].filter((r) => !AMOUNT.test(r[column]) || cents(r[column]) <= 0).length, `${table}.${column}`).toBe(0);
    for (const table of ['opportunities', 'orders', 'invoices'] as const) expect(new Set(t[table].map((r) => r.currency))).toEqual(new Set(['CNY']));
    for (const o of t.opportunities) {
      expect(['true', 'false']).toContain(o.is_closed);
      expect(['true', 'false']).toContain(o.is_won);
    }
    expect(new Set(t.leads.map((l) => l.source))).toEqual(new Set(['Website', 'Trade show', 'Referral', 'Distributor', 'Cold call']));
    expect(new Set(t.leads.map((l) => l.region))).toEqual(new Set(['East', 'South', 'North', 'West']));
    expect(new Set(t.leads.map((l) => l.segment))).toEqual(new Set(['SMB', 'Mid-market', 'Enterprise']));
    const owners = new Set(t.leads.map((l) => l.owner));
    expect(owners.size).toBeGreaterThanOrEqual(6);
    expect(owners.size).toBeLessThanOrEqual(8);
    expect(t.leads.every((l) => l.created_at >= '2024-01-01 00:00:00')).toBe(true);
  });

  it('points every foreign key at an existing row, except the few deliberate orphan orders', () => {
    const leads = index(t.leads, 'lead_id');
    const accounts = index(t.accounts, 'account_id');
    const opportunities = index(t.opportunities, 'opportunity_id');
    const orders = index(t.orders, 'order_id');
    const invoices = index(t.invoices, 'invoice_id');
    const missing = (rows: Row[], column: string, target: Map<string, Row>): Row[] => rows.filter((r) => r[column] !== '' && !target.has(r[column]));

    expect(missing(t.leads, 'account_id', accounts)).toEqual([]);
    expect(missing(t.leads, 'opportunity_id', opportunities)).toEqual([]);
    expect(missing(t.opportunities, 'lead_id', leads)).toEqual([]);
    expect(missing(t.opportunities, 'account_id', accounts)).toEqual([]);
    expect(missing(t.quotes, 'opportunity_id', opportunities)).toEqual([]);
    expect(missing(t.orders, 'lead_id', leads)).toEqual([]);
    expect(missing(t.orders, 'account_id', accounts)).toEqual([]);
    expect(missing(t.deliveries, 'order_id', orders)).toEqual([]);
    expect(missing(t.invoices, 'order_id', orders)).toEqual([]);
    expect(missing(t.payments, 'invoice_id', invoices)).toEqual([]);
    expect(missing(t.payments, 'order_id', orders)).toEqual([]);
    expect(t.payments.filter((p) => p.invoice_id === '' && p.order_id === '')).toEqual([]);
    expect(t.payments.filter((p) => p.invoice_id && p.order_id && invoices.get(p.invoice_id)!.order_id !== p.order_id)).toEqual([]);

    // Lead and opportunity name each other.
    for (const l of t.leads) if (l.opportunity_id) expect(opportunities.get(l.opportunity_id)!.lead_id).toBe(l.lead_id);
    for (const o of t.opportunities) expect(leads.get(o.lead_id)!.opportunity_id).toBe(o.opportunity_id);
    for (const o of t.orders) if (o.opportunity_id && o.lead_id) expect(opportunities.get(o.opportunity_id)!.lead_id).toBe(o.lead_id);

    // The orphans: orders of opportunities created before the export period, in its first weeks.
    const orphans = missing(t.orders, 'opportunity_id', opportunities);
    expect(orphans.length).toBe(first.summary.orphanOrders);
    expect(orphans.length).toBeGreaterThan(0);
    expect(orphans.length).toBeLessThanOrEqual(0.01 * t.orders.length);
    for (const o of orphans) {
      expect(o.lead_id).toBe('');
      expect(o.created_at < '2024-03-01').toBe(true);
    }
    const direct = t.orders.filter((o) => !o.opportunity_id && !o.lead_id);
    expect(direct.length).toBe(first.summary.directOrders);
    expect(direct.length / t.orders.length).toBeGreaterThan(0.015);
    expect(direct.length / t.orders.length).toBeLessThan(0.05);
  });

  it("keeps every case's events in causal order", () => {
    const opportunities = index(t.opportunities, 'opportunity_id');
    const orders = index(t.orders, 'order_id');
    const invoices = index(t.invoices, 'invoice_id');
    const after = (later: string, earlier: string, what: string): void => {
      if (later !== '' && earlier !== '') expect(later >= earlier, `${what}: ${later} < ${earlier}`).toBe(true);
    };
    for (const l of t.leads) {
      after(l.qualified_at, l.created_at, `${l.lead_id} qualified`);
      after(l.disqualified_at, l.created_at, `${l.lead_id} disqualified`);
      after(l.converted_at, l.qualified_at, `${l.lead_id} converted`);
      expect(l.qualified_at !== '' && l.disqualified_at !== '').toBe(false);
      if (l.opportunity_id) expect(opportunities.get(l.opportunity_id)!.created_at).toBe(l.converted_at);
      expect(l.status === 'Converted').toBe(l.converted_at !== '');
    }
    for (const o of t.opportunities) if (o.is_closed === 'true') after(o.closed_at, o.created_at, `${o.opportunity_id} closed`);
    for (const q of t.quotes) {
      const o = opportunities.get(q.opportunity_id)!;
      after(q.created_at, o.created_at, `${q.quote_id} created`);
      after(q.sent_at, q.created_at, `${q.quote_id} sent`);
      after(q.accepted_at, q.sent_at, `${q.quote_id} accepted`);
      if (o.is_closed === 'true') after(o.closed_at, q.sent_at || q.created_at, `${q.quote_id} before close`);
    }
    for (const o of t.orders) {
      after(o.confirmed_at, o.created_at, `${o.order_id} confirmed`);
      const opportunity = opportunities.get(o.opportunity_id);
      if (opportunity) {
        after(o.created_at, opportunity.created_at, `${o.order_id} after opportunity`);
        expect(opportunity.is_won, o.order_id).toBe('true');
        after(o.created_at, opportunity.closed_at, `${o.order_id} after won`);
      }
    }
    for (const d of t.deliveries) {
      after(d.shipped_at, orders.get(d.order_id)!.created_at, `${d.delivery_id} shipped`);
      after(d.delivered_at, d.shipped_at, `${d.delivery_id} delivered`);
    }
    for (const i of t.invoices) {
      after(i.issued_at, orders.get(i.order_id)!.created_at, `${i.invoice_id} issued`);
      expect(i.due_at > i.issued_at).toBe(true);
    }
    for (const p of t.payments) if (p.invoice_id) expect(p.paid_at > invoices.get(p.invoice_id)!.issued_at, p.payment_id).toBe(true);
    const fifo = settleInvoices(t);
    expect(fifo.misapplied).toBe(0);
    expect(fifo.split).toBe(0);
  });

  it('creates no event after data_end; only planned dates may lie beyond it', () => {
    const late = (rows: Row[], columns: string[]): string[] => rows.flatMap((r) => columns.filter((c) => r[c] > DATA_END).map((c) => `${c}=${r[c]}`));
    expect(late(t.leads, ['created_at', 'qualified_at', 'disqualified_at', 'converted_at'])).toEqual([]);
    expect(late(t.opportunities.filter((o) => o.is_closed === 'true'), ['created_at', 'closed_at'])).toEqual([]);
    expect(late(t.quotes, ['created_at', 'sent_at', 'accepted_at'])).toEqual([]);
    expect(late(t.orders, ['created_at', 'confirmed_at'])).toEqual([]);
    expect(late(t.deliveries, ['shipped_at', 'delivered_at'])).toEqual([]);
    expect(late(t.invoices, ['issued_at'])).toEqual([]);
    expect(late(t.payments, ['paid_at'])).toEqual([]);
    // Open cases near data_end: open opportunities, undelivered orders, unpaid invoices.
    expect(t.opportunities.some((o) => o.is_closed === 'false')).toBe(true);
    const delivered = new Set(t.deliveries.map((d) => d.order_id));
    expect(t.orders.some((o) => !delivered.has(o.order_id) && o.created_at > '2025-12-01')).toBe(true);
    expect(first.summary.dataEnd <= DATA_END && first.summary.dataEnd > '2025-12-30').toBe(true);
  });

  it('closes opportunities consistently and prices won ones by their accepted quote', () => {
    const quotes = groupBy(t.quotes, 'opportunity_id');
    const firstOrder = new Map<string, Row>();
    for (const o of t.orders) if (o.opportunity_id && !firstOrder.has(o.opportunity_id)) firstOrder.set(o.opportunity_id, o);
    for (const o of t.opportunities) {
      if (o.is_won === 'true') expect(o.is_closed).toBe('true');
      expect(o.stage === 'Closed Won').toBe(o.is_won === 'true');
      expect(o.stage === 'Closed Lost').toBe(o.is_closed === 'true' && o.is_won === 'false');
      const accepted = (quotes.get(o.opportunity_id) ?? []).filter((q) => q.accepted_at !== '');
      if (o.is_won === 'true') {
        expect(accepted).toHaveLength(1);
        expect(accepted[0].amount).toBe(o.amount);
        expect(firstOrder.get(o.opportunity_id)?.amount, o.opportunity_id).toBe(o.amount);
      }
      if (o.is_closed === 'true' && o.is_won === 'false') expect(accepted).toHaveLength(0);
    }
    const rework = [...quotes.values()].filter((q) => q.length > 1).length;
    expect(rework).toBeGreaterThan(0.1 * quotes.size);
  });

  it('invoices exactly the order amount (once fully invoiced) and never overpays an invoice', () => {
    const invoices = groupBy(t.invoices, 'order_id');
    let settledOrders = 0;
    for (const o of t.orders) {
      const invoiced = (invoices.get(o.order_id) ?? []).reduce((s, i) => s + cents(i.amount), 0);
      expect(invoiced, o.order_id).toBeLessThanOrEqual(cents(o.amount));
      if (o.created_at < '2025-08-01') {
        expect(invoiced, o.order_id).toBe(cents(o.amount));
        settledOrders++;
      }
    }
    expect(settledOrders).toBeGreaterThan(0.5 * t.orders.length);
    expect([...invoices.values()].some((list) => list.length === 2)).toBe(true);
    const { received, paidAt } = settleInvoices(t);
    for (const i of t.invoices) expect(received.get(i.invoice_id) ?? 0, i.invoice_id).toBeLessThanOrEqual(cents(i.amount));
    const unpaid = t.invoices.filter((i) => !paidAt.has(i.invoice_id));
    expect(unpaid.length / t.invoices.length).toBeGreaterThan(0.02);
    expect(unpaid.length / t.invoices.length).toBeLessThan(0.07);
    expect(unpaid.some((i) => i.due_at < '2025-12-01')).toBe(true);
  });

  it('has the documented rework: partial deliveries, instalments and order-only payments', () => {
    const deliveries = groupBy(t.deliveries, 'order_id');
    const partial = [...deliveries.values()].filter((d) => d.length > 1).length / deliveries.size;
    expect(partial).toBeGreaterThan(0.2);
    expect(partial).toBeLessThan(0.4);
    expect(Math.max(...[...deliveries.values()].map((d) => d.length))).toBe(3);
    const perInvoice = groupBy(t.payments.filter((p) => p.invoice_id), 'invoice_id');
    expect([...perInvoice.values()].filter((p) => p.length > 1).length / perInvoice.size).toBeGreaterThan(0.08);
    const orderOnly = t.payments.filter((p) => !p.invoice_id).length;
    expect(orderOnly).toBe(first.summary.orderOnlyPayments);
    expect(orderOnly / t.payments.length).toBeGreaterThan(0.025);
    expect(orderOnly / t.payments.length).toBeLessThan(0.08);
  });

  it('reproduces the designed change at the cut-over: 20%→30%, 10→5 days, 15→9 days', () => {
    const m = headlineMeasures(readTables(run('measures', 30_000).dir));
    expect(m.conversion.before).toBeGreaterThan(0.18);
    expect(m.conversion.before).toBeLessThan(0.22);
    expect(m.conversion.after).toBeGreaterThan(0.28);
    expect(m.conversion.after).toBeLessThan(0.32);
    expect(m.processing.before).toBeGreaterThan(9);
    expect(m.processing.before).toBeLessThan(11);
    expect(m.processing.after).toBeGreaterThan(4.5);
    expect(m.processing.after).toBeLessThan(5.5);
    expect(m.collection.before).toBeGreaterThan(13.8);
    expect(m.collection.before).toBeLessThan(16.2);
    expect(m.collection.after).toBeGreaterThan(8.2);
    expect(m.collection.after).toBeLessThan(9.8);
  }, 60_000);

  it('runs as a command: prints the cut-over, refuses bad usage with exit 2', () => {
    const cli = join(import.meta.dirname, '../../sample-data/generate.ts');
    const tsx = join(import.meta.dirname, '../../node_modules/.bin/tsx');
    const ok = spawnSync(tsx, [cli, '--leads', '50', '--out', join(scratch, 'cli')], { encoding: 'utf8' });
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stderr).toContain('cut-over: 2025-01-01');
    expect(parse(readFileSync(join(scratch, 'cli', 'leads.csv'), 'utf8'))).toHaveLength(51);
    for (const args of [['--leads', '0', '--out', join(scratch, 'x')], ['--leads', '5', '--bogus']]) {
      const bad = spawnSync(tsx, [cli, ...args], { encoding: 'utf8' });
      expect(bad.status, args.join(' ')).toBe(2);
      expect(bad.stderr).toContain('usage:');
    }
  }, 60_000);
});
