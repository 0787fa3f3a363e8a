/**
 * The cases list (docs/measures.md, issue 4 "Timelines"): one row per case with its ids, segments, the
 * milestones reached by as_of, its status and how long it took or has been open. Slowest first by
 * default. JSON for small pages, Arrow (typed columns) for large ones.
 *
 * Definitions (models/sql/cases-list.sql): a case starts at its lead's creation (else its
 * opportunity's, else its order's) and belongs to the period of that start; the current milestone
 * is the furthest reached in process order; status is 'paid' (the first order's invoices all paid by
 * as_of), 'lost' (no order, and every opportunity closed without a win — or, without opportunity,
 * the lead disqualified) or 'open'. `days` — the slowest-first key — is the start-to-cash time of a
 * paid case, the age at as_of of an open one (a lower bound of its eventual lead-to-cash time) and
 * the start-to-loss time of a lost one.
 */
import type { DataType, Table, Vector } from 'apache-arrow';
import type { Database } from './db/database.ts';
import { STAGES, type StageId } from './funnel.ts';
import { asOfMoment, dataFacts } from './measures.ts';
import { filterParam, periodBounds, type PeriodOptions } from './period.ts';
import { UsageError } from './analysis/errors.ts';
import { sqlFile } from './sql-files.ts';
import { sayAll } from './messages/catalogue.ts';
import { ANALYSIS_ERRORS, PARAM_ERRORS } from './messages/errors.ts';

