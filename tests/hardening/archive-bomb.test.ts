/**
 * Archive bombs uploaded to a running `ltc serve` (issue 14) cost it neither memory nor data. The
 * server runs in a child process with LTC_MAX_UNPACKED_MB=256 on a workspace file with a first
 * import; each bomb (a zip declaring 1 GB of zeros, one declaring 1,000 bytes for them, one of 64
 * entries of 8 MB of zeros, a gzip of 1 GB of zeros — each about 1 MB) is posted to /api/import and
 * /api/import/preview and refused in one line naming the entry. Its memory is read from
 * /proc/<pid>/status: the peak (VmHWM, reset once the server is idle where the kernel allows) may
 * rise less than 300 MB above the idle RSS — a bound on memory, not on time. The workspace file then
 * holds exactly what it held before. Set LTC_BOMB_SUMMARY=1 to print the figures.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { DASHBOARD_HEADERS } from '../../app/server/dashboard-request.ts';
import { MAX_RATIO } from '../../ingest/unpack-budget.ts';
import { deflated, gzipOf, zeros, zipOf } from '../helpers/archive-bombs.ts';
import { firstImport, sleep, workspaceState } from '../helpers/kill-workspace.ts';
import { serveProcess } from '../helpers/served.ts';

const dir = mkdtempSync(join(tmpdir(), 'ltc-archive-bomb-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MB = 1024 * 1024;
const LIMIT_MB = 256;
const MAX_RISE_MB = 300;

/** Resident memory now and its peak so far, in MB. */
function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)![1]);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** Sets the peak back to the current RSS (Linux 4.0+); false where that is not allowed. */
function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

const overLimit = `expands past the ${LIMIT_MB} MB limit for unpacked archives (LTC_MAX_UNPACKED_MB)`;
const bombs = [
  { name: 'zeros.zip', bytes: zipOf([{ name: 'zeros.csv', content: zeros(1024) }]), refusal: `zeros.zip › zeros.csv: ${overLimit}` },
  {
    name: 'liar.zip', bytes: zipOf([{ name: 'zeros.csv', content: zeros(1024), declaredSize: 1000 }]),
    refusal: 'liar.zip › zeros.csv: expands past the 1000 bytes its zip header declares: refused as a broken or crafted archive',
  },
  {
    name: 'parts.zip', bytes: zipOf(Array.from({ length: 64 }, (_, i) => ({ name: `part-${String(i).padStart(2, '0')}.csv`, content: zeros(8) }))),
    refusal: `parts.zip › part-32.csv: ${overLimit}`,
  },
  { name: 'zeros.csv.gz', bytes: gzipOf(zeros(1024)), refusal: `zeros.csv.gz › zeros.csv: ${overLimit}` },
];

it('refuses archive bombs on /api/import and /api/import/preview without the server\'s memory growing, changing nothing', async () => {
  const workspace = join(dir, 'workspace.duckdb');
  await firstImport(dir, workspace);
  const before = await workspaceState(workspace);
  const server = await serveProcess(workspace, { LTC_MAX_UNPACKED_MB: String(LIMIT_MB) });
  const base = `http://127.0.0.1:${server.port}`;
  const post = (path: string, body: Buffer<ArrayBuffer>) => fetch(`${base}${path}`, { method: 'POST', headers: DASHBOARD_HEADERS, body });
  try {
    // Warm: every module of an import and a preview loaded, then a moment to settle.
    const warm = zipOf([{ name: 'leads.csv', content: deflated(Buffer.from('lead_id,created_at\nL1,2025-01-02\n')) }]);
    expect((await post('/api/import/preview?name=warm.zip', warm)).status).toBe(200);
    const batches = await (await fetch(`${base}/api/imports`)).json();
    await sleep(500);
    const idle = memory(server.pid);
    const reset = resetPeak(server.pid);

    for (const bomb of bombs) {
      expect(bomb.bytes.length, bomb.name).toBeLessThan(1.1 * MB);
      const imported = await post(`/api/import?name=${bomb.name}`, bomb.bytes);
      expect(imported.status, bomb.name).toBe(422);
      expect((await imported.json()).error).toBe(bomb.refusal);
      const preview = await post(`/api/import/preview?name=${bomb.name}`, bomb.bytes);
      const previewed = await preview.json();
      expect(previewed).toEqual({ files: [{ path: bomb.name, error: bomb.refusal, error_zh: expect.any(String) }] });
      expect(previewed.files[0].error_zh, bomb.name).toMatch(/[\u4e00-\u9fff]/); // said in Chinese too
    }
    const after = memory(server.pid);
    const rise = after.peak - idle.rss;
    if (process.env.LTC_BOMB_SUMMARY) {
      const ratio = Math.round(1024 * MB / bombs[0].bytes.length);
      console.info(`idle RSS ${idle.rss.toFixed(0)} MB (peak since start ${idle.peak.toFixed(0)} MB); peak during the bombs ${after.peak.toFixed(0)} MB `
        + `(+${rise.toFixed(0)} MB${reset ? '' : ', peak not reset'}); zeros.zip ${bombs[0].bytes.length} bytes for 1 GB, ratio ${ratio}:1 (refused past ${MAX_RATIO}:1)`);
    }
    expect(rise, `peak ${after.peak.toFixed(0)} MB against ${idle.rss.toFixed(0)} MB idle`).toBeLessThan(MAX_RISE_MB);
    expect(await (await fetch(`${base}/api/imports`)).json()).toEqual(batches);
  } finally {
    server.kill('SIGTERM');
    await server.exit;
  }
  expect(await workspaceState(workspace)).toEqual(before);
}, 180_000);
