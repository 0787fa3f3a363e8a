/**
 * The plain-text output of every command `ltc --help` lists (all but `serve`, which keeps running:
 * tests/cli/start.test.ts and tests/hardening/server-stop.test.ts start it), run without --json on
 * the hand-built world of tests/helpers/cutover-world.ts: each exits 0 and prints readable text —
 * not JSON, no "undefined", "NaN", "null" or "[object Object]" — with the figures worked out by hand.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ltc, ltcJson, type CliResult } from '../helpers/cli.ts';
import { CUTOVER, cutoverWorld } from '../helpers/cutover-world.ts';
import { writeBundle } from '../helpers/workspace.ts';

const dir = mkdtempSync(join(tmpdir(), 'ltc-text-output-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const db = join(dir, 'ws.duckdb');
const out = (name: string) => join(dir, name);
let ingested: CliResult;

interface TextCase {
  /** the command's own arguments (--db is added) */
  readonly args: () => string[];
  /** what the text must say, each a pattern of its own */
  readonly says: readonly RegExp[];
}

// The world: 80 leads before the cut-over (48 convert in 30 days), 70 after (56 convert in 20 days);
// converts are delivered and invoiced 5 (after: 3) days after the order and pay 30 (after: 20) days
// after the invoice. 46 leads never order; one of them (L80) was disqualified on 2024-12-01, the data end.
const COMMANDS: Record<string, TextCase> = {
  ingest: {
    args: () => [], // run in beforeAll: it loads the world
    says: [/^\S*leads\.csv\s+canonical\/leads\s+150\s+150\s+0\s+0\s+0\s+0\s+created_at: iso; disqualified_at: iso$/m,
      /^\S*payments\.csv\s+canonical\/payments\s+104\s+104\s+0\s+0\s+0\s+0\s+paid_at: iso$/m],
  },
  imports: {
    args: () => [],
    says: [/^batch\s+file\s+read as\s+new\s+updated\s+unchanged\s+rejected\s+skipped\s+imported\s+undone$/m,
      /^\s*\d+\s+\S*leads\.csv\s+canonical\/leads\s+150\s+0\s+0\s+0\s+0\s+\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/m],
  },
  kpis: {
    args: () => [],
    // Lead-to-cash: (48 · 65 + 56 · 43) / 104 = 5528/104 = 53.2 days; the median is an after value.
    says: [/^data end 2024-12-01T00:00:00 · conversion window 90 days$/m,
      /^Lead conversion rate\s+69\.3%\s+104\/150\s+0$/m,
      /^Sales cycle\s+24\.6 d\s+20\.0 d\s+30\.0 d\s+104\s+0$/m,
      /^Lead-to-cash time\s+53\.2 d\s+43\.0 d\s+65\.0 d\s+104\s+0$/m],
  },
  funnel: {
    args: () => [],
    says: [/^Lead created\s+150\s+100\.0%\s+100\.0%$/m, /^Order\s+104\s+69\.3%\s+69\.3%$/m, /^Paid\s+104\s+100\.0%\s+69\.3%$/m],
  },
  // The world has no opportunities: the pipeline says what it needs.
  pipeline: {
    args: () => [],
    says: [/^no opportunities loaded: import an opportunity or deal export first$/m],
  },
  compare: {
    args: () => ['--cutover', CUTOVER],
    // Newcombe's interval of 56/70 − 48/80 is +0.0524 … +0.3339 (tests/cli/report-content.test.ts).
    says: [/^cut-over 2024-05-01 · data end 2024-12-01T00:00:00 · conversion window 90 days$/m,
      /^Lead conversion rate\s+60\.0%\s+80\.0%\s+\+33\.3% better\s+0\.008\s+\+5\.2 … \+33\.4 pp$/m,
      /^Lead-to-cash time\s+65\.0 d\s+43\.0 d\s+−33\.8% better\s+<0\.001\s+−22\.0 … −22\.0 d$/m],
  },
  survival: {
    args: () => ['--cutover', CUTOVER],
    says: [/^Time to first order\s+60\.0%\s+80\.0%\s+30\.0 d\s+20\.0 d\s+80 \(32\)\s+70 \(14\)\s+\S+$/m,
      /^Time to cash\s+60\.0%\s+80\.0%\s+65\.0 d\s+43\.0 d\s+80 \(32\)\s+70 \(14\)\s+\S+$/m],
  },
  mix: {
    args: () => ['--cutover', CUTOVER],
    says: [/^Lead conversion rate\s+60\.0%\s+80\.0%\s+\+33\.3%\s+\+42\.9%\s+100%$/m, /^Web\s+70\.0% → 91\.4%\s/m],
  },
  'change-point': {
    args: () => ['--cutover', CUTOVER],
    says: [/^suggested cut-over: 2024-05-01 \(chosen: 2024-05-01\)$/m, /^Lead-to-cash time\s+2024-05-01\s+100%\s+100%$/m],
  },
  'funnel-cohorts': {
    args: () => [],
    says: [/^2024-01\s+40\s+0\s+24 60\.0%\s+24 60\.0%\s+24 60\.0%\s+24 60\.0%$/m, /^all\s+150\s+0\s+104 69\.3%/m],
  },
  trends: {
    args: () => [],
    says: [/^2024-02\s+60\.0% \(24\/40\)\s+30\.0 d \(24\)/m, /^2024-05\s+80\.0% \(20\/25\)\s+20\.0 d \(20\)/m],
  },
  dso: {
    args: () => [],
    // The 24 invoices of February (the January converts') are all paid in March: DSO = 24,000 ÷ 24,000 × 29 days.
    says: [/^2024-02\s+29\s+24\s+24,000\.00\s+24,000\.00\s+24\s+29\.0 d$/m],
  },
  quality: {
    args: () => [],
    says: [/^data quality: no problems found/m, /^\s+0\s+Orders dated before their lead\s+order_before_lead$/m],
  },
  aging: {
    args: () => [],
    says: [/^open receivables as of 2024-12-01T00:00:00$/m, /^Total\s+0\s+0\.00\s+—$/m],
  },
  filters: {
    args: () => [],
    says: [/^150 cases$/m, /^ {2}Web \(95\), Fair \(55\)$/m, /^ {2}South \(80\), North \(70\)$/m],
  },
  transitions: {
    args: () => [],
    // 45 leads wait for an order: the 46 that never ordered but L80, which was disqualified.
    says: [/^Lead created → Order\s+104\s+24\.6 d\s+20\.0 d\s+30\.0 d\s+45\s+0$/m, /^Order → Delivered\s+104\s+3\.9 d\s+3\.0 d\s+5\.0 d\s+0\s+0$/m],
  },
  bottlenecks: {
    args: () => [],
    // Lead → order: 48 · 30 + 56 · 20 = 2,560 of the 5,528 lead-to-cash days, 46.3%.
    says: [/^Lead created → Order\s+104\s+20\.0 d\s+24\.6 d\s+30\.0 d\s+2,560\s+46\.3%\s+45\s+45/m,
      /^Bottleneck: Lead created → Order takes 46% of lead-to-cash time \(median 20\.0 days over 104 cases\); 45 leads wait more than 30 days/m],
  },
  links: {
    args: () => [],
    says: [/^orders traced to a lead: 104 of 104 \(100\.0%\)/m, /^orders traced to nothing: 0 \(0\.0%\)$/m],
  },
  cases: {
    args: () => [],
    // The oldest open lead is L35, created 2024-01-01 (the January non-converts take days 25–28, then 1–12): 335 days.
    says: [/^150 cases as of 2024-12-01T00:00:00 · slowest first · 1–50$/m, /^L35\s+lead\s+lead_created\s+open\s+335\.0 d\s+335\.0 d$/m],
  },
  case: {
    args: () => ['L1'],
    says: [/^case L1 \(origin lead\) · paid in 65\.0 d · Web · North$/m,
      /^2024-03-06T00:00:00\s+payment P1\s+paid\s+1000\s+payments\.invoice_id$/m],
  },
  'log-overview': {
    args: () => [],
    // No event log imported: the LTC log, one case per lead; no case repeats a step.
    says: [/^log ltc: 150 cases · /m, /^rework: 0 cases \(0\.0%\) repeat an activity$/m],
  },
  'process-map': {
    args: () => [],
    // Events: 150 lead creations, 5 for each of the 104 paid cases, 1 disqualification.
    says: [/^log ltc: 150 cases · 671 events · 7 activities · 6 edges$/m, /^Lead created\s+Order created\s+104\s+24\.6d\s+20\.0d$/m],
  },
  variants: {
    args: () => [],
    says: [/^1\s+104\s+53\.2d\s+43\.0d\s+Lead created → Order created → Delivered → Invoice issued → Payment received → Fully paid$/m,
      /^3\s+1\s+293\.0d\s+293\.0d\s+Lead created → Lead disqualified$/m],
  },
  conformance: {
    args: () => [],
    says: [/^out_of_order\s+0\.0% \(0\/104\)\s+invoice_before_delivery 0, payment_before_invoice 0$/m, /^2024-05\s+0\.0% \(0\/20\)\s+0\.0% \(0\/25\)/m],
  },
  export: {
    args: () => ['--format', 'csv', '--out', out('log.csv')],
    says: [new RegExp(`^wrote ${out('log.csv')}: CSV of log ltc, 150 cases, 671 events$`, 'm')],
  },
  'export-parquet': {
    args: () => ['--out', out('lake')],
    says: [new RegExp(`^wrote ${out('lake')}: \\d+ tables \\(5 with rows\\), 566 rows in \\d+ Parquet files, `, 'm')],
  },
  report: {
    args: () => ['--cutover', CUTOVER, '--out', out('report.html')],
    says: [new RegExp(`^wrote ${out('report.html')}$`, 'm')],
  },
  notebook: {
    args: () => ['notebooks/transformation-review.md', '--out', out('notebook.html')],
    says: [new RegExp(`^wrote ${out('notebook.html')}: .+, \\d+ sql blocks$`, 'm')],
  },
  rejects: {
    // A file of two leads, one without its creation date: that one is the reject, with its line.
    args: () => {
      const [bad] = writeBundle({ 'leads-bad.csv': 'lead_id,created_at\nY1,2024-06-15\nY2,\n' }).paths;
      return ['--batch', String(ltcJson<{ files: { batch_id: number }[] }>(['ingest', '--db', db, bad]).files[0].batch_id)];
    },
    says: [/^batch\s+file\s+line\s+column\s+reason$/m, /^\s*\d+\s+\S*leads-bad\.csv\s+3\s+created_at\s+created_at is missing/m],
  },
  undo: {
    // A batch of one new lead, loaded and then undone: the world is as before.
    args: () => {
      const [extra] = writeBundle({ 'leads-extra.csv': 'lead_id,created_at\nX1,2024-06-15\n' }).paths;
      return [String(ltcJson<{ files: { batch_id: number }[] }>(['ingest', '--db', db, extra]).files[0].batch_id)];
    },
    says: [/^batch \d+ undone: 1 rows removed, 0 earlier rows restored$/m],
  },
};

