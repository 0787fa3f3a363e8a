/**
 * The one door to DuckDB (STYLE.md "one query interface"). Everything else — ingest, models,
 * server, CLI — receives a `Database` and never touches @duckdb/node-api directly.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DuckDBConnection, DuckDBInstance, DuckDBValue } from '@duckdb/node-api';
import type { Table } from 'apache-arrow';
import { SCHEMA_VERSION, migrate } from './schema.ts';
import { sqlFile, statements } from '../sql-files.ts';
import { createInstance } from './instance.ts';
import { DEFAULT_READERS, Reader, ReaderPool } from './readers.ts';

export type Params = Record<string, DuckDBValue> | DuckDBValue[];
export type Row = Record<string, unknown>;

export interface Database {
  readonly path: string;
  /**
   * A private folder (0700) that the database may read and write — the only one: files to load are
   * staged here, exports written here first (see instance.ts). Removed on close.
   */
  readonly scratch: string;
  /** What opening the workspace had to do (a recovered write-ahead log), for the user to hear. */
  readonly notes: readonly string[];
  /** Changes whenever data may have changed (a write, a transaction, a writing session ended). */
  readonly generation: number;
  /** Rows as plain JSON-safe objects (numbers, strings, booleans, null). */
  query<T extends object = Row>(sql: string, params?: Params): Promise<T[]>;
  /** Statements whose result is not needed (DDL, inserts). */
  exec(sql: string, params?: Params): Promise<void>;
  /** A result as an Arrow table built from the typed columns. */
  arrow(sql: string, params?: Params): Promise<Table>;
  /** Runs `work` in one transaction: everything or nothing. Calls are serialized. */
  transaction<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Runs `work` (an import, an undo: several transactions and the model rebuild) as the one writer;
   * meanwhile others read the workspace as it was before `work` began.
   */
  writing<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Runs `work` (the queries of one request) on one snapshot: all its reads see the same data,
   * even when an import ends meanwhile. Read-only: a write inside it is refused. Once `signal`
   * aborts (the client went away), the request is not started, or its next query is not.
   */
  reading<T>(work: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** Resolves when every statement asked for so far has finished (before closing a busy workspace). */
  idle(): Promise<void>;
  /** Closes without waiting: statements still running are lost (a file's import rolls back). */
  close(): void;
  /** Waits for what is in flight, writes the log into the file and closes (a normal stop). */
  shutdown(): Promise<void>;
}

export const DEFAULT_DB_PATH = 'data/ltc.duckdb';

export interface OpenOptions {
  /** Stop upgrading at this schema version (tests of in-place upgrades use it). */
  readonly schemaVersion?: number;
  /**
   * Runs once the schema is current, before the first checkpoint (app/workspace.ts builds the model
   * here); the statements it returns run on every connection, as the session macros do.
   */
  readonly ready?: (db: Database) => Promise<readonly string[]>;
  /** Reader connections that answer requests side by side (models/db/readers.ts); DEFAULT_READERS when absent. */
  readonly readers?: number;
}

/**
 * Opens (and creates or upgrades) a workspace database. `:memory:` for tests. Knows nothing of the
 * model: openWorkspace (app/workspace.ts) opens with it built.
 */
