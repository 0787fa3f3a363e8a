/**
 * The header the dashboard sends with every request that changes the workspace (issue 14). A page
 * of another site cannot send it: a form or a `no-cors` fetch may only carry a few plain headers,
 * and a fetch with a header of its own is first asked about (a preflight) — which this server
 * never allows. No Node imports: the dashboard's bundle reads this file too.
 */
/** The header's name (HTTP header names are read in any case). */
export const DASHBOARD_HEADER = 'X-LTC-Request';

/** Its one accepted value. */
export const DASHBOARD_HEADER_VALUE = '1';

/** The header as a `headers` entry of fetch or XMLHttpRequest. */
export const DASHBOARD_HEADERS: Readonly<Record<string, string>> = { [DASHBOARD_HEADER]: DASHBOARD_HEADER_VALUE };
