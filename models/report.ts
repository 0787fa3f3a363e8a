/**
 * Everything the evaluation report shows (docs/statistics.md, `ltc report`): the before/after table with its
 * evidence, the monthly series, the duration distributions of both periods, time-to-order and
 * time-to-cash curves with open cases counted, the mix-adjusted view, the suggested change date,
 * and the data's quality (rows, rejects, links, censoring). One call gathers it; app/render/report-html.ts
 * draws it. Every figure is the one the CLI and the dashboard give for the same options.
 */
import { BEFORE_AFTER, choice, PERIOD, text } from './analysis/params.ts';
import { changePoints, type ChangePointResult } from './change-point.ts';
import { compare, type CompareOptions, type CompareResult } from './compare.ts';
import { comparePeriods } from './compare-periods.ts';
import type { Database } from './db/database.ts';
import { linkQuality, type LinkQuality } from './links.ts';
import { asOfMoment, dataFacts, itemValues, type DataFacts, type ValueMeasureId } from './measures.ts';
import { mixComparison, type MixResult } from './mix.ts';
import { windowDays } from './period.ts';
import { survival, type SurvivalResult } from './survival.ts';
import { trends, type TrendsResult } from './trends.ts';

export interface ImportSummary {
  readonly files: number;
  readonly rows_read: number;
  readonly rows_loaded: number;
  readonly rows_rejected: number;
}

export interface EvaluationReport {
  readonly generated_at: string;
  readonly compare: CompareResult;
  readonly trends: TrendsResult;
  /** per duration measure, the completed items of each period in days (for the distributions) */
  readonly distributions: { readonly id: ValueMeasureId; readonly before: number[]; readonly after: number[] }[];
  /** null when the comparison is between two ranges (the curves need a cut-over) */
  readonly survival: SurvivalResult | null;
  readonly mix: MixResult | null;
  readonly change: ChangePointResult;
  readonly facts: DataFacts;
  readonly imports: ImportSummary;
  readonly links: LinkQuality;
}

/** The report's parameters (`ltc report`, GET /api/report.html): compare's, the mix's segment and the language. */
export const REPORT_PARAMS = {
  ...PERIOD, ...BEFORE_AFTER,
  by: text('source|owner|region|segment', 'the segment of the mix view (default source)'),
  lang: choice(['en', 'zh'], 'the language of the report (default en)'),
} as const;

export interface ReportOptions extends CompareOptions {
  /** the segment key of the mix view (default source) */
  readonly by?: string;
}

export async function evaluationReport(db: Database, options: ReportOptions): Promise<EvaluationReport> {
  const compared = await compare(db, options);
  const facts = await dataFacts(db);
  const asOf = asOfMoment(facts, options);
  const { bounds } = comparePeriods(options);
  const window = windowDays(options);
  const distributions: EvaluationReport['distributions'] = [];
  for (const k of compared.kpis) {
    if (k.unit !== 'days' || !k.before.available || !k.after.available || asOf === null) continue;
    const id = k.id as ValueMeasureId;
    const items = async (b: typeof bounds.before) => [...await itemValues(db, facts, id, b, asOf, window, options.segments)];
    distributions.push({ id, before: await items(bounds.before), after: await items(bounds.after) });
  }
  const cutover = compared.cutover;
  const [imports] = await db.query<ImportSummary>(`
    SELECT count(*)::INTEGER AS files, coalesce(sum(rows_read), 0)::BIGINT::DOUBLE AS rows_read,
      coalesce(sum(rows_loaded), 0)::BIGINT::DOUBLE AS rows_loaded, coalesce(sum(rows_rejected), 0)::BIGINT::DOUBLE AS rows_rejected
    FROM import_batches WHERE undone_at IS NULL`);
  return {
    generated_at: new Date().toISOString().slice(0, 19),
    compare: compared,
    trends: await trends(db, { ...options, from: undefined, to: undefined, by: 'month' }),
    distributions,
    survival: cutover ? await survival(db, { ...options, cutover, excludeDays: compared.exclude_days }) : null,
    mix: cutover && !options.segments?.[(options.by ?? 'source') as 'source'] ? await mixComparison(db, { ...options, cutover, by: options.by }) : null,
    change: await changePoints(db, { ...options, from: undefined, to: undefined, cutover: cutover ?? undefined }),
    facts,
    imports: { files: Number(imports.files), rows_read: Number(imports.rows_read), rows_loaded: Number(imports.rows_loaded), rows_rejected: Number(imports.rows_rejected) },
    links: await linkQuality(db, options),
  };
}
