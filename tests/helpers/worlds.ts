/**
 * Small seeded LTC worlds for calibrating the before/after tests: leads, orders, deliveries,
 * invoices and payments as canonical CSV texts, many worlds in one bundle told apart by the lead
 * source (`world-0`, `world-1`, …), so one workspace holds them all and `segments: { source }`
 * picks one.
 */
import { mulberry32, standardNormal, type Random } from '../../models/stats/random.ts';
import type { Bundle } from './workspace.ts';

/** The process of one period: conversion probability and lognormal medians (days). */
export interface WorldProcess {
  readonly conversion: number;
  readonly salesCycleDays: number;
  readonly processingDays: number;
  readonly collectionDays: number;
}

export interface WorldSpec {
  readonly name: string;
  readonly leads: number;
  readonly before: WorldProcess;
  /** the process from the cut-over on (by the start event of each step) */
  readonly after: WorldProcess;
}

export const WORLD_CUTOVER = '2025-01-01';
const CUT = Date.parse(`${WORLD_CUTOVER}T00:00:00Z`);
const FIRST = Date.parse('2024-07-01T00:00:00Z');
const LAST = Date.parse('2025-07-01T00:00:00Z');
const DAY = 86_400_000;

const stamp = (ms: number) => new Date(Math.round(ms / 1000) * 1000).toISOString().slice(0, 19).replace('T', ' ');
const lognormalDays = (median: number, sigma: number, random: Random) => median * Math.exp(sigma * standardNormal(random)) * DAY;
const processAt = (spec: WorldSpec, at: number) => (at < CUT ? spec.before : spec.after);

/**
 * Leads are created uniformly from 2024-07-01 to 2025-07-01 (cut-over 2025-01-01). An `anchor` lead
 * of its own source dated 2026-07-01 sets data_end a year after the last world event, so no item
 * of a world is open (censoring is not what these worlds test).
 */
export function worldsBundle(specs: readonly WorldSpec[], seed: number): Bundle {
  const random = mulberry32(seed);
  const leads = ['lead_id,created_at,source'];
  const orders = ['order_id,created_at,lead_id,amount'];
  const deliveries = ['delivery_id,order_id,delivered_at'];
  const invoices = ['invoice_id,order_id,issued_at,amount'];
  const payments = ['payment_id,paid_at,amount,invoice_id'];
  let id = 0;
  for (const spec of specs) {
    for (let i = 0; i < spec.leads; i++) {
      const n = ++id;
      const created = FIRST + random() * (LAST - FIRST);
      leads.push(`L${n},${stamp(created)},${spec.name}`);
      const sales = processAt(spec, created);
      if (random() >= sales.conversion) continue;
      // A convert orders within the 90-day window (the rate's definition); the cycle is drawn below it.
      let cycle: number;
      do cycle = lognormalDays(sales.salesCycleDays, 0.6, random); while (cycle > 89 * DAY);
      const ordered = created + cycle;
      orders.push(`SO${n},${stamp(ordered)},L${n},1000.00`);
      const delivered = ordered + lognormalDays(processAt(spec, ordered).processingDays, 0.55, random);
      deliveries.push(`D${n},SO${n},${stamp(delivered)}`);
      invoices.push(`I${n},SO${n},${stamp(delivered)},1000.00`);
      const paid = delivered + lognormalDays(processAt(spec, delivered).collectionDays, 0.65, random);
      payments.push(`P${n},${stamp(paid)},1000.00,I${n}`);
    }
  }
  leads.push('ANCHOR,2026-07-01 00:00:00,anchor');
  const csv = (rows: string[]) => rows.join('\n') + '\n';
  return {
    'leads.csv': csv(leads), 'orders.csv': csv(orders), 'deliveries.csv': csv(deliveries),
    'invoices.csv': csv(invoices), 'payments.csv': csv(payments),
  };
}
