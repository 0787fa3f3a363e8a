/**
 * Prepared statements kept per connection and SQL text. Each dashboard request asks the same
 * handful of statements with new parameters; preparing (parsing, binding, planning the macros)
 * was a third of a small query's time. Forgotten whenever the data may have changed (the model is
 * rebuilt by dropping and creating its tables), so a kept plan never outlives the tables it read.
 */
import type { DuckDBConnection, DuckDBPreparedStatement, DuckDBResultReader } from '@duckdb/node-api';
import type { Params } from './database.ts';

const LIMIT = 200;

export class PreparedStatements {
  private readonly kept = new Map<string, DuckDBPreparedStatement>();
  private generation = -1;

  constructor(private readonly connection: DuckDBConnection) {}

  /** Runs `sql` with `params` and reads the whole result; `generation` is the data's (Database.generation). */
  async read(sql: string, params: Params | undefined, generation: number): Promise<DuckDBResultReader> {
    if (!params || Object.keys(params).length === 0) return this.connection.runAndReadAll(sql);
    if (generation !== this.generation) this.clear(generation);
    let prepared = this.kept.get(sql);
    if (prepared) {
      // Most recently used last: the oldest go first when full.
      this.kept.delete(sql);
    } else {
      // One statement only (a script with several is run the plain way).
      const extracted = await this.connection.extractStatements(sql);
      if (extracted.count !== 1) return this.connection.runAndReadAll(sql, params);
      prepared = await extracted.prepare(0);
      if (this.kept.size >= LIMIT) this.forget(this.kept.keys().next().value!);
    }
    this.kept.set(sql, prepared);
    prepared.clearBindings();
    prepared.bind(params);
    return prepared.runAndReadAll();
  }

  /** Forgets every statement kept (the connection's transaction ended on tables since rebuilt). */
  forgetAll(): void {
    for (const sql of [...this.kept.keys()]) this.forget(sql);
  }

  private clear(generation: number): void {
    this.forgetAll();
    this.generation = generation;
  }

  private forget(sql: string): void {
    this.kept.get(sql)?.destroySync();
    this.kept.delete(sql);
  }
}
