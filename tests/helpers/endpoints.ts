/**
 * Every GET endpoint of the dashboard's API with a query that makes it answer and the parameters
 * it reads — for the suites that send each endpoint unexpected values (request-injection, security).
 */

export interface Endpoint {
  readonly path: string;
  /** the query that makes it answer 200 on a loaded workspace */
  readonly base?: Record<string, string>;
  /** the parameters of its own it reads */
  readonly own?: readonly string[];
  /** false: it reads none of the period and filter parameters */
  readonly period?: boolean;
}

/** Filters every dashboard endpoint reads (page state, docs/api.md). */
export const PERIOD = ['from', 'to', 'as_of', 'window', 'source', 'owner', 'region', 'segment'];

/** Each GET endpoint: the query that makes it answer, and the parameters of its own it reads. */
export const ENDPOINTS: readonly Endpoint[] = [
  { path: '/api/status', period: false },
  { path: '/api/kpis' },
  { path: '/api/funnel' },
  { path: '/api/compare', base: { cutover: '2025-01-01' }, own: ['cutover', 'before', 'after', 'exclude_days'] },
  { path: '/api/compare/values', base: { cutover: '2025-01-01' }, own: ['cutover', 'before', 'after', 'exclude_days'] },
  { path: '/api/compare/evidence', base: { cutover: '2025-01-01' }, own: ['cutover', 'before', 'after', 'exclude_days'] },
  { path: '/api/cohorts' },
  { path: '/api/imports', period: false },
  { path: '/api/rejects.csv', own: ['batch'], period: false },
  { path: '/api/aging' },
  { path: '/api/dso' },
  { path: '/api/quality', own: ['limit'], period: false },
  { path: '/api/trends', own: ['by'] },
  { path: '/api/links' },
  { path: '/api/links/suggestions', own: ['min_confidence'], period: false },
  { path: '/api/cutover-default', period: false },
  { path: '/api/pipeline' },
  { path: '/api/transitions' },
  { path: '/api/bottlenecks' },
  { path: '/api/bottlenecks/cases', base: { transition: 'order_created→delivered' }, own: ['transition', 'limit'] },
  { path: '/api/cases', own: ['search', 'sort', 'limit', 'offset', 'status', 'milestone'] },
  { path: '/api/cases.arrow', own: ['search', 'sort', 'limit', 'offset', 'status', 'milestone'] },
  { path: '/api/case', base: { id: 'L000001' }, own: ['id'] },
  { path: '/api/filters' },
  { path: '/api/funnel/cohorts', own: ['by', 'by_segment'] },
  { path: '/api/survival', base: { cutover: '2025-01-01' }, own: ['cutover', 'exclude_days'] },
  { path: '/api/mix', base: { cutover: '2025-01-01', by: 'source' }, own: ['cutover', 'by', 'exclude_days'] },
  { path: '/api/change-point', own: ['cutover'] },
  { path: '/api/event-logs', period: false },
  { path: '/api/process-map', own: ['log'] },
  { path: '/api/variants', own: ['log', 'top'] },
  { path: '/api/log-overview', own: ['log'] },
  { path: '/api/conformance', own: ['by'] },
  { path: '/api/process-map/cases', base: { activity: 'Order created' }, own: ['activity', 'from_activity', 'to_activity', 'variant', 'limit', 'log'] },
  { path: '/api/export', base: { format: 'csv' }, own: ['format', 'log'] },
  { path: '/api/notebook', base: { name: 'data-quality.md' }, own: ['name'], period: false },
  { path: '/api/report.html', base: { cutover: '2025-01-01' }, own: ['cutover', 'before', 'after', 'exclude_days', 'by', 'lang'] },
];
