/**
 * The readers of a workspace: a few connections that answer requests side by side, so that the
 * several requests of one dashboard page do not wait for each other. A request takes whichever
 * reader is free first (in the order the requests came); a writing session asks each reader in
 * turn for the snapshot it holds (models/db/database.ts).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { PreparedStatements } from './prepared.ts';

/**
 * Readers when the workspace is opened without saying: DuckDB already spreads one query over every
 * core, so more readers mostly add memory to the queries running at once; two let a page's small
 * requests pass its slow one, and the work of Node (results to JSON, the bootstrap) overlap DuckDB's.
 */
export const DEFAULT_READERS = 2;

/** One reader connection with what is kept per connection. */
export class Reader {
  /** Its statements, prepared once (the writer's work changes the tables they read: see prepared.ts). */
  readonly statements: PreparedStatements;
  /**
   * While a writing session runs: 'open' (this reader holds the snapshot of before the session) or
   * 'lost' (a failed read ended it); null otherwise.
   */
  snapshot: 'open' | 'lost' | null = null;

  constructor(readonly connection: DuckDBConnection) {
    this.statements = new PreparedStatements(connection);
  }
}

interface Waiting {
  /** the reader asked for; any free one when absent */
  readonly reader?: Reader;
  start(reader: Reader): void;
}

/** The readers and the requests waiting for one, first come first served. */
export class ReaderPool {
  private readonly free: Reader[];
  private readonly waiting: Waiting[] = [];
  private readonly running = new Set<Promise<unknown>>();

  constructor(readonly readers: readonly Reader[]) {
    if (readers.length === 0) throw new Error('a workspace needs at least one reader');
    this.free = [...readers];
  }

  /** Runs `task` on the first reader free, once the requests that came before it have one. */
  use<T>(task: (reader: Reader) => Promise<T>): Promise<T> {
    return this.queue(task);
  }

  /** Runs `task` on every reader, each as soon as that one is free; settles when all have. */
  async useEach(task: (reader: Reader) => Promise<void>): Promise<void> {
    const results = await Promise.allSettled(this.readers.map((reader) => this.queue(task, reader)));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  /** Resolves when every task asked for so far has finished. */
  async idle(): Promise<void> {
    await Promise.all([...this.running].map((run) => run.catch(() => undefined)));
  }

  private queue<T>(task: (reader: Reader) => Promise<T>, reader?: Reader): Promise<T> {
    const run = new Promise<T>((resolve, reject) => {
      this.waiting.push({
        reader,
        start: (taken) => {
          new Promise<T>((done) => done(task(taken))).then(resolve, reject).finally(() => {
            this.free.push(taken);
            this.dispatch();
          });
        },
      });
    });
    this.running.add(run);
    void run.catch(() => undefined).finally(() => this.running.delete(run));
    this.dispatch();
    return run;
  }

  /** Gives free readers to the waiting tasks, in their order. */
  private dispatch(): void {
    for (let i = 0; i < this.waiting.length && this.free.length > 0;) {
      const waiting = this.waiting[i];
      const reader = this.pick(waiting.reader);
      if (!reader) {
        i++;
        continue;
      }
      this.waiting.splice(i, 1);
      this.free.splice(this.free.indexOf(reader), 1);
      waiting.start(reader);
    }
  }

  /**
   * The reader asked for, if it is free. Else any free reader — but while a writing session runs and
   * some reader still holds its snapshot, one of those: a reader whose snapshot a failed read ended
   * would send the request to wait for the end of the session (database.ts, `reading`).
   */
  private pick(asked: Reader | undefined): Reader | undefined {
    if (asked) return this.free.includes(asked) ? asked : undefined;
    const holding = (reader: Reader) => reader.snapshot !== 'lost';
    return this.readers.some(holding) ? this.free.find(holding) : this.free[0];
  }
}