export const CASE_SORTS = ['slowest', 'newest', 'waiting'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];
export const CASE_STATUSES = ['open', 'paid', 'lost'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Rows per page: the default, and the most one JSON page (or one Arrow table) may hold. */
export const CASE_PAGE = { default: 50, maxJson: 1000, defaultArrow: 10_000, maxArrow: 1_000_000 } as const;

export interface CaseListOptions extends PeriodOptions {
  /** matches case id, lead id, order ids, account id or account name (case-insensitive substring) */
  readonly search?: string;
  readonly sort?: CaseSort;
  readonly limit?: number;
  readonly offset?: number;
  readonly status?: CaseStatus;
  /** keep cases whose current milestone is this one */
  readonly milestone?: StageId;
}

export interface CaseRow {
  readonly case_id: string;
  readonly origin: 'lead' | 'opportunity' | 'order';
  readonly lead_id: string | null;
  readonly account_id: string | null;
  readonly account_name: string | null;
  readonly source: string | null;
  readonly owner: string | null;
  readonly region: string | null;
  readonly segment: string | null;
  /** every order of the case, oldest first; the first one drives the order-side milestones */
  readonly order_ids: string[];
  readonly first_order_id: string | null;
  readonly orders: number;
  readonly start_at: string;
  readonly milestones_reached: StageId[];
  readonly current_milestone: StageId | null;
  readonly current_milestone_at: string | null;
  readonly status: CaseStatus;
  readonly open: boolean;
  readonly paid_at: string | null;
  readonly lost_at: string | null;
  /** paid lead cases: cash − lead created */
  readonly lead_to_cash_days: number | null;
  /** paid cases: cash − start */
  readonly cycle_days: number | null;
  /** open cases: as_of − start */
  readonly age_days: number | null;
  /** open cases: as_of − the current milestone */
  readonly waiting_days: number | null;
  /** the slowest-first key: cycle_days, age_days or start-to-loss days */
  readonly days: number;
}

export interface CaseList {
  readonly data_end: string | null;
  readonly as_of: string | null;
  /** cases matching the filters and search, over all pages */
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
  readonly sort: CaseSort;
  readonly cases: CaseRow[];
}

const ORDER: Record<CaseSort, string> = {
  slowest: 'days DESC, case_id',
  newest: 'start_at DESC, case_id',
  waiting: 'waiting_days DESC NULLS LAST, days DESC, case_id',
};

/** One page of cases within the filters, with the total for paging. */
export async function listCases(db: Database, options: CaseListOptions = {}): Promise<CaseList> {
  const page = pageOf(options, CASE_PAGE.default, CASE_PAGE.maxJson);
  const query = await listQuery(db, options);
  const head = { data_end: query.dataEnd, as_of: query.asOf === null ? null : iso(query.asOf), ...page };
  if (query.params === null) return { ...head, total: 0, cases: [] };
  const total = await countCases(db, query.params);
  const cases = await db.query<CaseRow>(pageSql(page.sort, `* REPLACE (${ISO_TIMESTAMPS})`),
    { ...query.params, limit: page.limit, offset: page.offset });
  return { ...head, total, cases };
}

/**
 * The same list as an Arrow table of typed columns (timestamps, doubles, booleans, strings) for
 * large pages; `order_ids` and `milestones_reached` are comma-separated strings there. The schema
 * metadata carries `total`, `offset`, `limit`, `sort`, `as_of` and `data_end`.
 */
export async function casesArrow(db: Database, options: CaseListOptions = {}): Promise<Table> {
  const page = pageOf(options, CASE_PAGE.defaultArrow, CASE_PAGE.maxArrow);
  const query = await listQuery(db, options);
  // Without data the query still runs, on a period no case falls in, so the columns keep their names.
  const params = query.params ?? { ...emptyParams(), from: 'infinity' };
  const total = await countCases(db, params);
  const table = await db.arrow(
    pageSql(page.sort, `* REPLACE (array_to_string(order_ids, ',') AS order_ids, array_to_string(milestones_reached, ',') AS milestones_reached)`),
    { ...params, limit: page.limit, offset: page.offset });
  const metadata = new Map<string, string>([
    ['total', String(total)], ['offset', String(page.offset)], ['limit', String(page.limit)], ['sort', page.sort],
    ['as_of', query.asOf === null ? '' : iso(query.asOf)], ['data_end', query.dataEnd ?? ''],
  ]);
  // Apache Arrow loads with the first Arrow answer, not at every start of ltc.
  return withTypes(table, metadata, await import('apache-arrow'));
}

const ISO_TIMESTAMPS = ['start_at', 'current_milestone_at', 'paid_at', 'lost_at']
  .map((c) => `strftime(${c}, '%Y-%m-%dT%H:%M:%S') AS ${c}`).join(', ');

async function countCases(db: Database, params: ListParams): Promise<number> {
  const [{ total }] = await db.query<{ total: number }>(
    `WITH listed AS NOT MATERIALIZED (${sqlFile('cases-list.sql')}) SELECT count(*)::INTEGER AS total FROM listed`, params);
  return total;
}

/**
 * One page of the list: the page's cases are chosen on the sort key alone, and only their rows are
 * built in full (the list is inlined, so columns a step does not read are never computed).
 */
function pageSql(sort: CaseSort, columns: string): string {
  return `WITH listed AS NOT MATERIALIZED (${sqlFile('cases-list.sql')}),
    page AS (SELECT case_id FROM listed ORDER BY ${ORDER[sort]} LIMIT $limit OFFSET $offset)
    SELECT ${columns} FROM listed WHERE case_id IN (SELECT case_id FROM page)
    ORDER BY ${ORDER[sort]}`;
}

type ColumnKind = 'string' | 'number' | 'timestamp' | 'bool';

const ARROW_COLUMNS: Record<string, ColumnKind> = {
  case_id: 'string', origin: 'string', lead_id: 'string', account_id: 'string', account_name: 'string', source: 'string',
  owner: 'string', region: 'string', segment: 'string', first_order_id: 'string', orders: 'number', start_at: 'timestamp',
  milestones_reached: 'string', current_milestone: 'string', current_milestone_at: 'timestamp', status: 'string',
  open: 'bool', paid_at: 'timestamp', lost_at: 'timestamp', lead_to_cash_days: 'number', cycle_days: 'number',
  age_days: 'number', waiting_days: 'number', days: 'number', order_ids: 'string',
};

/**
 * Database.arrow infers each column's type from its values, so a column that is all null on a page
 * comes out as Float64. The list's columns keep their types on every page: such columns are rebuilt
 * with the type they have (strings may stay dictionary-encoded).
 */
function withTypes(table: Table, metadata: Map<string, string>, arrow: typeof import('apache-arrow')): Table {
  const { DataType, Schema, Table, vectorFromArray } = arrow;
  const columns: Record<string, Vector> = {};
  for (const field of table.schema.fields) {
    const column = table.getChild(field.name)!;
    const kind = ARROW_COLUMNS[field.name];
    const fits = kind === undefined
      || (kind === 'string' && (DataType.isUtf8(field.type) || DataType.isDictionary(field.type)))
      || (kind === 'number' && DataType.isFloat(field.type))
      || (kind === 'timestamp' && DataType.isTimestamp(field.type))
      || (kind === 'bool' && DataType.isBool(field.type));
    columns[field.name] = fits ? column : vectorFromArray([...column], arrowType(kind, arrow));
  }
  const typed = new Table(columns);
  return new Table(new Schema(typed.schema.fields, metadata), typed.batches);
}

function arrowType(kind: ColumnKind, arrow: typeof import('apache-arrow')): DataType {
  switch (kind) {
    case 'string': return new arrow.Utf8();
    case 'number': return new arrow.Float64();
    case 'timestamp': return new arrow.TimestampMillisecond();
    case 'bool': return new arrow.Bool();
  }
}

/**
 * Reads the list options as the CLI and the API receive them (strings), so both validate alike.
 * Throws UsageError on a bad value.
 */
export function caseListOptions(raw: {
  search?: string | null; sort?: string | null; limit?: string | null; offset?: string | null;
  status?: string | null; milestone?: string | null;
}): Pick<CaseListOptions, 'search' | 'sort' | 'limit' | 'offset' | 'status' | 'milestone'> {
  const whole = (value: string | null | undefined, name: string) => {
    if (value === undefined || value === null || value === '') return undefined;
    if (!/^\d+$/.test(value)) throw new UsageError(sayAll(PARAM_ERRORS, 'wholeNumber', { name, value }));
    return Number(value);
  };
  const oneOf = <T extends string>(value: string | null | undefined, name: string, allowed: readonly T[]): T | undefined => {
    if (value === undefined || value === null || value === '') return undefined;
    if (!(allowed as readonly string[]).includes(value)) throw new UsageError(sayAll(PARAM_ERRORS, 'oneOf', { name, choices: allowed.join(', '), value }));
    return value as T;
  };
  return {
    search: raw.search || undefined,
    sort: oneOf(raw.sort, 'sort', CASE_SORTS),
    limit: whole(raw.limit, 'limit'),
    offset: whole(raw.offset, 'offset'),
    status: oneOf(raw.status, 'status', CASE_STATUSES),
    milestone: oneOf(raw.milestone, 'milestone', STAGES.map((s) => s.id)),
  };
}

type ListParams = Record<string, string | null>;

async function listQuery(db: Database, options: CaseListOptions): Promise<{ dataEnd: string | null; asOf: string | null; params: ListParams | null }> {
  const facts = await dataFacts(db);
  const asOf = asOfMoment(facts, options);
  const bounds = periodBounds(options);
  const search = (options.search ?? '').replace(/[\u0000-\u001f]/g, '').trim();
  if (search.length > 200) throw new UsageError(sayAll(ANALYSIS_ERRORS, 'search'));
  if (asOf === null) return { dataEnd: facts.data_end, asOf, params: null };
  return {
    dataEnd: facts.data_end, asOf,
    params: {
      ...bounds, as_of: asOf, ...filterParam(options),
      search: search === '' ? null : search,
      status: options.status ?? null, milestone: options.milestone ?? null, case_id: null,
    },
  };
}

function emptyParams(): ListParams {
  return { from: '-infinity', to: 'infinity', as_of: '-infinity', filter: '{}', search: null, status: null, milestone: null, case_id: null };
}

function pageOf(options: CaseListOptions, fallback: number, max: number): { sort: CaseSort; limit: number; offset: number } {
  const sort = options.sort ?? 'slowest';
  if (!CASE_SORTS.includes(sort)) throw new UsageError(sayAll(PARAM_ERRORS, 'oneOf', { name: 'sort', choices: CASE_SORTS.join(', '), value: String(sort) }));
  const limit = options.limit ?? fallback;
  const offset = options.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 0 || limit > max) throw new UsageError(sayAll(ANALYSIS_ERRORS, 'limitFrom', { name: 'limit', min: '0', max: String(max), value: String(limit) }));
  if (!Number.isInteger(offset) || offset < 0) throw new UsageError(sayAll(ANALYSIS_ERRORS, 'offset', { value: String(offset) }));
  return { sort, limit, offset };
}

/** '2025-06-30 23:59:59.999999' or '2025-06-30T23:59:59' → '2025-06-30T23:59:59' */
function iso(moment: string): string {
  return moment.replace(' ', 'T').slice(0, 19);
}

/** The list row of one case as of data_end (for its timeline), or null when there is no such case. */
export async function caseRow(db: Database, caseId: string): Promise<CaseRow | null> {
  const facts = await dataFacts(db);
  if (facts.data_end === null) return null;
  const [row] = await db.query<CaseRow>(`SELECT * REPLACE (${ISO_TIMESTAMPS}) FROM (${sqlFile('cases-list.sql')})`,
    { ...emptyParams(), as_of: facts.data_end, case_id: caseId });
  return row ?? null;
}
