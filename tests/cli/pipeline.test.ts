/**
 * `ltc pipeline [--json]` on a workspace file, and /api/status on an opportunity-only workspace: not
 * "empty", so no page says "No data yet". Expected values are worked out by hand from the rows below.
 */
import { mkdtempSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { routeApi } from '../../app/server/routes.ts';
import type { PipelineResult } from '../../models/pipeline.ts';
import { ltc, ltcJson } from '../helpers/cli.ts';
import { writeBundle } from '../helpers/workspace.ts';
import { openWorkspace } from '../../app/workspace.ts';

// A Maven-shaped export: two won (1,200 and 2,500), one lost, one Engaging with a value of 800 and
// one Prospecting without a date or value. data_end = 2025-03-01.
const bundle = writeBundle({
  'sales_pipeline.csv': `opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value
A1,Ann,GTX,Acme,Won,2025-01-01,2025-02-01,1200
A2,Ann,GTX,Acme,Won,2025-01-10,2025-03-01,2500
B1,Bob,GTX,Beta,Lost,2025-01-15,2025-02-15,0
B2,Bob,GTX,Beta,Engaging,2025-02-20,,800
C1,Cy,GTX,Core,Prospecting,,,
`,
});
const db = join(mkdtempSync(join(tmpdir(), 'ltc-cli-pipeline-')), 'ws.duckdb');

describe('ltc pipeline', () => {
  beforeAll(() => {
    ltcJson(['ingest', '--db', db, ...bundle.paths]);
  });

  it('prints the open pipeline and the opportunity funnel as JSON', () => {
    const result = ltcJson<PipelineResult>(['pipeline', '--db', db]);
    expect(result).toMatchObject({ available: true, as_of: '2025-03-01T00:00:00' });
    expect(result.open).toEqual({ key: null, count: 2, amount: 800, without_amount: 1, undated: 1 });
    expect(result.by_stage.map((g) => [g.key, g.count, g.amount])).toEqual([['Engaging', 1, 800], ['Prospecting', 1, 0]]);
    expect(result.by_owner.map((g) => [g.key, g.count, g.undated])).toEqual([['Bob', 1, 0], ['Cy', 1, 1]]);
    // created 5 → Prospecting or later (C1, B2, A1, A2) 4 → Engaging or later (B2, A1, A2) 3 → won 2.
    expect(result.funnel.steps.map((s) => [s.kind, s.count, s.cumulative_conversion])).toEqual([
      ['created', 5, 1], ['stage', 4, 0.8], ['stage', 3, 0.6], ['won', 2, 0.4]]);
    expect(result.funnel.steps[3].step_conversion).toBeCloseTo(2 / 3, 12);
    expect(result.funnel.lost).toEqual({ count: 1, amount: 0 });
  });

  it('says it in words, with the undated open deal', () => {
    const { code, stdout } = ltc(['pipeline', '--db', db]);
    expect(code).toBe(0);
    expect(stdout).toContain('open: 2 opportunities, amount 800 · 1 open opportunities without a date');
    expect(stdout).toMatch(/Won\s+2\s+3,700/);
  });

  it('the kpis give the opportunity measures with a thin mark', () => {
    const { stdout } = ltc(['kpis', '--db', db]);
    // win rate 2 of 3 closed; deal value (1,200 + 2,500) / 2 = 1,850
    expect(stdout).toMatch(/Win rate\s+66\.7% \*/);
    expect(stdout).toMatch(/Deal value\s+1,850 \*/);
    expect(stdout).toContain('* thin: from fewer than 20 items');
  });

  it('/api/status: an opportunity-only workspace is not empty', async () => {
    const opened = await openWorkspace(db);
    try {
      const answer = await routeApi(opened, { method: 'GET' } as IncomingMessage, new URL('http://localhost/api/status'));
      expect(answer).toMatchObject({ kind: 'json', body: { empty: false, tables: { opportunities: 5, leads: 0 }, ocel_events: 0 } });
    } finally {
      opened.close();
    }
  });
});
