import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notebookHtml } from '../../app/render/notebook-html.ts';
import { renderProse } from '../../app/render/notebook-markdown.ts';
import { formatValue } from '../../app/render/value-format.ts';
import type { Database } from '../../models/db/database.ts';
import { parseNotebook } from '../../models/notebook/parse.ts';
import { runNotebook, type MarkdownResult, type NotebookRun, type SqlResult } from '../../models/notebook/run.ts';
import { workspace } from '../helpers/workspace.ts';

const EVIL = '<script>alert(1)</script>';

const NOTEBOOK = `---
title: Sources <b>& more</b>
---

Leads from {{by_source.source}}: {{by_source.leads}} ({{share.top:percent}} of all). <i>raw</i>

\`\`\`sql name=by_source
SELECT source, count(*) AS leads FROM leads GROUP BY source ORDER BY leads DESC, source
\`\`\`

\`\`\`sql name=share hidden
SELECT max(leads) / sum(leads) AS top FROM by_source
\`\`\`

\`\`\`sql name=broken
SELECT no_such_column FROM leads
\`\`\`

\`\`\`sql name=uses_broken
SELECT * FROM broken
\`\`\`

Missing: {{broken.x}} and {{nowhere.y}} and {{by_source.nope}}.

\`\`\`chart
type: bar
data: by_source
x: source
y: leads
\`\`\`

\`\`\`chart
type: line
data: by_source
x: source
y: volume
\`\`\`

[a link](javascript:alert(1)) and [a local one](#by_source)
`;

describe('runNotebook', () => {
  let db: Database;
  let run: NotebookRun;
  const block = (name: string) => run.cells.find((c): c is SqlResult => c.kind === 'sql' && c.name === name)!;

  beforeAll(async () => {
    ({ db } = await workspace({
      'leads.csv': `lead_id,created_at,source\nL1,2025-01-01,Web\nL2,2025-01-02,Web\nL3,2025-01-03,"${EVIL}"\n`,
    }));
    run = await runNotebook(db, parseNotebook(NOTEBOOK, 'sources.md'));
  });
  afterAll(() => db.close());

  it('runs every block; later blocks read earlier ones by name', () => {
    expect(block('by_source')).toMatchObject({
      columns: [{ name: 'source', type: 'VARCHAR' }, { name: 'leads', type: 'BIGINT' }],
      rows: [{ source: 'Web', leads: 2 }, { source: EVIL, leads: 1 }],
      total: 2,
    });
    expect(block('share').rows).toEqual([{ top: 2 / 3 }]);
  });

  it('keeps a failing block’s error with its name and line, and renders the rest', () => {
    expect(block('broken').error).toMatch(/no_such_column/);
    expect(block('uses_broken').error).toMatch(/broken.*\(block broken above failed\)/);
    expect(run.errors.map((e) => [e.block, e.line])).toEqual([
      ['broken', 15], ['uses_broken', 19], ['text', 23], ['text', 23], ['text', 23], ['chart', 32],
    ]);
    expect(run.errors.find((e) => e.block === 'chart')!.message).toMatch(/no column volume/);
    const html = notebookHtml(run);
    expect(html).toContain('Block broken (line 15) failed');
    expect(html).toContain('<table class="nb-table">');
    expect(html).toMatch(/<figure class="nb-chart">\s*<svg/);
    expect(html).toContain('Chart (line 32) cannot be drawn');
  });

  it('fills {{block.column}} with the first row, formatted and escaped', () => {
    const prose = renderProse(run.cells[0] as MarkdownResult, run.cells);
    expect(prose).toContain('Leads from <span class="nb-ref" data-ref="by_source.source">Web</span>: <span class="nb-ref" data-ref="by_source.leads">2</span> (<span class="nb-ref" data-ref="share.top">66.7%</span> of all)');
    expect(prose).toContain('&lt;i&gt;raw&lt;/i&gt;');
    const missing = renderProse(run.cells.find((c, i) => i > 0 && c.kind === 'markdown') as MarkdownResult, run.cells);
    expect(missing).toContain('<span class="nb-ref-error" title="block broken failed">{{broken.x}}</span>');
    expect(missing).toContain('no sql block is named &quot;nowhere&quot;');

    const evil = { ...(run.cells[0] as MarkdownResult), text: 'Worst source: {{evil.source}}', refs: [{ block: 'evil', column: 'source', line: 1, text: '{{evil.source}}' }] };
    const cells = [...run.cells, { ...block('by_source'), name: 'evil', rows: [{ source: EVIL, leads: 1 }] }];
    expect(renderProse(evil, cells)).toContain('<span class="nb-ref" data-ref="evil.source">&lt;script&gt;alert(1)&lt;/script&gt;</span>');
  });

  it('writes one HTML file with the data escaped, no scripts and nothing fetched from elsewhere', () => {
    const html = notebookHtml(run, { source: 'notebooks/sources.md', renderedAt: '2026-01-02T03:04:05Z' });
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<title>Sources &lt;b&gt;&amp; more&lt;/b&gt; · LTC Lens</title>');
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/url\(\s*["']?(?!#)|@import/i);
    expect(html).not.toMatch(/href\s*=\s*["']?javascript:/i);
    expect(html).toContain('<a href="#by_source">a local one</a>');
    expect(html).toContain('@media print');
    expect(html).toContain('notebooks/sources.md · data through 2025-01-03 · rendered 2026-01-02 03:04');
  });

  it('leaves the workspace as it was', async () => {
    expect(await db.query('SELECT count(*) AS n FROM leads')).toEqual([{ n: '3' }]);
  });
});

describe('formatValue', () => {
  it('writes numbers grouped, rates as percentages, durations in days and midnight as a date', () => {
    expect(formatValue(1234567, 'BIGINT')).toBe('1,234,567');
    expect(formatValue(0.21757, 'DOUBLE')).toBe('0.218');
    expect(formatValue(38.594, 'DOUBLE')).toBe('38.6');
    expect(formatValue(0.21757, 'DOUBLE', 'percent')).toBe('21.8%');
    expect(formatValue(38.594, 'DOUBLE', 'days')).toBe('38.6 d');
    expect(formatValue(1234.4, 'DOUBLE', 'int')).toBe('1,234');
    expect(formatValue('2025-01-01 00:00:00', 'TIMESTAMP')).toBe('2025-01-01');
    expect(formatValue(null, 'DOUBLE')).toBe('—');
    expect(formatValue({ a: 1 }, 'STRUCT(a INTEGER)')).toBe('{"a":1}');
  });
});
