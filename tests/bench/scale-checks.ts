/**
 * Issue 8 "results at scale equal the small-scale definitions": a sample of the bench's numbers
 * worked out a second way, without DuckDB — from what the event-log generator wrote, and from the
 * CRM workload's CSV files read in plain TypeScript — and compared with the model's answers. A
 * mismatch stops the bench.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseDuration, ProcessMap } from '../../models/process-map.ts';
import type { VariantsResult } from '../../models/variants.ts';
import type { MeasureValue } from '../../models/measures.ts';
import type { GeneratedLog } from './event-log-data.ts';

export class ScaleMismatch extends Error {}

function same(what: string, ours: number, theirs: number, tolerance = 0) {
  if (Math.abs(ours - theirs) > tolerance) throw new ScaleMismatch(`${what}: the model says ${ours}, the direct count ${theirs}`);
}

/** Every arc's count, the variants and the total case duration of the event-log workload. */
export function checkEventLog(log: GeneratedLog, map: ProcessMap, found: VariantsResult, durations: readonly CaseDuration[]): string {
  same('arcs', map.edges.length, log.arcs.size);
  for (const edge of map.edges) same(`arc ${edge.from}→${edge.to}`, edge.count, log.arcs.get(`${edge.from}→${edge.to}`) ?? 0);
  same('variants', found.variants.length, log.variants.size);
  for (const variant of found.variants) same(`variant ${variant.activities.join('→')}`, variant.count, log.variants.get(variant.activities.join('→')) ?? 0);
  same('events', map.events, log.events);
  same('total case duration (s)', durations.reduce((sum, d) => sum + d.seconds, 0), log.durationSeconds);
  return `every one of the ${map.edges.length} arcs' counts, the ${found.variants.length} variants' counts, the ${map.events.toLocaleString('en')} events`
    + ` and the total case duration (${(log.durationSeconds / 86_400).toLocaleString('en', { maximumFractionDigits: 0 })} days) equal the generator's own`;
}

/** The period and moment of the CRM check: orders created from `from` to `to`, both days included (as `ltc kpis`). */
export const CRM_CHECK = { from: '2024-07-01', to: '2025-06-30', asOf: '2025-12-31' } as const;

/**
 * order_processing_days (docs/measures.md) straight from orders.csv and deliveries.csv: per order created in
 * the period (and by as_of), its last delivery − its creation; an order whose last delivery is
 * after as_of, or that has none, is open.
 */
export function checkOrderProcessing(bundle: string, model: MeasureValue): string {
  const rows = (file: string) => {
    const [header, ...lines] = readFileSync(join(bundle, file), 'utf8').trimEnd().split('\n');
    const columns = header.split(',');
    return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [columns[i], v])));
  };
  const moment = (text: string) => Date.parse(`${text.replace(' ', 'T')}Z`);
  const lastDelivery = new Map<string, number>();
  for (const d of rows('deliveries.csv')) {
    if (!d.delivered_at) continue;
    lastDelivery.set(d.order_id, Math.max(lastDelivery.get(d.order_id) ?? -Infinity, moment(d.delivered_at)));
  }
  const from = moment(`${CRM_CHECK.from} 00:00:00`);
  const to = moment(`${CRM_CHECK.to} 00:00:00`) + 86_400_000;
  const asOf = moment(`${CRM_CHECK.asOf} 23:59:59.999`);
  const days: number[] = [];
  let open = 0;
  for (const o of rows('orders.csv')) {
    const created = moment(o.created_at);
    if (!(created >= from && created < to && created <= asOf)) continue;
    const delivered = lastDelivery.get(o.order_id);
    if (delivered !== undefined && delivered <= asOf) days.push((delivered - created) / 86_400_000);
    else open++;
  }
  days.sort((a, b) => a - b);
  const mean = days.reduce((sum, d) => sum + d, 0) / days.length;
  const mid = (days.length - 1) / 2;
  const median = days[Math.floor(mid)] + (days[Math.ceil(mid)] - days[Math.floor(mid)]) * (mid - Math.floor(mid));
  same('order processing: completed orders', model.n, days.length);
  same('order processing: open orders', model.censored, open);
  same('order processing: mean days', model.mean ?? NaN, mean, 1e-9);
  same('order processing: median days', model.median ?? NaN, median, 1e-9);
  return `order processing of the orders created ${CRM_CHECK.from}..${CRM_CHECK.to} (as of ${CRM_CHECK.asOf}) — `
    + `${days.length.toLocaleString('en')} completed, ${open.toLocaleString('en')} open, mean ${mean.toFixed(4)} d, median ${median.toFixed(4)} d — `
    + 'equals the same figures computed from orders.csv and deliveries.csv without the database';
}
