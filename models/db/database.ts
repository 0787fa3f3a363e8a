/**
 * The one door to DuckDB (STYLE.md "one query interface"). Everything else — ingest, models,
 * server, CLI — receives a `Database` and never touches @duckdb/node-api directly.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { tableFromArrays, type Table } from 'apache-arrow';
import { SCHEMA_VERSION, migrate } from './schema.ts';
import { sqlFile, statements } from '../sql-files.ts';
import { ensureModel } from '../materialize.ts';

export type Params = Record<string, DuckDBValue> | DuckDBValue[];
export type Row = Record<string, unknown>;

export interface Database {
  readonly path: string;
  /** Rows as plain JSON-safe objects (numbers, strings, booleans, null). */
  query<T extends object = Row>(sql: string, params?: Params): Promise<T[]>;
  /** Statements whose result is not needed (DDL, inserts). */
  exec(sql: string, params?: Params): Promise<void>;
  /** A result as an Arrow table built from the typed columns. */
  arrow(sql: string, params?: Params): Promise<Table>;
  /** Runs `work` in one transaction: everything or nothing. Calls are serialized. */
  transaction<T>(work: () => Promise<T>): Promise<T>;
  /** Resolves when every statement asked for so far has finished (before closing a busy workspace). */
  idle(): Promise<void>;
  close(): void;
}

export const DEFAULT_DB_PATH = 'data/ltc.duckdb';

export interface OpenOptions {
  /** Stop upgrading at this schema version (tests of in-place upgrades use it). */
  readonly schemaVersion?: number;
}

/** Opens (and creates or upgrades) a workspace database. `:memory:` for tests. */
export async function openDatabase(path: string = DEFAULT_DB_PATH, options: OpenOptions = {}): Promise<Database> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(path);
  } catch (error) {
    throw new Error(`cannot open database ${path}: ${firstLine(error)}`);
  }
  const connection = await instance.connect();
  await connection.run("SET TimeZone = 'UTC'");
  const db = new DuckDatabase(path, instance, connection);
  try {
    await migrate(db, options.schemaVersion);
    for (const statement of statements(sqlFile('macros.sql'))) await db.exec(statement);
    // A file held at an older schema (upgrade tests) has not the tables the model reads.
    if (options.schemaVersion === undefined || options.schemaVersion >= SCHEMA_VERSION) await ensureModel(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

class DuckDatabase implements Database {
  private queue: Promise<unknown> = Promise.resolve();
  /** Set inside the async context of a running transaction, so its own calls skip the queue. */
  private readonly insideTransaction = new AsyncLocalStorage<true>();

  constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  async query<T extends object = Row>(sql: string, params?: Params): Promise<T[]> {
    return this.serialized(async () => {
      const reader = await this.connection.runAndReadAll(sql, params);
      return reader.getRowObjectsJson() as T[];
    });
  }

  async exec(sql: string, params?: Params): Promise<void> {
    await this.serialized(() => this.connection.run(sql, params));
  }

  async arrow(sql: string, params?: Params): Promise<Table> {
    return this.serialized(async () => {
      const reader = await this.connection.runAndReadAll(sql, params);
      const columns = reader.getColumnsObjectJS();
      const arrays: Record<string, unknown[]> = {};
      for (const [name, values] of Object.entries(columns)) arrays[name] = values.map(toArrowValue);
      return tableFromArrays(arrays as Parameters<typeof tableFromArrays>[0]);
    });
  }

  async transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.insideTransaction.getStore()) return work();
    return this.exclusive(() =>
      this.insideTransaction.run(true, async () => {
        await this.connection.run('BEGIN TRANSACTION');
        try {
          const result = await work();
          await this.connection.run('COMMIT');
          return result;
        } catch (error) {
          await this.connection.run('ROLLBACK').catch(() => undefined);
          throw error;
        }
      }),
    );
  }

  async idle(): Promise<void> {
    await this.queue;
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }

  /** Inside a transaction the caller already holds the queue; outside, wait for our turn. */
  private serialized<T>(task: () => Promise<T>): Promise<T> {
    return this.insideTransaction.getStore() ? task() : this.exclusive(task);
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
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
