/**
 * Before/after around a cut-over (SPEC §5): every measure for the start events before the cut-over
 * and from it on, the change and whether it is an improvement. The statistics (p-value, CI) come
 * with the evaluation work and are left out until then rather than faked.
 */
import type { Database } from './db/database.ts';
import { asOfMoment, computeMeasures, dataFacts, type MeasureInfo, type MeasureValue } from './measures.ts';
import { assertDate, windowDays, UsageError, type PeriodOptions } from './period.ts';

export interface Comparison extends MeasureInfo {
  readonly before: MeasureValue;
  readonly after: MeasureValue;
  /** (after − before) ÷ before, as a fraction (−0.5 = −50%); null when before is 0 or missing */
  readonly change_pct: number | null;
  /** direction-aware: a lower duration or a higher rate is better; null when not comparable */
  readonly improved: boolean | null;
}

export interface CompareOptions extends PeriodOptions {
  readonly cutover: string;
}

export async function compare(db: Database, options: CompareOptions) {
  if (!options.cutover) throw new UsageError('--cutover is required (a date like 2025-01-01)');
  assertDate(options.cutover, '--cutover');
  const facts = await dataFacts(db);
  const window = windowDays(options);
  const asOf = asOfMoment(facts, options);
  const cut = `${options.cutover} 00:00:00`;
  const before = await computeMeasures(db, facts, { from: '-infinity', to: cut }, asOf, window, options.segments);
  const after = await computeMeasures(db, facts, { from: cut, to: 'infinity' }, asOf, window, options.segments);
  const kpis: Comparison[] = before.map((b, i) => {
    const a = after[i];
    const change = b.value !== null && a.value !== null && b.value !== 0 ? (a.value - b.value) / Math.abs(b.value) : null;
    return {
      id: b.id, label: b.label, label_zh: b.label_zh, unit: b.unit, better: b.better,
      before: b, after: a, change_pct: change,
      improved: b.value === null || a.value === null || a.value === b.value
        ? (a.value === b.value && a.value !== null ? false : null)
        : b.better === 'higher' ? a.value > b.value : a.value < b.value,
    };
  });
  return { cutover: options.cutover, data_end: facts.data_end, window_days: window, kpis };
}