/** Text a person reads: no JSON, no leaked placeholders. */
function expectReadable(name: string, stdout: string): void {
  expect(stdout.trim(), name).not.toBe('');
  expect(() => JSON.parse(stdout), name).toThrow();
  // "DSO undefined" is the dso command's own words for a month without invoices.
  expect(stdout, name).not.toMatch(/(?<!DSO )undefined|NaN|\[object Object\]|\bnull\b|Infinity/);
}

describe('the plain-text output of every command', () => {
  beforeAll(() => {
    ingested = ltc(['ingest', '--db', db, ...writeBundle(cutoverWorld()).paths]);
  });

  it('covers every command ltc --help lists', () => {
    const help = ltc(['--help']);
    expect(help.code).toBe(0);
    const listed = help.stdout.split('commands:\n')[1].split('\n\n')[0].split('\n').map((line) => line.trim().split(' ')[0]);
    expect(listed.filter((name) => name !== 'serve').sort()).toEqual(Object.keys(COMMANDS).sort());
  });

  it('ingest prints the import report', () => {
    expect(ingested.code).toBe(0);
    expectReadable('ingest', ingested.stdout);
    for (const pattern of COMMANDS.ingest.says) expect(ingested.stdout).toMatch(pattern);
    // With several files, each is announced on stderr as it starts.
    expect(ingested.stderr).toMatch(/^\[1\/5\] \S+leads\.csv\n\[2\/5\] \S+orders\.csv$/m);
  });

  // In this order: undo last, after every other command has read the world.
  it.each(Object.keys(COMMANDS).filter((name) => name !== 'ingest'))('%s', (name) => {
    const { code, stdout, stderr } = ltc([name, '--db', db, ...COMMANDS[name].args()]);
    expect([code, stderr], name).toEqual([0, '']);
    expectReadable(name, stdout);
    for (const pattern of COMMANDS[name].says) expect(stdout, name).toMatch(pattern);
  });
});
