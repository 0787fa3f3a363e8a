/**
 * Which extra columns of the data segment the cases (docs/api.md, `ltc filters`): the ones a filter
 * bar and "Split by" offer first. A column segments when it has a few to a few hundred values that
 * recur; the others are kept behind a search, each with its reason:
 *
 * 1. `tool` — added by the export tool or the source system's bookkeeping (`_fivetran_synced`,
 *    `_sdc_…`, `_airbyte_…`, `system_modstamp`, `is_deleted`, `created_by_id` …);
 * 2. `constant` — no value, or one value for every case that has one;
 * 3. `date` — every value is a date or a timestamp (the date range filters by time);
 * 4. `id` — named as an id (`id`, `…_id`), every value looks like a record id (Salesforce's 15 or
 *    18 letters and digits, a UUID), or nearly one value per case (at least 90% distinct, over at
 *    least 5 cases): ids, names, free text;
 * 5. `many` — more than SEGMENT_MAX_DISTINCT values;
 * 6. otherwise `segment`.
 */

/** A column with more distinct values than this is not offered as a segment. */
export const SEGMENT_MAX_DISTINCT = 200;
/** At least this share of distinct values among the cases with one makes a column near-unique… */
export const NEAR_UNIQUE_SHARE = 0.9;
/** …over at least this many cases (fewer cannot tell an id from a segment). */
export const NEAR_UNIQUE_MIN_CASES = 5;

export type ColumnRole = 'segment' | 'tool' | 'constant' | 'date' | 'id' | 'many';

export interface ColumnStats {
  readonly key: string;
  readonly distinct_values: number;
  /** cases with a value */
  readonly present: number;
  /** values that read as a date or a timestamp */
  readonly dated: number;
  /** values that look like a record id */
  readonly id_like: number;
}

export interface ColumnRoleReason {
  readonly role: ColumnRole;
  readonly reason: string;
  readonly reason_zh: string;
}

/** Names of the columns export tools add (Fivetran, Stitch/Singer, Airbyte, Hevo, dlt, Meltano). */
const TOOL_PREFIX = /^_(fivetran|sdc|airbyte|stitch|hevo|dlt|meltano)(_|$)/i;
/** Bookkeeping of the source system, compared without case, `_`, `-` and spaces. */
const BOOKKEEPING = new Set([
  'systemmodstamp', 'isdeleted', 'deleted', 'createdbyid', 'lastmodifiedbyid', 'lastmodifieddate', 'lastvieweddate',
  'lastreferenceddate', 'lastactivitydate', 'synctoken', 'fivetranactive', 'fivetransynced', 'fivetrandeleted',
]);
const ID_NAME = /(^id$|[_\s-]id$|[a-z]Id$|\sID$)/;

export function columnRole(stats: ColumnStats): ColumnRoleReason {
  const { key, distinct_values: distinct, present } = stats;
  const folded = key.toLowerCase().replace(/[\s_-]/g, '');
  if (TOOL_PREFIX.test(key) || BOOKKEEPING.has(folded)) {
    return {
      role: 'tool',
      reason: 'a field the export tool or the source system keeps for itself',
      reason_zh: '导出工具或源系统自用的记录字段',
    };
  }
  if (distinct <= 1) {
    return distinct === 0
      ? { role: 'constant', reason: 'no case has a value', reason_zh: '没有任何案例有取值' }
      : { role: 'constant', reason: 'the same value for every case that has one', reason_zh: '所有有取值的案例取值相同' };
  }
  if (stats.dated === present) {
    return { role: 'date', reason: 'dates: filter by the date range instead', reason_zh: '日期：请改用日期范围筛选' };
  }
  if (ID_NAME.test(key) || stats.id_like === present) {
    return { role: 'id', reason: 'record ids, not groups of cases', reason_zh: '记录编号，不是案例分组' };
  }
  if (present >= NEAR_UNIQUE_MIN_CASES && distinct >= NEAR_UNIQUE_SHARE * present) {
    return {
      role: 'id',
      reason: `nearly one value per case (${distinct} values over ${present} cases): an id, a name or free text`,
      reason_zh: `几乎每个案例一个取值(${present} 个案例有 ${distinct} 个取值):编号、名称或自由文本`,
    };
  }
  if (distinct > SEGMENT_MAX_DISTINCT) {
    return {
      role: 'many',
      reason: `${distinct} values, more than the ${SEGMENT_MAX_DISTINCT} a segment may have`,
      reason_zh: `共 ${distinct} 个取值,超过细分列上限 ${SEGMENT_MAX_DISTINCT} 个`,
    };
  }
  return {
    role: 'segment',
    reason: `${distinct} values that recur over ${present} cases`,
    reason_zh: `${present} 个案例中反复出现的 ${distinct} 个取值`,
  };
}
