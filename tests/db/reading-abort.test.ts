/**
 * Requests whose client has left (the dashboard drops an answer it no longer needs when a filter
 * changes) must not hold a reader: not started when they are still waiting for one, stopped
 * between their queries, a running query interrupted — without harming anyone else's reads, and
 * never an import's snapshot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../models/db/database.ts';
import { DEFAULT_READERS } from '../../models/db/readers.ts';
import { workspace } from '../helpers/workspace.ts';

// A query that takes many seconds on any machine unless interrupted.
const SLOW = 'SELECT count(*) AS n FROM range(20000000000) t(i) WHERE i % 7 = 3';
const LEADS = 'SELECT count(*)::INTEGER AS n FROM leads';

describe('a read whose client has left', () => {
  let db: Database;
  beforeAll(async () => {
    ({ db } = await workspace({ 'leads.csv': 'lead_id,created_at\nL1,2025-01-01\nL2,2025-01-02\n' }));
  });
  afterAll(() => db?.close());

  it('is not started when it was still waiting for a reader', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // Every reader busy with a request of its own.
    const holding = Array.from({ length: DEFAULT_READERS }, () => db.reading(async () => { await gate; return db.query(LEADS); }));
    const gone = new AbortController();
    let started = false;
    const waiting = db.reading(async () => { started = true; return db.query(LEADS); }, gone.signal);
    gone.abort();
    release();
    await expect(waiting).rejects.toThrow(/abort/i);
    expect(started).toBe(false);
    for (const answer of await Promise.all(holding)) expect(answer).toEqual([{ n: 2 }]);
  });

  it('stops between its queries, and has its running query interrupted', async () => {
    const gone = new AbortController();
    const queries: string[] = [];
    const request = db.reading(async () => {
      queries.push('first');
      await db.query(SLOW);
      queries.push('second');
      return db.query(LEADS);
    }, gone.signal);
    setTimeout(() => gone.abort(), 100);
    await expect(request).rejects.toThrow(/interrupt/i);
    expect(queries).toEqual(['first']);
    // The reader is free and whole for the next request.
    expect(await db.reading(() => db.query(LEADS))).toEqual([{ n: 2 }]);
    expect(await db.query(LEADS)).toEqual([{ n: 2 }]);
  });

  it('does not end the snapshot that reads of the workspace as it was see during an import', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const importing = db.writing(async () => {
      await db.exec("INSERT INTO leads (lead_id, created_at, batch_id) VALUES ('L3', '2025-01-03', (SELECT max(batch_id) FROM import_batches))");
      await gate;
    });
    // Give the session time to open its snapshot and write.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const gone = new AbortController();
    const request = db.reading(async () => {
      const first = await db.query(LEADS);
      gone.abort();
      return [first, await db.query(LEADS)];
    }, gone.signal);
    await expect(request).rejects.toThrow(/abort/i);
    // Answered at once from the snapshot (not after the import): the session is still waiting.
    expect(await db.reading(() => db.query(LEADS))).toEqual([{ n: 2 }]);
    release();
    await importing;
    expect(await db.query(LEADS)).toEqual([{ n: 3 }]);
  });
});
