import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ltc, ltcJson } from '../helpers/cli.ts';
import { writeBundle } from '../helpers/workspace.ts';

const dir = mkdtempSync(join(tmpdir(), 'ltc-notebook-cli-'));
const db = join(dir, 'ws.duckdb');
const bundle = writeBundle({
  'leads.csv': 'lead_id,created_at,source\nL1,2025-01-01,Web\nL2,2025-01-02,Web\nL3,2025-01-03,Fair\n',
});

const good = join(dir, 'good.md');
writeFileSync(good, `---
title: Sources
---

{{by_source.leads}} leads came from {{by_source.source}}.

\`\`\`sql name=by_source
SELECT source, count(*) AS leads FROM leads GROUP BY source ORDER BY leads DESC
\`\`\`

\`\`\`chart
type: bar
data: by_source
x: source
y: leads
\`\`\`
`);

const broken = join(dir, 'broken.md');
writeFileSync(broken, `# Broken

\`\`\`sql name=fine
SELECT count(*) AS n FROM leads
\`\`\`

\`\`\`sql name=wipe
DROP TABLE leads
\`\`\`
`);

describe('ltc notebook', () => {
  beforeAll(() => {
    ltcJson(['ingest', '--db', db, ...bundle.paths]);
  });

  it('writes one self-contained HTML file and exits 0', () => {
    const out = join(dir, 'good.html');
    const result = ltc(['notebook', good, '--out', out, '--db', db]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`wrote ${out}: Sources, 1 sql block\n`);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<span class="nb-ref" data-ref="by_source.leads">2</span> leads came from <span class="nb-ref" data-ref="by_source.source">Web</span>');
    expect(html).toMatch(/<svg[^>]*class="nb-plot/);
    expect(html).not.toMatch(/<script/i);
  });

  it('--json prints the file and each block with its row count', () => {
    const out = join(dir, 'good-json.html');
    const result = ltcJson<Record<string, unknown>>(['notebook', good, '--out', out, '--db', db]);
    expect(result).toMatchObject({ out, title: 'Sources', blocks: [{ name: 'by_source', line: 7, rows: 2 }], errors: [] });
  });

  it('still writes the file when a block fails, names the block and line on stderr, and exits 1', () => {
    const out = join(dir, 'broken.html');
    const result = ltc(['notebook', broken, '--out', out, '--db', db, '--json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`ltc notebook: ${broken}, block wipe (line 7): only read-only queries run in a notebook (SELECT, WITH, FROM, VALUES, PIVOT, UNPIVOT, DESCRIBE, SUMMARIZE); this block starts with DROP\n`);
    expect(JSON.parse(result.stdout)).toMatchObject({
      out,
      blocks: [{ name: 'fine', line: 3, rows: 1 }, { name: 'wipe', line: 7, rows: 0, error: expect.stringMatching(/read-only/) }],
    });
    expect(readFileSync(out, 'utf8')).toContain('Block wipe (line 7) failed');
    // The leads are still there.
    expect(ltc(['notebook', good, '--out', join(dir, 'after.html'), '--db', db]).code).toBe(0);
    expect(readFileSync(join(dir, 'after.html'), 'utf8')).toContain('<span class="nb-ref" data-ref="by_source.leads">2</span> leads came from');
  });

  it('exits 2 on bad usage: no file, a missing file, no --out, a missing folder', () => {
    expect(ltc(['notebook', '--out', join(dir, 'x.html'), '--db', db]).code).toBe(2);
    const missing = ltc(['notebook', join(dir, 'nope.md'), '--out', join(dir, 'x.html'), '--db', db]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no such notebook file/);
    const noOut = ltc(['notebook', good, '--db', db]);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toMatch(/--out FILE\.html is required/);
    expect(ltc(['notebook', good, '--out', join(dir, 'no-folder', 'x.html'), '--db', db]).code).toBe(2);
    expect(existsSync(join(dir, 'x.html'))).toBe(false);
  });
});
