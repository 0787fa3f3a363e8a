/**
 * SQL pieces of the HubSpot adapter (hubspot.ts): stage columns unpivoted into events, the first of
 * several associated ids, the earliest of several dates, and the filters for deleted and merged records.
 */
import { col, lit, normalizeHeader, type FieldSource, type TargetPlan } from './adapter.ts';

/** A column holding the moment a record entered a stage, and the event it becomes. */
export interface Entered {
  readonly activity: string;
  readonly column: string;
  readonly pipeline?: string;
  /** the lifecycle stage's internal name (contacts), e.g. "marketingqualifiedlead" */
  readonly property?: string;
}

/** HubSpot's default contact lifecycle stages: label, the UI's "Became a … Date" column, internal name. */
export const LIFECYCLE_STAGES = [
  { label: 'Subscriber', uiLabel: 'Became a Subscriber Date', property: 'subscriber' },
  { label: 'Lead', uiLabel: 'Became a Lead Date', property: 'lead' },
  { label: 'Marketing Qualified Lead', uiLabel: 'Became a Marketing Qualified Lead Date', property: 'marketingqualifiedlead' },
  { label: 'Sales Qualified Lead', uiLabel: 'Became a Sales Qualified Lead Date', property: 'salesqualifiedlead' },
  { label: 'Opportunity', uiLabel: 'Became an Opportunity Date', property: 'opportunity' },
  { label: 'Customer', uiLabel: 'Became a Customer Date', property: 'customer' },
  { label: 'Evangelist', uiLabel: 'Became an Evangelist Date', property: 'evangelist' },
] as const;

const UI_ENTERED = /^Date entered "(.+?)(?: \(([^()]*)\))?"$/i;
const PROPERTY_ENTERED = /^(?:property_)?hs_(?:v2_)?date_entered_(.+)$/i;
/** HubSpot's stage calculated properties: Date entered is kept as events, the rest follows from it. */
const STAGE_CALCULATED = [
  /^(Date entered|Date exited|Latest time in|Cumulative time in|Time in) "/i,
  /^(property_)?hs_(v2_)?(date_entered|date_exited|time_in|latest_time_in|cumulative_time_in)_/i,
];

/**
 * The `Date entered` columns of a file: UI labels `Date entered "<stage> (<pipeline>)"` for both
 * objects; for deals also hs_date_entered_<stage id> (contacts' internal names are in LIFECYCLE_STAGES).
 */
export function enteredColumns(headers: readonly string[], object: 'deal' | 'contact'): Entered[] {
  const prefix = object === 'deal' ? 'Stage' : 'Lifecycle';
  return headers.flatMap((column): Entered[] => {
    const ui = UI_ENTERED.exec(column);
    if (ui) {
      const [, stage, pipeline] = ui;
      return object === 'deal'
        ? [{ activity: `${prefix}: ${stage}`, column, ...(pipeline ? { pipeline } : {}) }]
        : [{ activity: `${prefix}: ${stage}`, column, property: normalizeHeader(stage) }];
    }
    const property = PROPERTY_ENTERED.exec(column)?.[1];
    if (object === 'deal' && property && property.toLowerCase() !== 'current_stage') return [{ activity: `${prefix}: ${property}`, column }];
    return [];
  });
}

/**
 * Events from stage columns, one row per non-empty cell. A moment given twice (a "Became a … Date"
 * column and the matching lifecycle "Date entered" column) is one event.
 */
