/** What every `ltc` command shares: its shape, the context it runs in, and the period and filter options. */
import type { ParseArgsConfig } from 'node:util';
import { openDatabase, type Database } from '../../models/db/database.ts';
import { SEGMENT_KEYS, UsageError, assertMoment, type PeriodOptions, type SegmentKey, type Segments } from '../../models/period.ts';

export interface CommandContext {
  readonly values: Record<string, string | boolean | undefined>;
  readonly positionals: string[];
  readonly json: boolean;
  readonly dbPath: string;
  out(text: string): void;
  err(text: string): void;
}

export interface Command {
  readonly args: string;
  readonly summary: string;
  readonly options: ParseArgsConfig['options'];
  readonly hidden?: boolean;
  run(context: CommandContext): Promise<number>;
}

/** --from, --to, --as-of, --window-days and --where, for every command that reads measures. */
export const PERIOD_OPTIONS: ParseArgsConfig['options'] = {
  from: { type: 'string' },
  to: { type: 'string' },
  'as-of': { type: 'string' },
  'window-days': { type: 'string' },
  where: { type: 'string', multiple: true },
};

export function periodOptions(values: CommandContext['values']): PeriodOptions {
  const window = values['window-days'];
  if (window !== undefined && !/^\d+$/.test(String(window))) throw new UsageError(`--window-days must be a whole number, not "${window}"`);
  const asOf = values['as-of'] as string | undefined;
  if (asOf !== undefined) assertMoment(asOf, '--as-of');
  return {
    segments: parseWhere(values.where as unknown as string[] | undefined),
    from: values.from as string | undefined,
    to: values.to as string | undefined,
    asOf,
    windowDays: window === undefined ? undefined : Number(window),
  };
}
/**
 * `--where source=Web --where "Sales Channel=Partner"` → filters: the four segments by name, any
 * other key as an extra column the data carries (its attributes).
 */
function parseWhere(clauses: readonly string[] | undefined): Segments {
  const segments: Partial<Record<SegmentKey, string>> = {};
  const attributes: Record<string, string> = {};
  for (const clause of clauses ?? []) {
    const at = clause.indexOf('=');
    const key = at > 0 ? clause.slice(0, at).trim() : '';
    if (!key) throw new UsageError(`--where takes KEY=VALUE (KEY one of ${SEGMENT_KEYS.join(', ')} or another column of the data), not "${clause}"`);
    if ((SEGMENT_KEYS as readonly string[]).includes(key)) segments[key as SegmentKey] = clause.slice(at + 1);
    else attributes[key] = clause.slice(at + 1);
  }
  return { ...segments, attributes };
}

export async function withDb<T>(context: CommandContext, work: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(context.dbPath);
  try {
    return await work(db);
  } finally {
    db.close();
  }
}

