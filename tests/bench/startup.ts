/**
 * Start-up of `ltc` (issue 18, item 5): small commands on a small workspace, timed as whole
 * processes from outside — start to exit — beside the floors under them: `node -e 0` and a bare
 * DuckDB open of the same workspace, with the package's API and with the build's one-file copy of
 * it. The workspace is the seeded generator's 3,000 leads, imported with its model built. The
 * compiled command line (dist/cli) is built first when stale, as `npm start` does. Rounds take the
 * commands in turn, so a noisy machine weighs on every row alike; each figure is the median of the
 * rounds after a warm-up round (peak RSS: the largest).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '../../sample-data/generator/index.ts';
import { importAndRebuild, openWorkspace } from '../../app/workspace.ts';
import { machineLine, mb, quantile } from './measure.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const USAGE = fileURLToPath(new URL('./startup-usage.cjs', import.meta.url));
const LEADS = 3000;

interface Command {
  readonly label: string;
  readonly argv: readonly string[];
}

interface Figures {
  readonly wallMs: number[];
  readonly cpuMs: number[];
  readonly rssBytes: number[];
}

export async function startupWorkload(rounds = 10): Promise<string> {
  const scratch = mkdtempSync(join(tmpdir(), 'ltc-bench-startup-'));
  try {
    const built = spawnSync(process.execPath, ['app/build/cli-build.js', '--if-stale'], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('building the command line (node app/build/cli-build.js) failed');
    process.stderr.write(`start-up: a workspace of ${LEADS.toLocaleString('en')} leads…\n`);
    const bundle = join(scratch, 'bundle');
    await generate({ leads: LEADS, outDir: bundle });
    const workspace = join(scratch, 'ws.duckdb');
    const db = await openWorkspace(workspace);
    await importAndRebuild(db, readdirSync(bundle).filter((f) => f.endsWith('.csv')).sort().map((f) => ({ path: join(bundle, f), name: f })));
    db.close();

    const api = join(ROOT, 'dist', 'cli', 'models', 'db');
    const copy = readdirSync(api).find((f) => /^duckdb-node-api-.+\.cjs$/.test(f));
    if (!copy) throw new Error(`the build wrote no one-file copy of @duckdb/node-api into ${api}`);
    const commands: Command[] = [
      { label: '`node -e 0` (the floor of any Node program)', argv: [process.execPath, '-e', '0'] },
      { label: 'bare DuckDB: load `@duckdb/node-api`, open the workspace, `SELECT 1`, close', argv: [process.execPath, 'tests/bench/startup-duckdb.cjs', workspace] },
      { label: 'the same with the build\'s one-file copy of its JavaScript (what `ltc` loads)', argv: [process.execPath, 'tests/bench/startup-duckdb.cjs', workspace, join(api, copy)] },
      { label: '`ltc --help` (`node bin/ltc.js`, compiled)', argv: [process.execPath, 'bin/ltc.js', '--help'] },
      { label: '**`ltc funnel --json --db W`** (`node bin/ltc.js`, compiled)', argv: [process.execPath, 'bin/ltc.js', 'funnel', '--json', '--db', workspace] },
      { label: '`npm run --silent ltc -- funnel --json --db W`', argv: [npm(), 'run', '--silent', 'ltc', '--', 'funnel', '--json', '--db', workspace] },
    ];
    process.stderr.write(`start-up: ${rounds} rounds of ${commands.length} commands…\n`);
    const figures = commands.map((): Figures => ({ wallMs: [], cpuMs: [], rssBytes: [] }));
    for (let round = 0; round <= rounds; round++) {
      for (const [i, command] of commands.entries()) {
        const run = timeProcess(command, join(scratch, `usage-${round}-${i}.jsonl`));
        if (round === 0) continue;
        figures[i].wallMs.push(run.wallMs);
        figures[i].cpuMs.push(run.cpuMs);
        figures[i].rssBytes.push(run.rssBytes);
      }
    }
    const rows = commands.map((command, i) => {
      const f = figures[i];
      return `| ${command.label} | ${(quantile(f.wallMs, 0.5) / 1000).toFixed(2)} s | ${(quantile(f.cpuMs, 0.5) / 1000).toFixed(2)} s | ${mb(Math.max(...f.rssBytes))} MB |`;
    });
    const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    return [
      `## Start-up — ${new Date().toISOString().slice(0, 10)}`, '',
      `Machine: ${await machineLine()}; load average ${load} at the end.`, '',
      `Each command timed as a whole process (start to exit), median of ${rounds} rounds taken in turn after a warm-up; W is ${LEADS.toLocaleString('en')} generated leads, imported, model built. CPU is user + system summed over the call's Node processes (npm and the \`ltc\` it starts, for \`npm run\`); peak RSS the largest of them.`, '',
      '| command | wall | CPU | peak RSS |',
      '|---|---|---|---|',
      ...rows,
      '', `Target: \`ltc funnel --json\` < 0.3 s wall.`, '',
    ].join('\n');
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function npm(): string {
  return process.platform === 'win32' ? 'npm.cmd' : 'npm';
}

/** One run of a command: its wall time from here, its own CPU time and peak RSS from the preloaded reporter. */
function timeProcess(command: Command, usageFile: string): { wallMs: number; cpuMs: number; rssBytes: number } {
  writeFileSync(usageFile, '');
  const env = { ...process.env, LTC_BENCH_USAGE: usageFile, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${USAGE}`.trim() };
  const started = performance.now();
  const run = spawnSync(command.argv[0], command.argv.slice(1), { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  const wallMs = performance.now() - started;
  if (run.status !== 0) throw new Error(`${command.argv.join(' ')} exited ${run.status}: ${run.stderr.toString().trim().split('\n').slice(-2).join(' ')}`);
  // One line per Node process of the call (npm and the ltc it starts, for `npm run`).
  const lines = readFileSync(usageFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { cpuMs: number; rssBytes: number });
  return { wallMs, cpuMs: lines.reduce((sum, l) => sum + l.cpuMs, 0), rssBytes: Math.max(...lines.map((l) => l.rssBytes)) };
}