export function stageEvents(id: string, entries: readonly Entered[], objectType: string, where?: string): TargetPlan {
  const cells = entries.map((e, seq) => `SELECT ltc_rec, ${seq} AS seq, nullif(trim(${col(id)}), '') AS record_id, ${lit(e.activity)} AS activity,
      nullif(trim(${col(e.column)}), '') AS date_entered, ${e.pipeline ? lit(e.pipeline) : 'NULL::VARCHAR'} AS pipeline
    FROM ltc_raw${where ? ` WHERE ${where}` : ''}`);
  return {
    kind: 'events',
    from: `SELECT min(ltc_rec) AS ltc_rec, record_id, activity, date_entered, pipeline FROM (${cells.join('\n  UNION ALL ')})
      WHERE date_entered IS NOT NULL AND record_id IS NOT NULL GROUP BY record_id, activity, date_entered, pipeline
      ORDER BY ltc_rec, min(seq)`,
    fields: {
      case_id: 'record_id', object_id: 'record_id', object_type: { sql: lit(objectType), label: 'object_type' },
      activity: 'activity', timestamp: 'date_entered',
    },
    attributes: entries.some((e) => e.pipeline) ? ['pipeline'] : [],
  };
}

/** The first id of a multi-valued association cell ("101;102" → "101"). */
export function firstId(column: string | undefined): FieldSource | undefined {
  return column && { sql: `nullif(trim(regexp_extract(${col(column)}, '^[^;,]*')), '')`, label: column };
}

/**
 * The earliest of several date columns, as its original text (the loader still reads the format).
 * ISO and epoch-millisecond values are compared; where a value is in another format the columns'
 * order decides, which follows the lifecycle order HubSpot moves contacts through.
 */
export function earliest(columns: readonly string[]): FieldSource | undefined {
  if (columns.length <= 1) return columns[0];
  const value = (c: string) => `nullif(trim(${col(c)}), '')`;
  const moment = (c: string) => `coalesce(try_cast(${value(c)} AS TIMESTAMP),
    CASE WHEN regexp_full_match(${value(c)}, '[0-9]{12,13}') THEN epoch_ms(${value(c)}::BIGINT) END, TIMESTAMP '9999-12-31')`;
  const items = columns.map((c, i) => `{'m': ${moment(c)}, 'i': ${i}, 'v': ${value(c)}}`);
  return { sql: `list_sort(list_filter([${items.join(', ')}], x -> x.v IS NOT NULL))[1].v`, label: columns.join(' / ') };
}

/** HubSpot's default sales pipeline, by label: [is_closed, is_won]. Other (custom) labels stay unknown. */
const DEFAULT_DEAL_STAGES: Record<string, readonly [boolean, boolean]> = {
  appointmentscheduled: [false, false], qualifiedtobuy: [false, false], presentationscheduled: [false, false],
  decisionmakerboughtin: [false, false], contractsent: [false, false], closedwon: [true, true], closedlost: [true, false],
};

export function dealStageState(stage: string, which: 'closed' | 'won'): FieldSource {
  const key = `regexp_replace(lower(${col(stage)}), '[^a-z0-9]+', '', 'g')`;
  const cases = Object.entries(DEFAULT_DEAL_STAGES)
    .map(([label, [closed, won]]) => `WHEN ${lit(label)} THEN '${which === 'closed' ? closed : won}'`);
  return { sql: `CASE ${key} ${cases.join(' ')} END`, label: stage };
}

/** Rows not flagged deleted (is_deleted / _fivetran_deleted). */
export function notDeleted(column: string | undefined): { where?: string } {
  return column ? { where: `coalesce(lower(trim(${col(column)})), 'false') NOT IN ('true', '1')` } : {};
}

/** Contacts not merged into another contact of the file (its merged-ids cell lists them, ";"-separated). */
export function notMerged(id: string, merged: string | undefined): string | undefined {
  if (!merged) return undefined;
  return `coalesce(trim(${col(id)}), '') NOT IN (SELECT trim(m) FROM (SELECT unnest(string_split(${col(merged)}, ';')) AS m FROM ltc_raw) WHERE trim(m) <> '')`;
}

/** Source columns kept as attributes: the unmapped ones, without sync metadata and stage-calculated columns. */
export function attributesOf(headers: readonly string[], used: readonly (string | undefined)[]): string[] {
  return headers.filter((h) => !used.includes(h) && !/^_fivetran_/i.test(h) && !STAGE_CALCULATED.some((re) => re.test(h)));
}
