/**
 * Issue 17: the server says every error in English (`error`, as it always did) and in Chinese
 * (`error_zh`), over real HTTP; the value the asker typed stays as typed in both. The Chinese is
 * written here by hand, not read back from the catalogue.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../models/db/database.ts';
import { apiServer, DASHBOARD_HEADERS, rawRequest, type ApiServer } from '../helpers/api-server.ts';
import { workspace } from '../helpers/workspace.ts';

const bundle = {
  'leads.csv': 'lead_id,created_at,source\nL1,2025-01-01,Web\n',
  'orders.csv': 'order_id,created_at,lead_id,amount\nSO1,2025-01-10,L1,100\n',
};

describe('errors in English and Chinese', () => {
  let db: Database;
  let api: ApiServer;

  beforeAll(async () => {
    ({ db } = await workspace(bundle));
    api = await apiServer(db);
  });
  afterAll(() => api.stop(db));

  const answer = async (path: string, headers: Record<string, string> = {}, method = 'GET') => {
    const res = await rawRequest(api.port, { method, path, headers });
    return { status: res.status, body: JSON.parse(res.body) as unknown };
  };

  it('a parameter out of its choices: 400, the value as typed', async () => {
    expect(await answer('/api/trends?by=week')).toEqual({
      status: 400,
      body: { error: 'by must be month or quarter, not "week"', error_zh: 'by 必须是 month 或 quarter，而不是 "week"' },
    });
  });

  it('a date that is no day: 400', async () => {
    expect(await answer('/api/kpis?from=2025-02-30')).toEqual({
      status: 400,
      body: { error: 'from must be a date like 2025-01-31, not "2025-02-30"', error_zh: 'from 必须是日期，如 2025-01-31，而不是 "2025-02-30"' },
    });
  });

  it('a case the workspace does not hold: 404, and a missing id: 400', async () => {
    expect(await answer('/api/case?id=L404')).toEqual({
      status: 404,
      body: {
        error: 'no case "L404": it is not a case, order or opportunity id in this database',
        error_zh: '没有案例 "L404"：它不是此数据库中的案例、订单或商机 ID',
      },
    });
    const missing = await answer('/api/case');
    expect(missing).toEqual({
      status: 400,
      body: {
        error: 'ID is required, e.g. a case id (a lead id, order:<id>, opportunity:<id>, or an order or opportunity id)',
        error_zh: '缺少 ID，例如 一个案例 ID（线索 ID、order:<id>、opportunity:<id>，或订单或商机 ID）',
      },
    });
  });

  it('a change from another origin: 403', async () => {
    expect(await answer('/api/undo?batch=1', { ...DASHBOARD_HEADERS, Origin: 'https://attacker.example' }, 'POST')).toEqual({
      status: 403,
      body: {
        error: 'a request that changes the workspace must come from this server\'s own pages, not from "https://attacker.example"',
        error_zh: '更改工作区的请求必须来自本服务器自己的页面，而不是来自 "https://attacker.example"',
      },
    });
  });

  it('a request naming another host: 421', async () => {
    const { status, body } = await answer('/api/kpis', { Host: 'rebound.example' });
    expect(status).toBe(421);
    expect(body).toMatchObject({
      error: expect.stringMatching(/^this LTC Lens server answers to .*, not to "rebound\.example": open the dashboard by the address the server printed$/),
      error_zh: expect.stringMatching(/^此 LTC Lens 服务器只响应 .*（端口 \d+），不响应 "rebound\.example"：请用服务器打印的地址打开仪表板$/),
    });
  });

  it('an unknown route, a wrong method and a broken address', async () => {
    expect(await answer('/api/nothing-here')).toEqual({
      status: 404, body: { error: 'no such endpoint: /api/nothing-here', error_zh: '没有这个接口：/api/nothing-here' },
    });
    expect(await answer('/api/undo?batch=1', DASHBOARD_HEADERS, 'PUT')).toEqual({
      status: 405, body: { error: 'use POST', error_zh: '请使用 POST' },
    });
    expect(await answer('/api/kpis?from=%E0%A4')).toEqual({
      status: 400,
      body: { error: 'the address has a % escape that is not UTF-8', error_zh: '地址中有不是 UTF-8 的 % 转义' },
    });
  });
});
