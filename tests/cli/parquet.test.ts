import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ltc, ltcJson } from '../helpers/cli.ts';
import { writeBundle } from '../helpers/workspace.ts';

const bundle = writeBundle({
  'leads.csv': 'lead_id,created_at,source\nL1,2024-11-03,Web\nL2,2025-01-02,Fair\nL3,2025-04-20,Web\n',
  'orders.csv': 'order_id,created_at,lead_id,amount\nSO1,2024-12-11,L1,100\nSO2,2025-02-01,L2,200\n',
  'accounts.csv': 'account_id,name\nA1,Acme\n',
});
const scratch = mkdtempSync(join(tmpdir(), 'ltc-cli-parquet-'));
const db = join(scratch, 'ws.duckdb');

interface Written { out: string; partition: string; rows: number; files: number; tables: { table: string; rows: number; files: string[] }[] }

describe('ltc export-parquet', () => {
  beforeAll(() => {
    ltcJson(['ingest', '--db', db, ...bundle.paths]);
  });
  afterAll(() => {
    for (const dir of [scratch, bundle.dir]) rmSync(dir, { recursive: true, force: true });
  });

  it('lists per table the rows and files written', () => {
    const out = join(scratch, 'lake');
    const written = ltcJson<Written>(['export-parquet', '--db', db, '--out', out]);
    const byTable = Object.fromEntries(written.tables.map((t) => [t.table, t]));
    expect(byTable.leads).toMatchObject({ rows: 3, files: ['leads/year=2024/data_0.parquet', 'leads/year=2025/data_0.parquet'] });
    expect(byTable.orders).toMatchObject({ rows: 2, files: ['orders/year=2024/data_0.parquet', 'orders/year=2025/data_0.parquet'] });
    expect(byTable.accounts).toMatchObject({ rows: 1, files: ['accounts/data_0.parquet'] });
    expect(written).toMatchObject({ out, partition: 'year', rows: 6 });
    expect(written.files).toBe(written.tables.reduce((n, t) => n + t.files.length, 0));
    for (const t of written.tables) for (const f of t.files) expect(existsSync(join(out, f)), f).toBe(true);
  });

  it('says what it wrote in one line', () => {
    const out = join(scratch, 'monthly');
    const { code, stdout } = ltc(['export-parquet', '--db', db, '--out', out, '--partition', 'month']);
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(stdout).toMatch(/^wrote .*monthly: \d+ tables \(3 with rows\), 6 rows in \d+ Parquet files, [\d.]+ (B|KB|MB), partitioned by year and month/);
    expect(readdirSync(join(out, 'leads', 'year=2025')).sort()).toEqual(['month=1', 'month=4']);
  });

  it('refuses a folder that holds something, writing nothing', () => {
    const used = join(scratch, 'used');
    mkdirSync(used);
    writeFileSync(join(used, 'notes.txt'), 'keep me');
    const { code, stdout, stderr } = ltc(['export-parquet', '--db', db, '--out', used]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/not empty/);
    expect(readdirSync(used)).toEqual(['notes.txt']);
    expect(existsSync(`${used}.partial`)).toBe(false);
  });

  it('asks for --out and a known --partition', () => {
    expect(ltc(['export-parquet', '--db', db]).code).toBe(2);
    const wrong = ltc(['export-parquet', '--db', db, '--out', join(scratch, 'x'), '--partition', 'week']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/--partition must be year, month, none/);
    expect(existsSync(join(scratch, 'x'))).toBe(false);
  });
});
