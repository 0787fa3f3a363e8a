/** Monthly lead cohorts with their windowed conversion, as an Arrow table for charts. */
import type { Table } from 'apache-arrow';
import type { Database } from './db/database.ts';
import { asOfMoment, dataFacts } from './measures.ts';
import { periodBounds, filterParam, windowDays, type PeriodOptions } from './period.ts';
import { sqlFile } from './sql-files.ts';

export async function cohorts(db: Database, options: PeriodOptions = {}): Promise<Table> {
  const facts = await dataFacts(db);
  const asOf = asOfMoment(facts, options) ?? '-infinity';
  return db.arrow(sqlFile('cohorts.sql'), { ...periodBounds(options), as_of: asOf, window: windowDays(options), ...filterParam(options) });
}
