/**
 * The dashboard drops a request when a newer filter supersedes it: the server must then not spend
 * a reader on it. A request still queued when its client leaves runs none of its statements, and
 * the same question asked again later is answered in full.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../models/db/database.ts';
import { DEFAULT_READERS } from '../../models/db/readers.ts';
import { apiServer, type ApiServer } from '../helpers/api-server.ts';
import { workspace } from '../helpers/workspace.ts';

const KPIS_MARK = 'lead_conversion_rate (docs/measures.md)';

describe('a request its client dropped', () => {
  let db: Database;
  let api: ApiServer;
  const statements: string[] = [];
  let hold: Promise<void> | null = null;

  beforeAll(async () => {
    ({ db } = await workspace({
      'leads.csv': 'lead_id,created_at\nL1,2025-01-01\nL2,2025-01-15\n',
      'orders.csv': 'order_id,created_at,lead_id,amount\nSO1,2025-01-11,L1,100\n',
    }));
    // Every query waits while `hold` is set: the first requests keep the readers busy.
    const gated: Database = {
      path: db.path,
      scratch: db.scratch,
      notes: db.notes,
      shutdown: () => db.idle(),
      get generation() { return db.generation; },
      query: async (sql, params) => { statements.push(sql); if (hold) await hold; return db.query(sql, params); },
      exec: (sql, params) => db.exec(sql, params),
      arrow: (sql, params) => db.arrow(sql, params),
      transaction: (work) => db.transaction(work),
      writing: (work) => db.writing(work),
      reading: (work, signal) => db.reading(work, signal),
      idle: () => db.idle(),
      close: () => undefined,
    };
    api = await apiServer(gated);
  });
  afterAll(() => api.stop(db));

  it('runs none of its statements when it was still waiting for a reader', async () => {
    let release!: () => void;
    hold = new Promise<void>((resolve) => (release = resolve));
    // One request on every reader, each held at its first statement.
    const busyPaths = ['/api/funnel', '/api/aging', '/api/dso', '/api/variants'].slice(0, DEFAULT_READERS);
    expect(busyPaths).toHaveLength(DEFAULT_READERS);
    const busy = busyPaths.map((path) => fetch(`${api.base}${path}`));
    await until(() => statements.length === DEFAULT_READERS);
    const dropped = new AbortController();
    const kpis = fetch(`${api.base}/api/kpis?window=30`, { signal: dropped.signal }).catch((error: Error) => error);
    await new Promise((resolve) => setTimeout(resolve, 150));
    dropped.abort();
    await new Promise((resolve) => setTimeout(resolve, 150));
    hold = null;
    release();
    for (const answer of await Promise.all(busy)) expect(answer.status).toBe(200);
    expect(await kpis).toBeInstanceOf(Error);
    await db.idle();
    expect(statements.filter((sql) => sql.includes(KPIS_MARK))).toEqual([]);

    // Asked again, it is computed and answered (nothing half-kept from the dropped one).
    const again = await fetch(`${api.base}/api/kpis?window=30`);
    expect(again.status).toBe(200);
    expect((await again.json()).kpis[0].id).toBe('lead_conversion_rate');
    expect(statements.filter((sql) => sql.includes(KPIS_MARK)).length).toBeGreaterThan(0);
  });
});

async function until(condition: () => boolean) {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!condition()) throw new Error('condition not met within 5 s');
}
