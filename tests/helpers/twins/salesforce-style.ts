/**
 * The twin world as a Salesforce shop exports it: Accounts, Leads, Opportunities and Orders as
 * Salesforce report exports ("Export Details" → CSV: report labels, every cell quoted, US date-times
 * `M/D/YYYY h:mm AM`, Date fields `M/D/YYYY`, currency `$1,234.50`, checkboxes 1/0, UTF-8 with BOM,
 * CRLF), and deliveries, invoices and payments — which live in the ERP, not in Salesforce — as the
 * ERP's English-header CSVs in the same US formats, read by the generic adapter.
 *
 * Report file names carry no object name (Salesforce names them `report<epoch ms>.csv`), so the
 * adapter has to tell the object from the labels alone.
 *
 * A few bad rows are added on purpose — a lead whose Create Date is "N/A", an order whose amount is
 * "TBD", a payment dated "N/A" — with ids that are not in the world: the import must reject them by
 * their line and column, and load everything else.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  csvText, groupThousands, parts, sampleOf, type BadRow, type Bundle, type BundleFile, type Row, type TwinTable, type World,
} from './world.ts';

/** 'YYYY-MM-DD HH:MM:SS' → '3/7/2025 2:05 PM' (a report shows no seconds; the twin world has none). */
export function usDateTime(timestamp: string): string {
  if (timestamp === '') return '';
  const { y, mo, d, h, mi, s } = parts(timestamp);
  if (s !== 0) throw new Error(`a Salesforce report cannot show seconds: ${timestamp}`);
  const hour12 = h % 12 === 0 ? 12 : h % 12;
  return `${mo}/${d}/${y} ${hour12}:${String(mi).padStart(2, '0')} ${h < 12 ? 'AM' : 'PM'}`;
}

/** 'YYYY-MM-DD 00:00:00' → '3/7/2025' (Salesforce Date fields). */
export function usDate(timestamp: string): string {
  if (timestamp === '') return '';
  const { y, mo, d, h, mi, s } = parts(timestamp);
  if (h || mi || s) throw new Error(`a Date field has no time: ${timestamp}`);
  return `${mo}/${d}/${y}`;
}

/** '1234.50' → '$1,234.50' */
export function dollars(amount: string): string {
  return amount === '' ? '' : `$${groupThousands(amount)}`;
}

const checkbox = (value: string) => (value === 'true' ? '1' : value === 'false' ? '0' : '');

type Column = readonly [label: string, value: (row: Row) => string];

interface FileSpec {
  readonly name: string;
  readonly table: TwinTable;
  readonly adapter: string;
  readonly preset: string;
  readonly columns: readonly Column[];
  /** Salesforce report exports quote every cell and start with a BOM; the ERP's files do neither */
  readonly report: boolean;
  /** bad rows, cells by label (others empty): inserted after the n-th good record */
  readonly bad?: readonly { readonly after: number; readonly id: string; readonly column: string; readonly cells: Readonly<Record<string, string>> }[];
}

