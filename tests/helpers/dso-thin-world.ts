/**
 * Invoices month by month for the thin-month rule of DSO (docs/measures.md#dso): January 20 × 1,000
 * (issued 01-10, paid 02-10), February 25 × 1,000 (issued 02-10, paid 04-05), March 20 × 100 (issued
 * 03-01, paid 04-10: enough invoices, little invoiced), April 30 × 1,000 (issued 04-01, never
 * paid), May 2 × 1,000 (issued 05-05; one paid 05-15, the data end). One order per invoice.
 */
import type { Bundle } from './workspace.ts';

const MONTHS = [
  { prefix: 'JAN', count: 20, amount: 1000, issued: '2025-01-10', paid: '2025-02-10' },
  { prefix: 'FEB', count: 25, amount: 1000, issued: '2025-02-10', paid: '2025-04-05' },
  { prefix: 'MAR', count: 20, amount: 100, issued: '2025-03-01', paid: '2025-04-10' },
  { prefix: 'APR', count: 30, amount: 1000, issued: '2025-04-01', paid: null },
  { prefix: 'MAY', count: 2, amount: 1000, issued: '2025-05-05', paid: null },
] as const;

export function dsoThinWorld(): Bundle {
  const orders = ['order_id,created_at,amount'];
  const invoices = ['invoice_id,order_id,issued_at,amount'];
  const payments = ['payment_id,paid_at,amount,invoice_id'];
  for (const m of MONTHS) {
    for (let i = 1; i <= m.count; i++) {
      const id = `${m.prefix}${i}`;
      orders.push(`SO-${id},${m.issued},${m.amount}`);
      invoices.push(`I-${id},SO-${id},${m.issued},${m.amount}`);
      if (m.paid) payments.push(`P-${id},${m.paid},${m.amount},I-${id}`);
    }
  }
  payments.push('P-MAY1,2025-05-15,1000,I-MAY1');
  const csv = (rows: string[]) => rows.join('\n') + '\n';
  return { 'orders.csv': csv(orders), 'invoices.csv': csv(invoices), 'payments.csv': csv(payments) };
}
