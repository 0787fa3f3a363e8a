/**
 * Issue 8 "server time p50/p95 per query": every request the dashboard's pages make when a filter
 * changes, asked over HTTP of the dashboard's own server (in this process, loopback) — the time
 * from the request to the last byte of the answer, JSON or Arrow encoding included. Each filter
 * change is a new question (answers are kept per data generation, so a repeat would be free); a
 * URL two pages share is asked once per change.
 */
import type { Database } from '../../models/db/database.ts';
import { SEGMENT_KEYS } from '../../models/period.ts';
import { startServer } from '../../app/server/server.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What each page asks for on a date-range change (as the pages build their requests). */
export const PAGE_REQUESTS: Readonly<Record<string, readonly string[]>> = {
  Overview: ['/api/kpis', '/api/funnel', '/api/cohorts', '/api/trends', '/api/links', '/api/dso', '/api/aging', '/api/bottlenecks'],
  Funnel: ['/api/funnel/cohorts?by=month'],
  Bottlenecks: ['/api/bottlenecks'],
  'Before/After': ['/api/compare/values?cutover=C', '/api/compare/evidence?cutover=C', '/api/trends?by=month', '/api/survival?cutover=C', '/api/mix?by=source&cutover=C',
    '/api/change-point?cutover=C'],
  Cases: ['/api/cases?limit=50&offset=0&sort=slowest'],
  'Process map': ['/api/process-map', '/api/conformance'],
  Variants: ['/api/variants'],
};

export interface FilterChange {
  readonly from: string;
  readonly to: string;
  readonly cutover: string;
  readonly segments: Record<string, string>;
}

/** endpoint path → milliseconds per filter change */
export async function serverQueries(db: Database, changes: readonly FilterChange[]): Promise<Record<string, number[]>> {
  const server = await startServer({ db, port: 0, host: '127.0.0.1', webRoot: mkdtempSync(join(tmpdir(), 'ltc-bench-noweb-')) });
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const times: Record<string, number[]> = {};
  try {
    for (const change of changes) {
      const asked = new Set<string>();
      for (const request of Object.values(PAGE_REQUESTS).flat()) {
        const [path, query = ''] = request.split('?');
        const params = new URLSearchParams(query.replace('cutover=C', `cutover=${change.cutover}`));
        // The Before/After page compares whole periods around the cut-over; the others a date range.
        if (!params.has('cutover')) {
          params.set('from', change.from);
          params.set('to', change.to);
        }
        for (const [key, value] of Object.entries(change.segments)) params.set(key, value);
        // The mix stratifies by the first segment key not filtered on, as the page chooses it.
        if (params.has('by') && path === '/api/mix') params.set('by', SEGMENT_KEYS.find((key) => !change.segments[key])!);
        const url = `${base}${path}?${params}`;
        if (asked.has(url)) continue;
        asked.add(url);
        const start = performance.now();
        const res = await fetch(url);
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`${path} answered ${res.status}`);
        (times[path] ??= []).push(performance.now() - start);
      }
    }
  } finally {
    await new Promise((resolve) => server.close(resolve));
    await db.idle();
  }
  return times;
}