function specs(world: World): FileSpec[] {
  const accountName = new Map(world.accounts.map((a) => [a.account_id, a.name]));
  return [
    {
      name: 'report1767225600000.csv', table: 'accounts', adapter: 'salesforce', preset: 'salesforce-report/account', report: true,
      columns: [
        ['Account Owner', (r) => r.owner], ['Account ID', (r) => r.account_id], ['Account Name', (r) => r.name],
        ['Industry', (r) => r.industry], ['Region', (r) => r.region], ['Segment', (r) => r.segment],
      ],
    },
    {
      name: 'report1767225600001.csv', table: 'leads', adapter: 'salesforce', preset: 'salesforce-report/lead', report: true,
      columns: [
        ['Lead Owner', (r) => r.owner], ['Lead ID', (r) => r.lead_id], ['Lead Source', (r) => r.source], ['Lead Status', (r) => r.status],
        ['Region', (r) => r.region], ['Create Date', (r) => usDateTime(r.created_at)],
        // a custom date field (the org tracks when a lead was qualified); the adapter reads "Qualified Date"
        ['Qualified Date', (r) => usDateTime(r.qualified_at)],
        ['Converted Date', (r) => usDate(r.converted_at)], ['Converted Opportunity ID', (r) => r.opportunity_id],
        ['Converted Account ID', (r) => r.account_id],
      ],
      bad: [{
        after: 137, id: 'L900001', column: 'Create Date',
        cells: { 'Lead Owner': 'Wang Lei', 'Lead ID': 'L900001', 'Lead Source': 'Website', 'Lead Status': 'New', Region: 'East', 'Create Date': 'N/A' },
      }],
    },
    {
      name: 'report1767225600002.csv', table: 'opportunities', adapter: 'salesforce', preset: 'salesforce-report/opportunity', report: true,
      columns: [
        ['Opportunity Owner', (r) => r.owner], ['Account ID', (r) => r.account_id],
        ['Opportunity Name', (r) => `${accountName.get(r.account_id) ?? 'New business'} – ${r.opportunity_id}`],
        ['Opportunity ID', (r) => r.opportunity_id], ['Stage', (r) => r.stage], ['Amount', (r) => dollars(r.amount)],
        ['Close Date', (r) => usDate(r.closed_at)], ['Created Date', (r) => usDateTime(r.created_at)],
        ['Won', (r) => checkbox(r.is_won)], ['Closed', (r) => checkbox(r.is_closed)],
      ],
    },
    {
      name: 'report1767225600003.csv', table: 'orders', adapter: 'salesforce', preset: 'salesforce-report/order', report: true,
      columns: [
        ['Order Number', (r) => r.order_id], ['Account ID', (r) => r.account_id], ['Opportunity ID', (r) => r.opportunity_id],
        ['Status', () => 'Activated'], ['Created Date', (r) => usDateTime(r.created_at)],
        ['Activated Date', (r) => usDateTime(r.confirmed_at)], ['Order Amount', (r) => dollars(r.amount)],
      ],
      bad: [{
        after: 41, id: 'SO900001', column: 'Order Amount',
        cells: { 'Order Number': 'SO900001', 'Account ID': 'A000001', Status: 'Draft', 'Created Date': '3/7/2025 2:05 PM', 'Order Amount': 'TBD' },
      }],
    },
    {
      name: 'erp_deliveries.csv', table: 'deliveries', adapter: 'canonical', preset: 'synonyms/deliveries', report: false,
      columns: [
        ['Delivery Number', (r) => r.delivery_id], ['Order Number', (r) => r.order_id],
        ['Ship Date', (r) => usDateTime(r.shipped_at)], ['Delivery Date', (r) => usDateTime(r.delivered_at)],
      ],
    },
    {
      name: 'erp_invoices.csv', table: 'invoices', adapter: 'canonical', preset: 'synonyms/invoices', report: false,
      columns: [
        ['Invoice Number', (r) => r.invoice_id], ['Order Number', (r) => r.order_id], ['Invoice Date', (r) => usDateTime(r.issued_at)],
        ['Due Date', (r) => usDateTime(r.due_at)], ['Amount', (r) => dollars(r.amount)],
      ],
    },
    {
      name: 'erp_payments.csv', table: 'payments', adapter: 'canonical', preset: 'synonyms/payments', report: false,
      columns: [
        ['Payment Number', (r) => r.payment_id], ['Payment Date', (r) => usDateTime(r.paid_at)],
        ['Amount Paid', (r) => dollars(r.amount)], ['Invoice Number', (r) => r.invoice_id], ['Order Number', (r) => r.order_id],
      ],
      bad: [{
        after: 200, id: 'P900001', column: 'Payment Date',
        cells: { 'Payment Number': 'P900001', 'Payment Date': 'N/A', 'Amount Paid': '$1,000.00', 'Invoice Number': 'INV000001' },
      }],
    },
  ];
}

const BOM = '\uFEFF';

export function writeSalesforceBundle(world: World): Bundle {
  const dir = mkdtempSync(join(tmpdir(), 'ltc-twin-salesforce-'));
  const files: BundleFile[] = [];
  const badRows: BadRow[] = [];
  for (const spec of specs(world)) {
    const header = spec.columns.map(([label]) => label);
    const cells = (row: Row) => spec.columns.map(([, value]) => value(row));
    const rows: string[][] = [];
    const source = world[spec.table];
    for (let i = 0; i <= source.length; i++) {
      for (const bad of spec.bad ?? []) {
        if (bad.after !== i) continue;
        rows.push(header.map((label) => bad.cells[label] ?? ''));
        // line 1 is the header and no cell holds a line break, so the n-th record is on line n + 1
        badRows.push({ file: spec.name, line: rows.length + 1, column: bad.column, id: bad.id });
      }
      if (i < source.length) rows.push(cells(source[i]));
    }
    const text = csvText(header, rows, { eol: '\r\n', quoteAll: spec.report });
    const path = join(dir, spec.name);
    writeFileSync(path, (spec.report ? BOM : '') + text, 'utf8');
    files.push({ path, name: spec.name, table: spec.table, adapter: spec.adapter, preset: spec.preset, headers: header, sample: sampleOf(header, rows) });
  }
  return { dir, files, badRows };
}
