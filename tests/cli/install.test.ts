/**
 * `ltc` as npm installs it: the package packed (prepack builds the dashboard into it), installed
 * with its dependencies from the registry into a prefix of its own, and run from another folder;
 * and `ltc serve` in a checkout whose dashboard is not built yet, or was built from other sources.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** Not part of a checkout as cloned: installed, built or written by running it. */
const NOT_CHECKED_OUT = new Set(['node_modules', '.git', 'dist', 'data', 'test-results']);

function run(command: string, args: readonly string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.status ?? result.signal}:\n${result.stderr}\n${result.stdout}`);
  }
  return result.stdout;
}

describe('ltc installed from its package, and in a checkout', () => {
  let scratch: string;
  let checkout: string;
  let ltcBin: string;
  let elsewhere: string;

  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'ltc-install-'));
    // Packed from a copy of the checkout: prepack's build must not empty the dist/web other tests serve.
    checkout = join(scratch, 'checkout');
    cpSync(ROOT, checkout, {
      recursive: true,
      filter: (source) => !NOT_CHECKED_OUT.has(relative(ROOT, source).split(sep)[0]) && !/\.duckdb(\.wal)?$/.test(source),
    });
    symlinkSync(join(ROOT, 'node_modules'), join(checkout, 'node_modules'), 'dir');
    run('npm', ['pack', '--pack-destination', scratch], checkout);
    const tarball = readdirSync(scratch).find((file) => file.endsWith('.tgz'));
    if (!tarball) throw new Error(`npm pack left no tarball in ${scratch}`);
    const prefix = join(scratch, 'prefix');
    run('npm', ['install', '--global', '--prefix', prefix, '--no-audit', '--no-fund', join(scratch, tarball)], scratch);
    ltcBin = join(prefix, 'bin', 'ltc');
    elsewhere = join(scratch, 'elsewhere');
    mkdirSync(elsewhere);
  }, 600_000);

  afterAll(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('prints its version', () => {
    expect(run(ltcBin, ['--version'], elsewhere).trim()).toBe(VERSION);
  });

  it('ingests a CSV and reads the measures back as JSON', () => {
    writeFileSync(join(elsewhere, 'leads.csv'),
      'lead_id,created_at,source,converted_at\nL1,2025-01-02,Web,2025-01-20\nL2,2025-01-05,Partner,\nL3,2025-02-01,Web,2025-02-10\n');
    run(ltcBin, ['ingest', '--db', 'ws.duckdb', 'leads.csv'], elsewhere);
    const answer = JSON.parse(run(ltcBin, ['kpis', '--db', 'ws.duckdb', '--json'], elsewhere)) as {
      data_end: string | null;
      kpis: { id: string }[];
    };
    expect(answer.data_end).toBe('2025-02-10T00:00:00');
    expect(answer.kpis.map((k) => k.id)).toContain('lead_conversion_rate');
  });

  it('serves the built dashboard and stops on SIGTERM', async () => {
    const server = await serving(ltcBin, ['serve', '--db', 'served.duckdb', '--port', '0'], elsewhere);
    try {
      await expectDashboard(server.url);
    } finally {
      server.process.kill('SIGTERM');
    }
    expect(await server.exitCode).toBe(0);
  });

  it('in a checkout without dist/web, builds the dashboard on the first serve', async () => {
    rmSync(join(checkout, 'dist'), { recursive: true, force: true });
    const server = await serving(process.execPath, ['bin/ltc.js', 'serve', '--db', join(scratch, 'checkout.duckdb'), '--port', '0'], checkout);
    try {
      expect(server.stderr()).toMatch(/building it into dist\/web/);
      await expectDashboard(server.url);
    } finally {
      server.process.kill('SIGTERM');
    }
    expect(await server.exitCode).toBe(0);
  }, 300_000);

  it('in a checkout whose dashboard sources changed since its build (a git pull), builds it again before serving', async () => {
    // The build of the serve before is current: nothing is built.
    const current = await serving(process.execPath, ['bin/ltc.js', 'serve', '--db', join(scratch, 'checkout.duckdb'), '--port', '0'], checkout);
    await expectDashboard(current.url);
    current.process.kill('SIGTERM');
    expect(await current.exitCode).toBe(0);
    expect(current.stderr()).not.toMatch(/building/);

    const page = join(checkout, 'app', 'web', 'index.html');
    writeFileSync(page, readFileSync(page, 'utf8').replace('<title>LTC Lens</title>', '<title>LTC Lens, pulled</title>'));
    const server = await serving(process.execPath, ['bin/ltc.js', 'serve', '--db', join(scratch, 'checkout.duckdb'), '--port', '0'], checkout);
    try {
      expect(server.stderr()).toMatch(/sources changed since it was built: building dist\/web again/);
      expect(await (await fetch(`${server.url}/`)).text()).toContain('<title>LTC Lens, pulled</title>');
    } finally {
      server.process.kill('SIGTERM');
    }
    expect(await server.exitCode).toBe(0);
  }, 300_000);
});

interface Serving {
  readonly process: ChildProcess;
  readonly url: string;
  readonly exitCode: Promise<number | null>;
  stderr(): string;
}

/** `command args` started in `cwd`, once it says where it listens. */
async function serving(command: string, args: readonly string[], cwd: string): Promise<Serving> {
  const child = spawn(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  const exitCode = once(child, 'exit').then(([code]) => code as number | null);
  let stderr = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const found = /http:\/\/127\.0\.0\.1:\d+/.exec(stderr);
      if (found) resolve(found[0]);
    });
    void exitCode.then(() => reject(new Error(`${args.join(' ')} ended before listening: ${stderr}`)));
  });
  return { process: child, url, exitCode, stderr: () => stderr };
}

async function expectDashboard(url: string): Promise<void> {
  const page = await fetch(`${url}/`);
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toMatch(/^text\/html/);
  expect(await page.text()).toMatch(/<script type="module"[^>]* src="\/assets\//);
}