export async function openDatabase(path: string = DEFAULT_DB_PATH, options: OpenOptions = {}): Promise<Database> {
  const readerCount = options.readers ?? DEFAULT_READERS;
  if (!Number.isInteger(readerCount) || readerCount < 1) throw new Error(`readers must be a whole number of at least 1, not ${readerCount}`);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const { instance, scratch, notes } = await createInstance(path);
  const writer = await instance.connect();
  const readers: Reader[] = [];
  for (let i = 0; i < readerCount; i++) readers.push(new Reader(await instance.connect()));
  const connections = [writer, ...readers.map((reader) => reader.connection)];
  const db = new DuckDatabase(path, scratch, notes, instance, writer, new ReaderPool(readers));
  try {
    // Macros live in a connection's session: each connection gets its own.
    for (const connection of connections) {
      for (const statement of statements(sqlFile('macros.sql'))) await connection.run(statement);
    }
    await migrate(db, options.schemaVersion);
    // A file held at an older schema (upgrade tests) has not the tables `ready` reads.
    if (options.ready && (options.schemaVersion === undefined || options.schemaVersion >= SCHEMA_VERSION)) {
      const session = await options.ready(db);
      for (const connection of connections) {
        for (const statement of session) await connection.run(statement);
      }
    }
    // A new or upgraded workspace is written into its file before anything else happens: the log
    // then never holds a schema change for DuckDB to replay after a crash.
    await db.checkpoint();
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

type Context = 'transaction' | 'writing' | 'reading';

/**
 * Connections to one DuckDB instance: a writer and a few readers (models/db/readers.ts). The writer
 * runs transactions, statements and writing sessions one after another; the readers answer the
 * requests of everyone else, side by side and in parallel with the writer, each request on one
 * reader. While a writing session (an import, an undo) runs, every reader holds a transaction
 * opened just before it, so readers see the workspace as it was — never the half of an import whose
 * model is not rebuilt yet — and everything new once the session is over.
 */
class DuckDatabase implements Database {
  private writerQueue: Promise<unknown> = Promise.resolve();
  /** Set inside the async context of a running transaction or writing session: its calls skip the queue. */
  private readonly context = new AsyncLocalStorage<Context>();
  /** The reader of the request whose queries run in this async context, and its abort signal if it has one. */
  private readonly request = new AsyncLocalStorage<{ readonly reader: Reader; readonly signal?: AbortSignal }>();
  generation = 0;

  constructor(
    readonly path: string,
    readonly scratch: string,
    readonly notes: readonly string[],
    private readonly instance: DuckDBInstance,
    private readonly writer: DuckDBConnection,
    private readonly readers: ReaderPool,
  ) {}

  async query<T extends object = Row>(sql: string, params?: Params): Promise<T[]> {
    return this.read(async (on) => (await this.run(on, sql, params)).getRowObjectsJson() as T[]);
  }

  /** On a reader, with its prepared statements; on the writer, as asked (its work changes the tables). */
  private run(on: Reader | DuckDBConnection, sql: string, params?: Params) {
    return on instanceof Reader ? on.statements.read(sql, params, this.generation) : on.runAndReadAll(sql, params);
  }

  async exec(sql: string, params?: Params): Promise<void> {
    this.refuseInRead();
    await this.write(() => this.writer.run(sql, params));
    this.generation++;
  }

  async arrow(sql: string, params?: Params): Promise<Table> {
    // Apache Arrow loads with the first Arrow answer, not with every workspace.
    const { tableFromArrays } = await import('apache-arrow');
    return this.read(async (on) => {
      const reader = await this.run(on, sql, params);
      const columns = reader.getColumnsObjectJS();
      const arrays: Record<string, unknown[]> = {};
      for (const [name, values] of Object.entries(columns)) arrays[name] = values.map(toArrowValue);
      return tableFromArrays(arrays as Parameters<typeof tableFromArrays>[0]);
    });
  }

  async transaction<T>(work: () => Promise<T>): Promise<T> {
    this.refuseInRead();
    if (this.context.getStore() === 'transaction') return work();
    if (!this.context.getStore()) {
      const result = await this.inTransaction(work);
      await this.checkpoint();
      return result;
    }
    return this.inTransaction(work);
  }

  private inTransaction<T>(work: () => Promise<T>): Promise<T> {
    return this.write(() =>
      this.context.run('transaction', async () => {
        await this.writer.run('BEGIN TRANSACTION');
        try {
          const result = await work();
          await this.writer.run('COMMIT');
          this.generation++;
          return result;
        } catch (error) {
          await this.writer.run('ROLLBACK').catch(() => undefined);
          throw error;
        }
      }),
    );
  }

  async writing<T>(work: () => Promise<T>): Promise<T> {
    this.refuseInRead();
    if (this.context.getStore()) return work();
    return this.write(async () => {
      try {
        // Each reader as soon as its request is answered; the snapshots are all of the same data, as
        // nothing is written before `work` starts (this session holds the writer).
        await this.readers.useEach(async (reader) => {
          await reader.connection.run('BEGIN TRANSACTION');
          // DuckDB takes a transaction's snapshot when it first touches the database.
          await reader.connection.run('SELECT count(*) FROM ltc_schema');
          reader.snapshot = 'open';
        });
        return await this.context.run('writing', work);
      } finally {
        // Part of the session, before readers see its result (DuckDB checkpoints beside a reader's
        // open transaction). Still the writer here: straight to it, not behind this session in the queue.
        await this.checkpointNow();
        await this.readers.useEach(async (reader) => {
          if (reader.snapshot === 'open') await reader.connection.run('COMMIT').catch(() => undefined);
          reader.snapshot = null;
          // Its next request may come before the generation below changes: no plan of the old tables.
          reader.statements.forgetAll();
        });
        this.generation++;
      }
    });
  }

  /**
   * Moves the write-ahead log into the database file. Called after every writing session and on
   * opening, so that a crash leaves little to replay. A checkpoint that cannot run now (a reader's
   * transaction is open) is left to the next one; the log it leaves replays.
   */
  async checkpoint(): Promise<void> {
    await this.write(() => this.checkpointNow());
  }

  private async checkpointNow(): Promise<void> {
    // LTC_TEST_NO_CHECKPOINT: the crash tests leave everything in the log, to prove DuckDB replays it.
    if (this.path === ':memory:' || process.env.LTC_TEST_NO_CHECKPOINT) return;
    await this.writer.run('CHECKPOINT').catch(() => undefined);
  }

  async idle(): Promise<void> {
    await Promise.all([this.writerQueue, this.readers.idle()]);
  }

  close(): void {
    for (const reader of this.readers.readers) reader.connection.closeSync();
    this.writer.closeSync();
    this.instance.closeSync();
    rmSync(this.scratch, { recursive: true, force: true });
  }

  async shutdown(): Promise<void> {
    await this.idle();
    await this.checkpoint();
    this.close();
  }

  async reading<T>(work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (this.context.getStore()) return work();
    const lost = Symbol('snapshot lost');
    const result = await this.readers.use(async (reader): Promise<T | typeof lost> => {
      // A request whose client left while it waited for a reader is not started.
      signal?.throwIfAborted();
      if (reader.snapshot === 'lost') return lost;
      const { connection } = reader;
      // Inside a writing session the reader already holds the snapshot of before it.
      const own = reader.snapshot !== 'open';
      if (own) await connection.run('BEGIN TRANSACTION');
      // A query of a request whose client leaves is interrupted — only in the request's own
      // transaction: an interrupt ends the transaction, and an import's snapshot must stay.
      const interrupt = () => connection.interrupt();
      if (own) signal?.addEventListener('abort', interrupt, { once: true });
      try {
        const value = await this.request.run({ reader, signal }, () => this.context.run('reading', work));
        if (own) await connection.run('COMMIT');
        return value;
      } catch (error) {
        if (own) await connection.run('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        signal?.removeEventListener('abort', interrupt);
      }
    });
    // Failed reads ended the snapshot of every reader: the request waits behind the writing session.
    return result === lost ? this.write(() => this.context.run('transaction', work)) : result;
  }

  /**
   * Reads of a transaction or session see its own writes on the writer; a request's reads run on
   * its snapshot; any other read is a one-query request.
   */
  private async read<T>(task: (on: Reader | DuckDBConnection) => Promise<T>): Promise<T> {
    const context = this.context.getStore();
    if (context === 'transaction' || context === 'writing') return task(this.writer);
    if (context === 'reading') return this.readOnSnapshot(task);
    return this.reading(() => this.read(task));
  }

  private async readOnSnapshot<T>(task: (on: Reader) => Promise<T>): Promise<T> {
    const { reader, signal } = this.request.getStore()!;
    // Between the queries of a request: stop when its client has left (the snapshot stays whole).
    signal?.throwIfAborted();
    try {
      return await task(reader);
    } catch (error) {
      // A failed statement ends its transaction, and the snapshot with it: this reader's only.
      if (reader.snapshot === 'open') {
        reader.snapshot = 'lost';
        await reader.connection.run('ROLLBACK').catch(() => undefined);
      }
      throw error;
    }
  }

  /** A write from inside `reading` would wait for the writer while holding the reader it needs. */
  private refuseInRead(): void {
    if (this.context.getStore() === 'reading') throw new Error('a read-only request tried to write to the workspace');
  }

  private write<T>(task: () => Promise<T>): Promise<T> {
    if (this.context.getStore()) return task();
    const run = this.writerQueue.then(task, task);
    this.writerQueue = run.catch(() => undefined);
    return run;
  }
}

function toArrowValue(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  return value;
}

export function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? text;
}
