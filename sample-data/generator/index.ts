/** The seeded sample-data generator: canonical LTC CSVs (docs/data-contract.md) of a simulated manufacturer. */
import { mkdirSync } from 'node:fs';
import { AccountPool } from './accounts.ts';
import { CUTOVER, formatTimestamp, LeadArrivals } from './calendar.ts';
import { Company } from './company.ts';
import { openWriters, type TableName } from './csv.ts';
import { STABLE, WINDOW_DAYS } from './parameters.ts';
import { Random } from './random.ts';

export { CUTOVER, DATA_END } from './calendar.ts';
export { HEADERS, TABLE_NAMES, type TableName } from './csv.ts';

export const DEFAULT_SEED = 20250101;

export interface GenerateOptions {
  leads: number;
  outDir: string;
  seed?: number;
}

export interface GenerateSummary {
  seed: number;
  leads: number;
  /** 'YYYY-MM-DD HH:MM:SS' */
  cutover: string;
  /** Latest event written, 'YYYY-MM-DD HH:MM:SS' (data_end, docs/measures.md). */
  dataEnd: string;
  windowDays: number;
  rows: Record<TableName, number>;
  directOrders: number;
  /** Orders naming an opportunity that is not in opportunities.csv (created before the period). */
  orphanOrders: number;
  orderOnlyPayments: number;
}

/** Writes accounts, leads, opportunities, quotes, orders, deliveries, invoices and payments CSVs to `outDir`. */
export function generate(options: GenerateOptions): GenerateSummary {
  const { leads, outDir } = options;
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(leads) || leads < 1) throw new Error(`leads must be a positive integer, got ${leads}`);
  mkdirSync(outDir, { recursive: true });
  const rng = new Random(seed);
  const out = openWriters(outDir);
  let company: Company;
  try {
    const accounts = new AccountPool(Math.max(50, Math.round(leads * 0.12)), rng, out.accounts);
    company = new Company(rng, out, accounts);
    company.legacyOrders(Math.max(1, Math.round(leads * STABLE.legacyOrdersPerLead)));
    const arrivals = new LeadArrivals(leads, rng);
    for (let n = 1; n <= leads; n++) company.lead(n, arrivals.next());
  } finally {
    for (const writer of Object.values(out)) writer.close();
  }
  const rows = Object.fromEntries(Object.entries(out).map(([name, w]) => [name, w.rows])) as Record<TableName, number>;
  return {
    seed,
    leads,
    cutover: formatTimestamp(CUTOVER),
    dataEnd: formatTimestamp(company.counts.latestEvent),
    windowDays: WINDOW_DAYS,
    rows,
    directOrders: company.counts.directOrders,
    orphanOrders: company.counts.orphanOrders,
    orderOnlyPayments: company.counts.orderOnlyPayments,
  };
}
