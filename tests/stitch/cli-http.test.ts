/** `ltc links suggest | accept | reject` and /api/links/* on a CRM and ERP that share no ids. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../models/db/database.ts';
import { apiServer, dashboardPost, type ApiServer } from '../helpers/api-server.ts';
import { ltc, ltcJson } from '../helpers/cli.ts';
import { writeBundle } from '../helpers/workspace.ts';
import { crmErpPair } from './crm-erp-pair.ts';
import { openWorkspace } from '../../app/workspace.ts';

interface Suggestion {
  id: string; from_table: string; from_id: string; to_table: string; to_id: string; confidence: number; ambiguous: boolean;
  evidence: { kind: string }[];
}

const pair = crmErpPair(7, 12);

describe('ltc links suggest / accept / reject', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'ltc-links-cli-')), 'ltc.duckdb');
  beforeAll(() => {
    const { paths } = writeBundle(pair.files);
    const ingest = ltc(['ingest', '--db', db, ...paths]);
    expect(ingest.code, ingest.stderr).toBe(0);
  });

  it('suggests links by confidence in the documented shape, with stable ids', () => {
    const { suggestions } = ltcJson<{ suggestions: Suggestion[] }>(['links', 'suggest', '--db', db]);
    expect(suggestions.length).toBeGreaterThan(5);
    for (const s of suggestions) {
      expect(Object.keys(s).sort()).toEqual(['ambiguous', 'confidence', 'evidence', 'from_id', 'from_table', 'id', 'to_id', 'to_table']);
      expect(s.id).toMatch(/^[0-9a-f]{10}$/);
      expect(s.confidence).toBeGreaterThanOrEqual(0);
      expect(s.confidence).toBeLessThanOrEqual(1);
      expect(s.evidence.map((e) => e.kind)).toContain('date');
    }
    expect(suggestions.map((s) => s.confidence)).toEqual([...suggestions.map((s) => s.confidence)].sort((a, b) => b - a));
    expect(ltcJson<{ suggestions: Suggestion[] }>(['links', 'suggest', '--db', db]).suggestions.map((s) => s.id)).toEqual(suggestions.map((s) => s.id));
    const text = ltc(['links', 'suggest', '--db', db]);
    expect(text.stdout).toContain(suggestions[0].id);
    expect(text.stdout).toMatch(/same name \(/);
  });

  it('accepts above a confidence as one batch that undo removes', () => {
    const { suggestions } = ltcJson<{ suggestions: Suggestion[] }>(['links', 'suggest', '--db', db, '--min-confidence', '0.9']);
    expect(suggestions.every((s) => s.confidence >= 0.9)).toBe(true);
    const accepted = ltcJson<{ batch_id: number; decision: string; links: Suggestion[] }>(['links', 'accept', '--min-confidence', '0.9', '--db', db]);
    expect(accepted.decision).toBe('accepted');
    expect(accepted.links.map((l) => l.id).sort()).toEqual(suggestions.map((s) => s.id).sort());
    const quality = ltcJson<{ orders: { traced_by_match: number } }>(['links', '--db', db]);
    expect(quality.orders.traced_by_match).toBe(suggestions.filter((s) => s.to_table === 'orders').length);
    expect(ltc(['undo', String(accepted.batch_id), '--db', db]).code).toBe(0);
    expect(ltcJson<{ orders: { traced_by_match: number } }>(['links', '--db', db]).orders.traced_by_match).toBe(0);
  });

  it('refuses bad usage with exit 2 and one line', () => {
    for (const args of [['links', 'accept'], ['links', 'accept', '--min-confidence', '1.5'], ['links', 'reject', '--min-confidence', '0.5'],
      ['links', 'merge'], ['links', 'accept', 'ffffffffff']]) {
      const result = ltc([...args, '--db', db]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('/api/links/*', () => {
  let server: ApiServer;
  let db: Database;
  beforeAll(async () => {
    db = await openWorkspace(':memory:');
    const { importAndRebuild } = await import('../../app/workspace.ts');
    const { paths } = writeBundle(pair.files);
    await importAndRebuild(db, paths.map((path) => ({ path, name: path.split('/').pop()! })));
    server = await apiServer(db);
  });
  afterAll(() => server.stop(db));

  it('lists suggestions, accepts and rejects by id; a POST without the dashboard header is refused', async () => {
    const { suggestions } = (await (await fetch(`${server.base}/api/links/suggestions`)).json()) as { suggestions: Suggestion[] };
    expect(suggestions.length).toBeGreaterThan(2);
    const [first, second] = suggestions;

    const refused = await fetch(`${server.base}/api/links/accept`, { method: 'POST', body: JSON.stringify({ ids: [first.id] }) });
    expect(refused.status).toBe(403);

    const accepted = await dashboardPost(`${server.base}/api/links/accept`, JSON.stringify({ ids: [first.id] }));
    expect(accepted.status).toBe(200);
    expect(((await accepted.json()) as { links: Suggestion[] }).links.map((l) => l.id)).toEqual([first.id]);

    const rejected = await dashboardPost(`${server.base}/api/links/reject?ids=${second.id}`);
    expect(rejected.status).toBe(200);

    const after = (await (await fetch(`${server.base}/api/links/suggestions`)).json()) as { suggestions: Suggestion[] };
    expect(after.suggestions.map((s) => s.id)).not.toContain(first.id);
    expect(after.suggestions.map((s) => s.id)).not.toContain(second.id);
    const links = (await (await fetch(`${server.base}/api/links`)).json()) as { orders: { traced_by_match: number } };
    expect(links.orders.traced_by_match).toBe(first.to_table === 'orders' ? 1 : 0);

    expect((await dashboardPost(`${server.base}/api/links/accept`, '{"min_confidence": 2}')).status).toBe(400);
    expect((await dashboardPost(`${server.base}/api/links/reject`, '')).status).toBe(400);
    expect((await fetch(`${server.base}/api/links/accept`)).status).toBe(405);
  });
});
