/**
 * `ltc` runs compiled JavaScript (dist/cli, `npm run build`) when that is the build of the sources
 * beside it, and the TypeScript sources through tsx otherwise (bin/ltc.js): both give the same
 * answers, and a stale build never runs.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ltc } from '../helpers/cli.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SAMPLE = join(ROOT, 'sample-data', 'bundle');

describe('the compiled and the source command line', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'ltc-compiled-')), 'ws.duckdb');
  beforeAll(() => {
    const files = readdirSync(SAMPLE).filter((f) => f.endsWith('.csv')).map((f) => join(SAMPLE, f));
    const ingested = ltc(['ingest', '--db', db, ...files]);
    expect(ingested.code, ingested.stderr).toBe(0);
  }, 120_000);

  it.each([
    ['funnel'],
    ['kpis', '--from', '2024-01-01', '--to', '2024-06-30'],
    ['compare', '--cutover', '2025-01-01'],
    ['process-map'],
    ['bottlenecks', '--where', 'source=Web'],
  ])('give the same --json for ltc %s on the sample data', (...args) => {
    const compiled = ltc([...args, '--db', db, '--json']);
    const source = ltc([...args, '--db', db, '--json'], { LTC_FROM_SOURCE: '1' });
    expect(compiled.code, compiled.stderr).toBe(0);
    expect(source.code, source.stderr).toBe(0);
    expect(compiled.stderr).toBe(source.stderr);
    expect(compiled.stdout).toBe(source.stdout);
  });

  it("share the commands: the build's index names each command of the sources, with its summary", async () => {
    const index = JSON.parse(readFileSync(join(ROOT, 'dist/cli/app/cli/command-index.json'), 'utf8')) as Record<string, { summary: string; hidden?: boolean }>;
    const { loadCommands } = await import('../../app/cli/registry.ts');
    const commands = await loadCommands();
    expect(Object.keys(index)).toEqual(Object.keys(commands));
    for (const [name, command] of Object.entries(commands)) {
      expect([name, index[name].summary, index[name].hidden ?? false]).toEqual([name, command.summary, command.hidden ?? false]);
    }
  });

  it('give the same usage text', () => {
    const compiled = ltc(['--help']);
    expect(compiled.code).toBe(0);
    expect(compiled.stdout).toBe(ltc(['--help'], { LTC_FROM_SOURCE: '1' }).stdout);
  });

  it("load @duckdb/node-api's JavaScript from the build's one file, or from the package when that file is of another version", () => {
    // The compiled tree as an installed package has it: no sources beside it.
    const installed = mkdtempSync(join(tmpdir(), 'ltc-installed-'));
    for (const part of ['bin', 'dist/cli', 'package.json']) cpSync(join(ROOT, part), join(installed, part), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(installed, 'node_modules'));
    const args = ['funnel', '--db', db, '--json'];
    const bundled = ltc(args, { NODE_DEBUG: 'module' }, installed);
    expect(bundled.code, bundled.stderr).toBe(0);
    expect(bundled.stderr).toMatch(/dist\/cli\/models\/db\/duckdb-node-api-[^"/]+\.cjs/);
    expect(bundled.stderr).not.toContain('node-api/lib/index.js');

    const dir = join(installed, 'dist/cli/models/db');
    const copy = readdirSync(dir).find((file) => /^duckdb-node-api-.+\.cjs$/.test(file));
    renameSync(join(dir, copy!), join(dir, 'duckdb-node-api-0.0.0.cjs'));
    const packaged = ltc(args, { NODE_DEBUG: 'module' }, installed);
    expect(packaged.code, packaged.stderr).toBe(0);
    expect(packaged.stderr).toContain('node-api/lib/index.js');
    expect(packaged.stdout).toBe(bundled.stdout);
    expect(packaged.stdout).toBe(ltc(args, { LTC_FROM_SOURCE: '1' }).stdout);
  });

  it('give the same refusal of a bad flag', () => {
    const compiled = ltc(['funnel', '--db', db, '--from', 'soon']);
    const source = ltc(['funnel', '--db', db, '--from', 'soon'], { LTC_FROM_SOURCE: '1' });
    expect(compiled.code).toBe(2);
    expect([source.code, source.stderr]).toEqual([compiled.code, compiled.stderr]);
  });
});

describe('bin/ltc.js in a checkout', () => {
  let copy: string;
  const marked = () => ltc(['--help'], {}, copy).stdout.includes('COMPILED');

  beforeAll(() => {
    // A copy whose compiled index says so in funnel's summary (`ltc --help` reads it): the build of
    // the copy's sources, as it stays.
    copy = mkdtempSync(join(tmpdir(), 'ltc-stale-'));
    for (const part of ['bin', 'app', 'models', 'ingest', 'dist/cli', 'package.json', 'tsconfig.json']) {
      cpSync(join(ROOT, part), join(copy, part), { recursive: true, preserveTimestamps: true });
    }
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
    const index = join(copy, 'dist/cli/app/cli/command-index.json');
    const commands = JSON.parse(readFileSync(index, 'utf8')) as Record<string, { summary: string }>;
    commands.funnel.summary = `COMPILED ${commands.funnel.summary}`;
    writeFileSync(index, JSON.stringify(commands));
  });

  it('runs the compiled CLI while it is the build of the sources', () => {
    expect(marked()).toBe(true);
    expect(ltc(['--help'], { LTC_FROM_SOURCE: '1' }, copy).stdout).not.toContain('COMPILED');
  });

  it('still does after a source is touched but not changed', () => {
    const file = join(copy, 'models/funnel.ts');
    utimesSync(file, new Date(), new Date());
    expect(marked()).toBe(true);
  });

  it('runs the sources while a file is added beside them', () => {
    const extra = join(copy, 'models/sql/extra.sql');
    writeFileSync(extra, 'SELECT 1;\n');
    expect(marked()).toBe(false);
    rmSync(extra);
    expect(marked()).toBe(true);
  });

  it('runs the sources once one is edited: a stale build never runs', () => {
    const file = join(copy, 'models/funnel.ts');
    writeFileSync(file, readFileSync(file, 'utf8') + '\n// edited after the build\n');
    expect(marked()).toBe(false);
    const ok = ltc(['funnel', '--db', join(copy, 'ws.duckdb'), '--json'], {}, copy);
    expect(ok.code, ok.stderr).toBe(0);
  });
});
