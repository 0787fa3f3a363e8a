/**
 * `npm run generate -- --leads N --out DIR [--seed S]`: writes the seeded sample data (the
 * canonical CSVs of docs/data-contract.md) and prints what it wrote, with the cut-over date, on stderr.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_SEED, generate } from './generator/index.ts';

const USAGE = 'usage: npm run generate -- --leads N --out DIR [--seed S]';

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function positiveInteger(name: string, value: string | undefined, fallback?: number): number {
  if (value === undefined) {
    if (fallback === undefined) fail(`--${name} is required`);
    return fallback;
  }
  const n = Number(value.replaceAll('_', ''));
  if (!Number.isSafeInteger(n) || n < (name === 'seed' ? 0 : 1)) fail(`--${name} must be a ${name === 'seed' ? 'non-negative' : 'positive'} integer, got '${value}'`);
  return n;
}

let values: { leads?: string; out?: string; seed?: string; help?: boolean };
try {
  ({ values } = parseArgs({
    options: { leads: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  }));
} catch (error) {
  fail((error as Error).message);
}
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const leads = positiveInteger('leads', values.leads);
const seed = positiveInteger('seed', values.seed, DEFAULT_SEED);
if (values.seed !== undefined && seed > 0xffffffff) fail('--seed must be below 2^32');
if (!values.out) fail('--out is required');

const started = performance.now();
let summary;
try {
  summary = generate({ leads, outDir: values.out, seed });
} catch (error) {
  process.stderr.write(`generate: ${(error as Error).message}\n`);
  process.exit(1);
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const rows = Object.entries(summary.rows)
  .map(([name, n]) => `${name} ${n}`)
  .join(', ');
process.stderr.write(
  [
    `wrote ${values.out} in ${seconds} s (seed ${summary.seed})`,
    `  rows: ${rows}`,
    `  cut-over: ${summary.cutover.slice(0, 10)} (process redesign go-live; compare with --cutover ${summary.cutover.slice(0, 10)})`,
    `  data_end: ${summary.dataEnd}; lead conversion window ${summary.windowDays} days`,
    `  direct orders ${summary.directOrders}, orphan orders ${summary.orphanOrders}, order-only payments ${summary.orderOnlyPayments}`,
  ].join('\n') + '\n',
);
