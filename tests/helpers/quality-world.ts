/**
 * A small lead-to-cash world for the data-quality checks (docs/quality.md): `cleanWorld` has nothing
 * wrong in it — though it has what honest data has: an invoice issued the moment its order was
 * created, an order paid at order level over two invoices (oldest first), a credit note, a due date
 * years ahead, an open opportunity whose planned close date is in the future and one closed on the
 * day it was created, its close a date without a time (midnight, before its timed creation) — and
 * `plantedWorld` adds records with exactly one problem each (two for lead steps, three early dates),
 * listed in PLANTED.
 */
import type { Bundle } from './workspace.ts';

export const cleanWorld: Bundle = {
  'leads.csv': `lead_id,created_at,source,qualified_at,converted_at
L1,2025-01-10,Web,2025-01-12,
LA,2025-02-01,Fair,,
`,
  'opportunities.csv': `opportunity_id,created_at,lead_id,stage,is_closed,is_won,closed_at
O1,2025-01-15,L1,Won,true,true,2025-01-30
OA,2025-02-05,LA,Prospecting,false,,2027-06-30
OB,2025-02-05 14:30:00,LA,Lost,true,false,2025-02-05
`,
  'quotes.csv': `quote_id,opportunity_id,created_at,sent_at,accepted_at
Q1,O1,2025-01-20,2025-01-21,2025-01-25
`,
  'orders.csv': `order_id,created_at,opportunity_id,lead_id,amount
SO1,2025-02-01,O1,,1000
SOA,2025-03-01,,LA,500
`,
  'deliveries.csv': `delivery_id,order_id,delivered_at,shipped_at
D1,SO1,2025-02-10,2025-02-08
`,
  'invoices.csv': `invoice_id,order_id,issued_at,due_at,amount
I1,SO1,2025-02-11,2025-03-13,1000
IA1,SOA,2025-03-01,2030-01-01,300
IA2,SOA,2025-03-15,,200
IC,SOA,2025-03-20,,-50
`,
  'payments.csv': `payment_id,paid_at,amount,invoice_id,order_id
P1,2025-03-01,1000,I1,
PA,2025-04-01,500,,SOA
`,
};

/** The planted records, each line added to the clean world's file of the same name. */
const planted: Record<string, string> = {
  'leads.csv': `L2,2025-03-05,Web,,
L3,2025-01-20,Web,,
L4,2025-04-01,Fair,,
L5,2025-05-10,Fair,2025-05-01,
L6,2025-06-01,Web,,2025-05-30
L7,2025-06-01,Web,,
L8,2014-01-01,Fair,,
L9,2099-03-01,Web,,
L11,1900-01-01,Web,,
`,
  'opportunities.csv': `O3,2025-02-01,L3,Won,true,true,2025-02-20
O7,2025-06-10,L7,Lost,true,false,2025-06-05
O10,2025-06-01,,Prospecting,false,,2027-06-30
`,
  'quotes.csv': `Q3,O3,2025-01-28,,
`,
  'orders.csv': `SO2,2025-02-03,,L2,600
SO3,2025-01-25,O3,,500
SO4,2025-04-10,,L4,800
SO8,2025-01-15,,L8,100
SO11,2025-02-01,,L11,100
`,
  'deliveries.csv': `D2,SO2,2025-02-10,
D3,SO3,2025-01-22,
D12,SO11,2025-02-10,1970-01-01
`,
  'invoices.csv': `I2,SO2,2025-02-12,2030-01-01,600
I3,SO3,2025-02-05,,500
I4,SO4,2025-04-01,,800
I13,SO99,1980-05-05,,70
`,
  'payments.csv': `P2,2025-02-20,600,I2,
P3,2025-02-01,500,I3,
P4,2025-05-01,900,I4,
P4B,2025-05-02,50,,SO4
`,
};

export const plantedWorld: Bundle = Object.fromEntries(
  Object.entries(cleanWorld).map(([name, text]) => [name, text + (planted[name] ?? '')]),
);
