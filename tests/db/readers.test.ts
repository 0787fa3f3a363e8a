/**
 * The readers (models/db/readers.ts): the requests of a dashboard page run side by side, each on a
 * reader of its own, every reader with the session macros and its own prepared statements; during a
 * writing session every reader reads the workspace as it was before it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../models/db/database.ts';
import { importAndRebuild } from '../../app/workspace.ts';
import { workspace, writeBundle } from '../helpers/workspace.ts';

const LEADS = 'SELECT count(*)::INTEGER AS n FROM leads';
// Long enough that two of them are surely running together when both run at once.
const SLOW = 'SELECT count(*)::INTEGER AS n FROM range(60000000) t(i) WHERE i % 7 = 3';
// A query that takes many seconds on any machine unless interrupted.
const ENDLESS = 'SELECT count(*) AS n FROM range(20000000000) t(i) WHERE i % 7 = 3';
const BUNDLE = { 'leads.csv': 'lead_id,created_at\nL1,2025-01-01\nL2,2025-02-01\n' };
const READERS = 3;
const CASES_FROM = 'SELECT count(*)::INTEGER AS n FROM model.cases WHERE lead_created_at >= $from::TIMESTAMP';

/** When a request's slow query started and ended (ms, this process's clock). */
const timedSlowQuery = (db: Database) => db.reading(async () => {
  const start = performance.now();
  await db.query(SLOW);
  return { start, end: performance.now() };
});

/**
 * Runs `work` as `count` requests that each keep their reader until all of them have run it: they
 * can only all finish on `count` readers at once (with fewer, the test times out).
 */
function onEveryReader<T>(db: Database, count: number, work: () => Promise<T>): Promise<T[]> {
  let arrived = 0;
  let all!: () => void;
  const together = new Promise<void>((resolve) => (all = resolve));
  return Promise.all(Array.from({ length: count }, () => db.reading(async () => {
    const value = await work();
    if (++arrived === count) all();
    await together;
    return value;
  })));
}

/** A writing session that adds a lead and then waits for `release`; `written` once the lead is in. */
function heldSession(db: Database, leadId: string) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let written = false;
  const session = db.writing(async () => {
    await db.exec(`INSERT INTO leads (lead_id, created_at, batch_id) VALUES ('${leadId}', '2025-03-01', (SELECT max(batch_id) FROM import_batches))`);
    written = true;
    await gate;
  });
  // The session's work starts once every reader holds its snapshot.
  const started = async () => { while (!written) await new Promise((resolve) => setTimeout(resolve, 5)); };
  return { session, started, release };
}

describe('requests on several readers', () => {
  let db: Database;
  beforeAll(async () => {
    ({ db } = await workspace(BUNDLE, { readers: READERS }));
  });
  afterAll(() => db?.close());

  it('runs the queries of two requests at the same time', async () => {
    const [a, b] = await Promise.all([timedSlowQuery(db), timedSlowQuery(db)]);
    // Each query started before the other had ended.
    expect(a.start).toBeLessThan(b.end);
    expect(b.start).toBeLessThan(a.end);
  });

  it('answers a request while another holds its reader', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const holding = db.reading(async () => { await gate; return db.query(LEADS); });
    expect(await db.reading(() => db.query(LEADS))).toEqual([{ n: 2 }]);
    release();
    expect(await holding).toEqual([{ n: 2 }]);
  });

  it('gives every reader the session macros and statements prepared for its own connection', async () => {
    const answers = await onEveryReader(db, READERS, async () => ({
      tolerance: (await db.query<{ t: number }>('SELECT ltc_payment_tolerance()::DOUBLE AS t'))[0].t,
      transitions: (await db.query<{ n: number }>("SELECT count(*)::INTEGER AS n FROM ltc_case_transitions(TIMESTAMP '2025-12-31', '{}'::JSON)"))[0].n,
      from: (await db.query<{ n: number }>(CASES_FROM, { from: '2025-01-15' }))[0].n,
    }));
    expect(answers).toEqual(Array(READERS).fill({ tolerance: 0.01, transitions: answers[0].transitions, from: 1 }));
  });

  it('interrupts the request whose client left on its own reader, and no other', async () => {
    const gone = new AbortController();
    const endless = db.reading(() => db.query(ENDLESS), gone.signal);
    // Answered beside the endless query, then the endless one's client leaves.
    expect(await db.reading(() => db.query(LEADS))).toEqual([{ n: 2 }]);
    gone.abort();
    await expect(endless).rejects.toThrow(/interrupt/i);
    expect(await onEveryReader(db, READERS, () => db.query(LEADS))).toEqual(Array(READERS).fill([{ n: 2 }]));
  });

  it('waits in idle() for the requests on every reader', async () => {
    const settled: number[] = [];
    for (const i of [0, 1]) void timedSlowQuery(db).then(() => settled.push(i));
    await db.idle();
    expect(settled.sort()).toEqual([0, 1]);
  });
});

