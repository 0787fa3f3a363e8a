/**
 * The choices of the dashboard's global filter bar (docs/api.md): the values of source, owner, region
 * and segment, and the extra columns the cases carry, each value with its number of cases, each
 * column with its role (models/filter-column-roles.ts): the columns that segment come first, the
 * others (export-tool fields, constants, dates, ids) after them, each with its reason.
 * Counted over every case (lead, opportunity and order origin), as the filters apply to all.
 */
import type { Database } from './db/database.ts';
import { columnRole, SEGMENT_MAX_DISTINCT, type ColumnRole } from './filter-column-roles.ts';
import { SEGMENT_KEYS, type SegmentKey } from './period.ts';
import { sqlFile } from './sql-files.ts';

export type { ColumnRole };

/** At most this many values of a segment are listed, the most frequent first. */
export const FIELD_VALUE_LIMIT = 200;
/** An extra column's values are listed (and it can be chosen) when it has at most this many distinct values. */
export const ATTRIBUTE_MAX_DISTINCT = SEGMENT_MAX_DISTINCT;

export interface FilterValue {
  readonly value: string;
  /** cases with this value */
  readonly cases: number;
}

export interface FieldOptions {
  readonly key: SegmentKey;
  /** distinct values in the data (more than listed when truncated) */
  readonly distinct_values: number;
  /** cases without a value */
  readonly missing: number;
  /** true when only the FIELD_VALUE_LIMIT most frequent values are listed */
  readonly truncated: boolean;
  readonly values: FilterValue[];
}

export interface ColumnSummary {
  /** the column name, as used in `--where KEY=V` and `attr.KEY=V` */
  readonly key: string;
  readonly distinct_values: number;
  readonly missing: number;
  /** 'segment' for the columns offered first; else why not (models/filter-column-roles.ts) */
  readonly role: ColumnRole;
  readonly reason: string;
  readonly reason_zh: string;
}

export interface AttributeOptions extends ColumnSummary {
  readonly values: FilterValue[];
}

export interface FilterOptions {
  /** all cases in the workspace */
  readonly cases: number;
  /** source, owner, region, segment — always all four, in that order */
  readonly fields: FieldOptions[];
  /** extra columns with at most ATTRIBUTE_MAX_DISTINCT distinct values: the segments by name, then the others by name */
  readonly attributes: AttributeOptions[];
  /** extra columns with more distinct values (ids, free text), by name: their values are not listed */
  readonly other_attributes: ColumnSummary[];
  readonly value_limit: number;
  readonly attribute_max_distinct: number;
}

interface FieldRow { key: SegmentKey; value: string | null; cases: number; distinct_values: number; missing: number }
interface AttributeRow {
  key: string; value: string | null; cases: number | null;
  distinct_values: number; missing: number; present: number; dated: number; id_like: number;
}

export async function filterOptions(db: Database): Promise<FilterOptions> {
  const [{ cases }] = await db.query<{ cases: number }>('SELECT count(*)::INTEGER AS cases FROM model.cases');
  const fieldRows = await db.query<FieldRow>(sqlFile('filters-fields.sql'), { limit: FIELD_VALUE_LIMIT });
  const fields = SEGMENT_KEYS.map((key): FieldOptions => {
    const rows = fieldRows.filter((r) => r.key === key);
    const distinct = rows[0]?.distinct_values ?? 0;
    return {
      key,
      distinct_values: distinct,
      missing: rows[0]?.missing ?? 0,
      truncated: distinct > FIELD_VALUE_LIMIT,
      values: rows.filter((r) => r.value !== null).map((r) => ({ value: r.value as string, cases: r.cases })),
    };
  });

  const attributeRows = await db.query<AttributeRow>(sqlFile('filters-attributes.sql'), { max_distinct: ATTRIBUTE_MAX_DISTINCT });
  const attributes: AttributeOptions[] = [];
  const other: FilterOptions['other_attributes'][number][] = [];
  const byKey = new Map<string, AttributeRow[]>();
  for (const row of attributeRows) byKey.set(row.key, [...(byKey.get(row.key) ?? []), row]);
  for (const [key, rows] of byKey) {
    const { distinct_values, missing } = rows[0];
    const summary: ColumnSummary = { key, distinct_values, missing, ...columnRole(rows[0]) };
    if (distinct_values > ATTRIBUTE_MAX_DISTINCT) {
      other.push(summary);
      continue;
    }
    attributes.push({
      ...summary,
      values: rows.filter((r) => r.value !== null).map((r) => ({ value: r.value as string, cases: Number(r.cases) })),
    });
  }
  const segmentsFirst = (a: ColumnSummary, b: ColumnSummary) => Number(b.role === 'segment') - Number(a.role === 'segment');
  return {
    cases, fields, attributes: attributes.sort(segmentsFirst), other_attributes: other,
    value_limit: FIELD_VALUE_LIMIT, attribute_max_distinct: ATTRIBUTE_MAX_DISTINCT,
  };
}

/** The names of the extra columns the cases carry (keys of model.cases.attributes). */
export async function attributeKeys(db: Database): Promise<string[]> {
  const rows = await db.query<{ key: string }>(
    'SELECT DISTINCT e.key FROM model.cases c, json_each(c.attributes) e WHERE c.attributes IS NOT NULL ORDER BY e.key');
  return rows.map((r) => r.key);
}
