import { describe, expect, it } from 'vitest';
import { parseNotebook, type ChartCell, type MarkdownCell, type SqlCell } from '../../models/notebook/parse.ts';

const NOTEBOOK = `---
title: Conversion check
title_zh: "转化检查"
description: Leads: how many converted.
---

# Heading

Conversion was {{conv.rate:percent}} of {{conv.leads}} leads; \`{{not.a_ref}}\` is code.

\`\`\`sql name=conv percent=rate,share days=mean
SELECT 0.25 AS rate, 4 AS leads;
\`\`\`

\`\`\`sql name=detail hidden
FROM conv
\`\`\`

- a list whose item holds a fence:

  \`\`\`sql
  SELECT 'only code' AS not_a_block
  \`\`\`

\`\`\`chart
type: line
data: detail
x: month
y: rate
color: period
title: Rate: by month
y_format: percent
\`\`\`

\`\`\`python
print("ordinary code")
\`\`\`
`;

describe('parseNotebook', () => {
  const notebook = parseNotebook(NOTEBOOK, 'check.md');
  const kinds = notebook.cells.map((c) => c.kind);

  it('reads the front matter for the list', () => {
    expect(notebook.file).toBe('check.md');
    expect(notebook.meta).toEqual({ title: 'Conversion check', title_zh: '转化检查', description: 'Leads: how many converted.' });
  });

  it('reads a Chinese description beside the English one', () => {
    const text = '---\ntitle: Check\ndescription: One line.\ndescription_zh: "一行说明:线索转化了多少"\n---\n\nProse.\n';
    expect(parseNotebook(text, 'c.md').meta).toEqual({ title: 'Check', description: 'One line.', description_zh: '一行说明:线索转化了多少' });
  });

  it('splits prose, named sql blocks and charts at the top level, with the line of each in the file', () => {
    expect(kinds).toEqual(['markdown', 'sql', 'sql', 'markdown', 'chart', 'markdown']);
    const [prose, conv, detail, list, chart, tail] = notebook.cells as [MarkdownCell, SqlCell, SqlCell, MarkdownCell, ChartCell, MarkdownCell];
    expect(prose.line).toBe(7);
    expect(prose.text.startsWith('# Heading')).toBe(true);
    expect(conv).toMatchObject({ name: 'conv', line: 11, hidden: false, sql: 'SELECT 0.25 AS rate, 4 AS leads;', formats: { rate: 'percent', share: 'percent', mean: 'days' } });
    expect(conv.error).toBeUndefined();
    expect(detail).toMatchObject({ name: 'detail', line: 15, hidden: true, sql: 'FROM conv' });
    // A fence inside a list item is ordinary code of the prose around it.
    expect(list.text).toContain("SELECT 'only code' AS not_a_block");
    expect(chart).toEqual({
      kind: 'chart', line: 25,
      spec: { type: 'line', data: 'detail', x: 'month', y: 'rate', color: 'period', title: 'Rate: by month', y_format: 'percent' },
    });
    expect(tail.text).toContain('print("ordinary code")');
  });

  it('finds {{block.column}} references in the prose but not in code spans', () => {
    const prose = notebook.cells[0] as MarkdownCell;
    expect(prose.refs).toEqual([
      { block: 'conv', column: 'rate', format: 'percent', line: 9, text: '{{conv.rate:percent}}' },
      { block: 'conv', column: 'leads', line: 9, text: '{{conv.leads}}' },
    ]);
  });

  it('keeps problems on the cell instead of failing the notebook', () => {
    const broken = parseNotebook([
      '```sql', 'SELECT 1', '```',
      '```sql name=a', 'SELECT 1', '```',
      '```sql name=a', 'SELECT 2', '```',
      '```sql name=ltc_x', 'SELECT 3', '```',
      '```sql name=b colour=red', 'SELECT 4', '```',
      '```chart', 'type: pie', 'data: a', 'x: k', 'size: 3', '```',
      '```chart', 'type: bar', 'data: a', 'x: k', 'y_format: hours', '```',
    ].join('\n'), 'broken.md');
    const errors = broken.cells.map((c) => ('error' in c ? c.error : undefined));
    expect(errors[0]).toMatch(/needs a name/);
    expect(errors[1]).toBeUndefined();
    expect(errors[2]).toMatch(/already named "a"/);
    expect(errors[3]).toMatch(/reserved/);
    expect(errors[4]).toMatch(/unknown option "colour=red"/);
    expect(errors[5]).toMatch(/chart type "pie"/);
    expect(errors[5]).toMatch(/unknown chart key "size"/);
    expect(errors[5]).toMatch(/needs "y:"/);
    expect(errors[6]).toMatch(/y_format "hours"/);
    expect(broken.cells.map((c) => c.line)).toEqual([1, 4, 7, 10, 13, 16, 22]);
  });

  it('takes the title from the first heading, else the file name, when there is no front matter', () => {
    expect(parseNotebook('# Weekly look\n\ntext', 'weekly.md').meta).toEqual({ title: 'Weekly look' });
    expect(parseNotebook('just text', 'plain.md').meta).toEqual({ title: 'plain' });
  });

  it('reads Windows line ends and a byte-order mark', () => {
    const parsed = parseNotebook('\ufeff---\r\ntitle: T\r\n---\r\n```sql name=x\r\nSELECT 1\r\n```\r\n', 'crlf.md');
    expect(parsed.meta.title).toBe('T');
    expect(parsed.cells).toMatchObject([{ kind: 'sql', name: 'x', sql: 'SELECT 1', line: 4 }]);
  });
});
