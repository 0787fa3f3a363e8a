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

import { count } from './messages/format.ts';
import { sayAll } from './messages/catalogue.ts';
import { COLUMN_ROLE_REASONS } from './messages/filter-roles.ts';
import { fieldPair } from './words.ts';

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

/** A column's role and its reason in words (models/messages/filter-roles.ts). */
export function columnRole(stats: ColumnStats): ColumnRoleReason {
  const { role, reason, values } = roleOf(stats);
  return { role, ...fieldPair('reason', sayAll(COLUMN_ROLE_REASONS, reason, values)) };
}

type ReasonCode = keyof typeof COLUMN_ROLE_REASONS;

function roleOf(stats: ColumnStats): { role: ColumnRole; reason: ReasonCode; values?: Record<string, string> } {
  const { key, distinct_values: distinct, present } = stats;
  const folded = key.toLowerCase().replace(/[\s_-]/g, '');
  if (TOOL_PREFIX.test(key) || BOOKKEEPING.has(folded)) return { role: 'tool', reason: 'tool' };
  if (distinct <= 1) return { role: 'constant', reason: distinct === 0 ? 'no_value' : 'one_value' };
  if (stats.dated === present) return { role: 'date', reason: 'dates' };
  if (ID_NAME.test(key) || stats.id_like === present) return { role: 'id', reason: 'record_ids' };
  const values = { distinct: count(distinct), present: count(present) };
  if (present >= NEAR_UNIQUE_MIN_CASES && distinct >= NEAR_UNIQUE_SHARE * present) return { role: 'id', reason: 'near_unique', values };
  if (distinct > SEGMENT_MAX_DISTINCT) return { role: 'many', reason: 'many', values: { distinct: count(distinct), max: count(SEGMENT_MAX_DISTINCT) } };
  return { role: 'segment', reason: 'segment', values };
}
