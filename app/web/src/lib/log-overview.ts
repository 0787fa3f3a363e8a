/**
 * The Overview of a workspace that holds only an event log (GET /api/log-overview, as
 * `ltc log-overview --json`, models/log-overview.ts), and how the Overview page tells such a
 * workspace from one with CRM/ERP tables.
 */
import type { LogOverview, SlowestTransition } from '../../../../models/log-overview.ts';
import { ask } from './client.ts';
import type { ApiParams } from './api.ts';
import type { Status } from './types.ts';

export type LogOverviewResponse = LogOverview;
export type { SlowestTransition };

export const getLogOverview = (params: ApiParams | string, signal?: AbortSignal) =>
  ask('log-overview', params, signal);

/** The Lead-to-Cash tables: with any of them loaded the Overview is the LTC one, event log or not. */
const LTC_TABLES = ['leads', 'opportunities', 'quotes', 'orders', 'deliveries', 'invoices', 'payments'] as const;

export function hasLtcTables(status: Status): boolean {
  return LTC_TABLES.some((table) => (status.tables[table] ?? 0) > 0);
}
