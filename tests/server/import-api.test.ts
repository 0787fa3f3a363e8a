import type { Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../app/server/server.ts';
import { safeCell } from '../../app/server/csv.ts';
import type { Database } from '../../models/db/database.ts';
import { dashboardPost } from '../helpers/api-server.ts';
import { openWorkspace } from '../../app/workspace.ts';

describe('import API: preview, mapping, batches, undo, rejects download', () => {
  let db: Database;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    db = await openWorkspace(':memory:');
    server = await startServer({ db, port: 0, host: '127.0.0.1', webRoot: mkdtempSync(join(tmpdir(), 'ltc-noweb-')) });
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => { db.close(); resolve(); })));

  const post = (path: string, body: string) => dashboardPost(`${base}${path}`, body);

  it('previews a file: dialect, header, first rows and the reading, loading nothing', async () => {
    const res = await post('/api/import/preview?name=orders.csv', 'Report: orders\n\nOrder ID;Order Date;Amount\nSO1;3/7/2025;"$1,234.50"\n');
    const { files } = await res.json();
    expect(files[0]).toMatchObject({
      path: 'orders.csv', delimiter: ';', header_line: 3, headers: ['Order ID', 'Order Date', 'Amount'],
      rows: [{ 'Order ID': 'SO1', 'Order Date': '3/7/2025', Amount: '$1,234.50' }],
      targets: [{ kind: 'orders', fields: { order_id: 'Order ID', created_at: 'Order Date', amount: 'Amount' } }],
    });
    expect(await db.query('SELECT count(*)::INTEGER AS n FROM orders')).toEqual([{ n: 0 }]);
    const unknown = await (await post('/api/import/preview?name=x.csv', 'a,b\n1,2\n')).json();
    expect(unknown.files[0].error).toMatch(/cannot tell which table/);
    expect(unknown.files[0].headers).toEqual(['a', 'b']);
  });

  it('imports with a mapping the user corrected, lists the batch and undoes it', async () => {
    const mapping = encodeURIComponent(JSON.stringify({ kind: 'leads', fields: { lead_id: 'a', created_at: 'b' } }));
    const res = await post(`/api/import?name=x.csv&mapping=${mapping}`, 'a,b\nL1,2025-01-02\nL2,=HYPERLINK("x")\n');
    expect(res.status).toBe(200);
    const { files } = await res.json();
    expect(files[0]).toMatchObject({ kind: 'leads', rows_loaded: 1, rows_rejected: 1, adapter: 'mapping' });
    const { batches } = await (await fetch(`${base}/api/imports`)).json();
    expect(batches.at(-1)).toMatchObject({ file_name: 'x.csv', kind: 'leads', rows_inserted: 1 });

    const csv = await fetch(`${base}/api/rejects.csv?batch=${files[0].batch_id}`);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const text = await csv.text();
    expect(text).toContain("x.csv,3,b,");
    expect(text).toContain('"created_at: ""=HYPERLINK(""x"")"" is not'); // the reason quotes the value…
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m); // …never as a cell a spreadsheet would run

    const undo = await (await post(`/api/undo?batch=${files[0].batch_id}`, '')).json();
    expect(undo).toMatchObject({ rows_removed: 1 });
    expect(await db.query('SELECT count(*)::INTEGER AS n FROM leads')).toEqual([{ n: 0 }]);

    // a second undo (another tab, a double click) is refused as a conflict, said in both languages
    const again = await post(`/api/undo?batch=${files[0].batch_id}`, '');
    expect(again.status).toBe(409);
    const refused = await again.json();
    expect(refused.error).toMatch(new RegExp(`^batch ${files[0].batch_id} was already undone at \\d{4}-\\d{2}-\\d{2} `));
    expect(refused.error_zh).toMatch(new RegExp(`^批次 ${files[0].batch_id} 已于 \\d{4}-\\d{2}-\\d{2} .+ 撤销$`));
  });

  it('refuses a mapping that names no field of its table, saying where and why in both languages', async () => {
    const mapping = encodeURIComponent(JSON.stringify({ kind: 'leads', fields: { lead_number: 'a' } }));
    const res = await post(`/api/import?name=m.csv&mapping=${mapping}`, 'a,b\nL1,2025-01-02\n');
    expect(res.status).toBe(400);
    const answer = await res.json();
    expect(answer.error).toMatch(/^mapping: "lead_number" is not a field of leads \(lead_id, /);
    expect(answer.error_zh).toMatch(/^mapping："lead_number" 不是 leads 的字段（lead_id, /);
  });

  it('says a refused file and the rejects in Chinese too: error_zh, reason_zh, the download\'s last column', async () => {
    const refused = await post('/api/import?name=mystery.csv', 'a,b\n1,2\n');
    expect(refused.status).toBe(422);
    const answer = await refused.json();
    expect(answer.error).toMatch(/^mystery\.csv:1: cannot tell which table this file holds from its header \(a, b\)/);
    expect(answer.error_zh).toMatch(/^mystery\.csv:1: 无法从表头\(a, b\)判断此文件属于哪张表:/);
    expect(answer.report.files[0].error_zh).toBe(answer.error_zh);

    const res = await post('/api/import?name=zh.csv', 'lead_id,created_at\nZ1,2025-01-02\nZ2,\n');
    const { files } = await res.json();
    expect(files[0].rejects).toEqual([{ line: 3, column: 'created_at', reason: 'created_at is missing', reason_zh: '缺少 created_at' }]);
    const csv = await (await fetch(`${base}/api/rejects.csv?batch=${files[0].batch_id}`)).text();
    expect(csv.split('\r\n').slice(0, 2)).toEqual(['batch,file,line,column,reason,reason_zh', `${files[0].batch_id},zh.csv,3,created_at,created_at is missing,缺少 created_at`]);
  });

  it('refuses a malformed mapping with 400', async () => {
    const res = await post(`/api/import?name=x.csv&mapping=${encodeURIComponent('{"kind":"nope"}')}`, 'a\n1\n');
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/"kind" must be one of/);
  });
});

describe('formula-safe CSV cells', () => {
  it.each([['=1+2', "'=1+2"], ['+SUM(A1)', "'+SUM(A1)"], ['-3', '-3'], ['-12.5', '-12.5'], ['-2+3', "'-2+3"], ['@cmd', "'@cmd"], ['\tx', "'\tx"], ['a,b', '"a,b"'], ['plain', 'plain'], [null, '']])(
    '%j → %j', (input, output) => {
      expect(safeCell(input)).toBe(output);
    });
});

describe('previews and imports at the same time', () => {
  it('never mix their scratch tables', async () => {
    const db = await openWorkspace(':memory:');
    const server = await startServer({ db, port: 0, host: '127.0.0.1', webRoot: mkdtempSync(join(tmpdir(), 'ltc-noweb-')) });
    const address = server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    try {
      const body = (i: number) => `lead_id,created_at\nL${i},2025-01-0${(i % 9) + 1}\n`;
      const requests = Array.from({ length: 12 }, (_, i) => i % 2
        ? dashboardPost(`${base}/api/import/preview?name=p${i}.csv`, body(i)).then((r) => r.json())
        : dashboardPost(`${base}/api/import?name=l${i}.csv`, body(i)).then((r) => r.json()));
      const answers = await Promise.all(requests);
      for (const [i, answer] of answers.entries()) {
        expect(answer.error, `request ${i}`).toBeUndefined();
        expect(answer.files[0].error, `request ${i}`).toBeUndefined();
      }
      expect(await db.query('SELECT count(*)::INTEGER AS n FROM leads')).toEqual([{ n: 6 }]);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      db.close();
    }
  });
});
