/**
 * An analysis is one declaration: its name, its parameters, what it runs and what it answers. The
 * `ltc` command, the HTTP route, the dashboard's typed client and the API table of docs/api.md
 * all follow from the list of declarations in models/analyses/ (docs/architecture.md).
 */
import type { Table } from 'apache-arrow';
import type { Database } from '../db/database.ts';
import type { ParamSchema, ParamValues } from './params.ts';

export interface Analysis<S extends ParamSchema = ParamSchema, R = unknown> {
  /** the command (`ltc <name>`) and, unless `path` says otherwise, the route `/api/<name>` */
  readonly name: string;
  /** one line: what it answers */
  readonly summary: string;
  /** the route when the dashboard asks another one than `/api/<name>` */
  readonly path?: string;
  readonly params: S;
  /** not listed by `ltc help` (an analysis the dashboard alone asks for) */
  readonly hidden?: boolean;
  /** false: a route only, the command line asks it through a command of its own (app/cli/commands/) */
  readonly command?: false;
  run(db: Database, params: ParamValues<S>): Promise<R>;
}

/** An analysis, its types kept (the typed client reads them). */
export function defineAnalysis<S extends ParamSchema, R>(analysis: Analysis<S, R>): Analysis<S, R> {
  return analysis;
}

/** What an analysis answers: an Arrow table is sent as Arrow, everything else as JSON. */
export type ResultOf<A> = A extends Analysis<infer _S, infer R> ? R : never;

export function isArrow(result: unknown): result is Table {
  return typeof result === 'object' && result !== null && 'schema' in result && 'batches' in result;
}

export function routePath(analysis: Pick<Analysis, 'name' | 'path'>): string {
  return analysis.path ?? `/api/${analysis.name}`;
}
