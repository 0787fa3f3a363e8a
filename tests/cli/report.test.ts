/** `ltc report`: writes the report file, refuses bad usage with exit 2 and leaves no half file. */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ltc, ltcJson } from '../helpers/cli.ts';
import { writeBundle } from '../helpers/workspace.ts';

const dir = mkdtempSync(join(tmpdir(), 'ltc-report-cli-'));
const db = join(dir, 'ws.duckdb');
const bundle = writeBundle({
  'leads.csv': `lead_id,created_at,source
L1,2024-11-01,Web
L2,2024-11-05,Fair
L3,2025-02-01,Web
L4,2025-02-03,Fair
`,
  'orders.csv': `order_id,created_at,lead_id,amount
S1,2024-11-21,L1,100
S3,2025-02-08,L3,100
`,
});

describe('ltc report', () => {
  beforeAll(() => {
    ltcJson(['ingest', '--db', db, ...bundle.paths]);
  });

  it('writes one HTML file with the before/after table, in Chinese with --lang zh', () => {
    const out = join(dir, 'report.html');
    expect(ltcJson(['report', '--db', db, '--cutover', '2025-01-01', '--out', out, '--lang', 'zh'])).toMatchObject({ out, cutover: '2025-01-01', kpis: 8 });
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<th>指标</th><th>优化前</th><th>优化后</th><th>提升幅度</th>');
    expect(html).toContain('data-kpi="lead_conversion_rate"');
  });

  it('refuses bad usage with exit 2 and writes nothing', () => {
    const out = join(dir, 'bad.html');
    expect(ltc(['report', '--db', db, '--cutover', '2025-01-01']).code).toBe(2);
    expect(ltc(['report', '--db', db, '--cutover', '2025-13-01', '--out', out]).code).toBe(2);
    expect(ltc(['report', '--db', db, '--cutover', '2025-01-01', '--before', '2024-01-01..2024-06-30', '--out', out]).code).toBe(2);
    expect(ltc(['report', '--db', db, '--cutover', '2025-01-01', '--out', out, '--lang', 'fr']).code).toBe(2);
    expect(existsSync(out) || existsSync(`${out}.partial`)).toBe(false);
  });
});
