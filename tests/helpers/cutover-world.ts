/**
 * A hand-built LTC world with a clean process change on 2024-05-01, small enough that every figure
 * of `compare`, `mix`, `change-point` and `report` can be worked out by hand (the CLI tests of the
 * evidence, the report and the plain-text output use it).
 *
 * - Before: 80 leads created in January and February 2024 (40 a month), 48 of them converted (24 a
 *   month: 60%). Every convert orders exactly 30 days after its creation, is delivered and invoiced 5
 *   days later and pays in full 30 days after the invoice, on its due date (lead-to-cash 65 days).
 * - After: 70 leads created May–July 2024 (25, 25, 20), 56 converted (20, 20, 16: 80%). Orders come
 *   20 days after creation, delivery and invoice 3 days later, payment 20 days after the invoice
 *   (lead-to-cash 43 days).
 * - One unconverted before lead was disqualified on 2024-12-01: that is the data end, so every lead
 *   is older than the 90-day conversion window (nothing is censored in the rate).
 *
 * Leads per period, source and region (converted / not):
 *
 * | period | Web North | Web South | Fair North | Fair South | total  |
 * |--------|-----------|-----------|------------|------------|--------|
 * | before | 30 / 10   | 12 / 8    | 0 / 4      | 6 / 10     | 48/80  |
 * | after  | 20 / 1    | 12 / 2    | 4 / 1      | 20 / 10    | 56/70  |
 *
 * 48/80 before against 56/70 after is the first example of Newcombe (1998), Statistics in Medicine
 * 17:873–890, Table II, whose published 95% hybrid score interval (method 10) of the difference is
 * +0.0524 … +0.3339.
 */
import type { Bundle } from './workspace.ts';

export const CUTOVER = '2024-05-01';
export const DATA_END = '2024-12-01T00:00:00';

interface Cell {
  readonly source: 'Web' | 'Fair';
  readonly region: 'North' | 'South';
  readonly converted: number;
  readonly not: number;
}

interface Period {
  readonly name: 'before' | 'after';
  readonly cells: readonly Cell[];
  /** [month, converted leads, unconverted leads] in the order the leads are dated */
  readonly months: readonly (readonly [string, number, number])[];
  /** days from lead to order, order to delivery (= invoice), invoice to payment (= due date) */
  readonly days: { readonly order: number; readonly delivery: number; readonly payment: number };
}

const PERIODS: readonly Period[] = [
  {
    name: 'before',
    cells: [
      { source: 'Web', region: 'North', converted: 30, not: 10 },
      { source: 'Web', region: 'South', converted: 12, not: 8 },
      { source: 'Fair', region: 'North', converted: 0, not: 4 },
      { source: 'Fair', region: 'South', converted: 6, not: 10 },
    ],
    months: [['2024-01', 24, 16], ['2024-02', 24, 16]],
    days: { order: 30, delivery: 5, payment: 30 },
  },
  {
    name: 'after',
    cells: [
      { source: 'Web', region: 'North', converted: 20, not: 1 },
      { source: 'Web', region: 'South', converted: 12, not: 2 },
      { source: 'Fair', region: 'North', converted: 4, not: 1 },
      { source: 'Fair', region: 'South', converted: 20, not: 10 },
    ],
    months: [['2024-05', 20, 5], ['2024-06', 20, 5], ['2024-07', 16, 4]],
    days: { order: 20, delivery: 3, payment: 20 },
  },
];

const DAY = 86_400_000;
const at = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

/** The world as canonical CSV texts (leads, orders, deliveries, invoices, payments). */
export function cutoverWorld(): Bundle {
  const leads = ['lead_id,created_at,source,region,disqualified_at'];
  const orders = ['order_id,created_at,lead_id,amount'];
  const deliveries = ['delivery_id,order_id,delivered_at'];
  const invoices = ['invoice_id,order_id,issued_at,due_at,amount'];
  const payments = ['payment_id,paid_at,amount,invoice_id'];
  let id = 0;
  for (const period of PERIODS) {
    // Creation dates: the converts fill the months' quotas in turn, then the others; day k of a month is 1 + k mod 28.
    const dates = (pick: 1 | 2) => period.months.flatMap((m) => Array.from({ length: m[pick] }, () => m[0]));
    const convertMonths = dates(1);
    const otherMonths = dates(2);
    const used = new Map<string, number>();
    const created = (month: string) => {
      const k = used.get(month) ?? 0;
      used.set(month, k + 1);
      return Date.parse(`${month}-${String(1 + (k % 28)).padStart(2, '0')}T00:00:00Z`);
    };
    const lastOther = period.cells.reduce((sum, c) => sum + c.not, 0) - 1;
    let other = 0;
    for (const cell of period.cells) {
      for (let i = 0; i < cell.converted; i++) {
        const n = ++id;
        const start = created(convertMonths.shift()!);
        leads.push(`L${n},${at(start)},${cell.source},${cell.region},`);
        const ordered = start + period.days.order * DAY;
        const delivered = ordered + period.days.delivery * DAY;
        const paid = delivered + period.days.payment * DAY;
        orders.push(`S${n},${at(ordered)},L${n},1000`);
        deliveries.push(`D${n},S${n},${at(delivered)}`);
        invoices.push(`I${n},S${n},${at(delivered)},${at(paid)},1000`);
        payments.push(`P${n},${at(paid)},1000,I${n}`);
      }
      for (let i = 0; i < cell.not; i++) {
        const n = ++id;
        const disqualified = period.name === 'before' && other === lastOther ? '2024-12-01 00:00:00' : '';
        leads.push(`L${n},${at(created(otherMonths.shift()!))},${cell.source},${cell.region},${disqualified}`);
        other++;
      }
    }
  }
  const csv = (rows: string[]) => rows.join('\n') + '\n';
  return {
    'leads.csv': csv(leads), 'orders.csv': csv(orders), 'deliveries.csv': csv(deliveries),
    'invoices.csv': csv(invoices), 'payments.csv': csv(payments),
  };
}