describe('readers during a writing session', () => {
  let db: Database;
  beforeAll(async () => {
    ({ db } = await workspace(BUNDLE, { readers: READERS }));
  });
  afterAll(() => db?.close());

  it('each read the workspace as it was before the session, and as it is after it', async () => {
    const { session, started, release } = heldSession(db, 'L3');
    await started();
    expect(await onEveryReader(db, READERS, () => db.query(LEADS))).toEqual(Array(READERS).fill([{ n: 2 }]));
    release();
    await session;
    expect(await onEveryReader(db, READERS, () => db.query(LEADS))).toEqual(Array(READERS).fill([{ n: 3 }]));
  });

  it('keep their snapshot when another reader\'s read fails; once every one has failed, reads wait for the session', async () => {
    const { session, started, release } = heldSession(db, 'L4');
    await started();
    await expect(db.query('SELECT count(*) FROM no_such_table')).rejects.toThrow(/no_such_table/);
    for (let i = 1; i < READERS; i++) {
      // Given a reader still holding the snapshot: the workspace as it was.
      expect(await db.query(LEADS)).toEqual([{ n: 3 }]);
      await expect(db.query('SELECT count(*) FROM no_such_table')).rejects.toThrow(/no_such_table/);
    }
    let answered = false;
    const waiting = db.query(LEADS).finally(() => { answered = true; });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(answered).toBe(false);
    release();
    await session;
    expect(await waiting).toEqual([{ n: 4 }]);
    expect(await onEveryReader(db, READERS, () => db.query(LEADS))).toEqual(Array(READERS).fill([{ n: 4 }]));
  });

  it('read the rebuilt model after an import with the statements each prepared before it', async () => {
    const casesFrom = () => onEveryReader(db, READERS, async () => (await db.query<{ n: number }>(CASES_FROM, { from: '2025-01-15' }))[0].n);
    expect(await casesFrom()).toEqual(Array(READERS).fill(1));
    const { paths } = writeBundle({ 'leads-2.csv': 'lead_id,created_at\nL5,2025-04-01\nL6,2025-04-02\n' });
    await importAndRebuild(db, paths.map((path) => ({ path, name: path.split('/').pop()! })));
    // L3 and L4 were written straight into the table by the sessions above, in no import batch: the
    // import's model update (the cases its batch touched) adds L5 and L6 only.
    expect(await casesFrom()).toEqual(Array(READERS).fill(3));
  });
});

describe('one reader', () => {
  let db: Database;
  beforeAll(async () => {
    ({ db } = await workspace(BUNDLE, { readers: 1 }));
  });
  afterAll(() => db?.close());

  it('runs the requests one after the other', async () => {
    const [a, b] = await Promise.all([timedSlowQuery(db), timedSlowQuery(db)]);
    expect(b.start).toBeGreaterThanOrEqual(a.end);
  });
});
