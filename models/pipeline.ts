/**
 * The opportunity pipeline (docs/measures.md, "Pipeline" and "Opportunity funnel"): what is open at
 * as_of by owner and by stage (count and amount, undated open records counted), and the funnel of
 * the period's opportunities through the stages — from the stage history where it is loaded, else
 * from each opportunity's current stage.
 */
import type { Database } from './db/database.ts';
import { momentLabel } from './dso.ts';
import { asOfMoment, dataFacts } from './measures.ts';
import { filterParam, periodBounds, type PeriodOptions } from './period.ts';
import { sayAll } from './messages/catalogue.ts';
import { PIPELINE_NOTES, PIPELINE_STEPS } from './messages/pipeline.ts';
import { sqlFile } from './sql-files.ts';
import { fieldPair } from './words.ts';

export interface PipelineGroup {
  /** the owner or the stage; null when the opportunities have none */
  readonly key: string | null;
  readonly count: number;
  /** summed amount as loaded (no currency conversion); opportunities without an amount add nothing */
  readonly amount: number;
  readonly without_amount: number;
  /** open opportunities without a creation date (e.g. Maven's Prospecting deals) */
  readonly undated: number;
}

export interface OpportunityFunnelStep {
  readonly kind: 'created' | 'stage' | 'won';
  /** the stage as loaded (kind 'stage'), else null */
  readonly stage: string | null;
  readonly label: string;
  readonly label_zh: string;
  readonly count: number;
  readonly amount: number;
  /** count ÷ the previous step's count (1 for the first); null when the previous is 0 */
  readonly step_conversion: number | null;
  /** count ÷ the created count; null without opportunities */
  readonly cumulative_conversion: number | null;
}

export interface OpportunityFunnel {
  /** stage_history: stages entered, from loaded history events; current_stage: each opportunity's stage now */
  readonly basis: 'stage_history' | 'current_stage';
  readonly steps: OpportunityFunnelStep[];
  readonly lost: { readonly count: number; readonly amount: number };
  /** opportunities of the funnel without a creation date (only counted when no period is asked) */
  readonly undated: number;
  readonly note: string;
  readonly note_zh: string;
}

export interface PipelineResult {
  readonly data_end: string | null;
  readonly as_of: string | null;
  /** false when no opportunities are loaded: nothing below means anything */
  readonly available: boolean;
  readonly note?: string;
  readonly note_zh?: string;
  /** every opportunity open at as_of (dated or not) */
  readonly open: PipelineGroup;
  readonly by_owner: PipelineGroup[];
  readonly by_stage: PipelineGroup[];
  readonly funnel: OpportunityFunnel;
}

const NONE: PipelineGroup = { key: null, count: 0, amount: 0, without_amount: 0, undated: 0 };

/** The query of one pipeline file with the shared opportunities CTE put in. */
function pipelineSql(file: string): string {
  return sqlFile(file).replace('__OPPORTUNITIES__', sqlFile('pipeline-opportunities.sql'));
}

export async function pipeline(db: Database, options: PeriodOptions = {}): Promise<PipelineResult> {
  const facts = await dataFacts(db);
  const asOf = asOfMoment(facts, options);
  const bounds = periodBounds(options);
  const base = { data_end: facts.data_end, as_of: momentLabel(asOf) };
  if (asOf === null || facts.opportunities === 0) {
    return {
      ...base, available: false, ...fieldPair('note', sayAll(PIPELINE_NOTES, 'needs_opportunities')),
      open: NONE, by_owner: [], by_stage: [], funnel: emptyFunnel(),
    };
  }
  const filter = filterParam(options);
  const groups = await db.query<Record<string, unknown>>(pipelineSql('pipeline-open.sql'), { as_of: asOf, ...filter });
  const group = (row: Record<string, unknown>, key: string | null): PipelineGroup => ({
    key, count: Number(row.count), amount: Number(row.amount), without_amount: Number(row.without_amount), undated: Number(row.undated),
  });
  const total = groups.find((r) => r.grouping === 'total');
  const rows = await db.query<Record<string, unknown>>(pipelineSql('pipeline-funnel.sql'), {
    from: bounds.from, to: bounds.to, as_of: asOf, ...filter, undated: !options.from && !options.to,
  });
  return {
    ...base, available: true,
    open: total ? group(total, null) : NONE,
    by_owner: groups.filter((r) => r.grouping === 'owner').map((r) => group(r, r.owner as string | null)),
    by_stage: groups.filter((r) => r.grouping === 'stage').map((r) => group(r, r.stage as string | null)),
    funnel: funnelOf(rows),
  };
}

function funnelOf(rows: Record<string, unknown>[]): OpportunityFunnel {
  const history = rows.some((r) => r.has_history === true);
  const steps: OpportunityFunnelStep[] = [];
  for (const row of rows.filter((r) => r.kind !== 'lost')) {
    const kind = row.kind as OpportunityFunnelStep['kind'];
    const count = Number(row.count);
    const previous = steps.at(-1)?.count;
    const first = steps[0]?.count ?? count;
    const names = kind === 'stage' ? { en: String(row.label), zh: String(row.label) } : sayAll(PIPELINE_STEPS, kind);
    steps.push({
      kind, stage: kind === 'stage' ? String(row.stage) : null, ...fieldPair('label', names), count, amount: Number(row.amount),
      step_conversion: previous === undefined ? (count > 0 ? 1 : null) : previous > 0 ? count / previous : null,
      cumulative_conversion: first > 0 ? count / first : null,
    });
  }
  const lost = rows.find((r) => r.kind === 'lost');
  const created = rows.find((r) => r.kind === 'created');
  return {
    basis: history ? 'stage_history' : 'current_stage',
    steps,
    lost: { count: Number(lost?.count ?? 0), amount: Number(lost?.amount ?? 0) },
    undated: Number(created?.undated ?? 0),
    ...fieldPair('note', sayAll(PIPELINE_NOTES, history ? 'stage_history' : 'current_stage')),
  };
}

function emptyFunnel(): OpportunityFunnel {
  return { basis: 'current_stage', steps: [], lost: { count: 0, amount: 0 }, undated: 0, ...fieldPair('note', sayAll(PIPELINE_NOTES, 'needs_opportunities')) };
}
