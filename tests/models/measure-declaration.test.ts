/**
 * A measure is one declaration (models/measure-catalog.ts): a throw-away measure declared once, with
 * its own items query, is computed by kpis, compared by compare and followed by trends.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compare } from '../../models/compare.ts';
import type { Database } from '../../models/db/database.ts';
import { MEASURES, registerMeasure, type MeasureDeclaration } from '../../models/measure-catalog.ts';
import { kpis } from '../../models/measures.ts';
import { trends } from '../../models/trends.ts';
import { workspace } from '../helpers/workspace.ts';

const ORDER_TO_FIRST_DELIVERY: MeasureDeclaration = {
  id: 'order_to_first_delivery_days', label: 'Order to first delivery', label_zh: '订单到首次发货', unit: 'days', better: 'lower',
  items: new URL('./order-to-first-delivery.sql', import.meta.url),
  needs: (f) => (f.orders > 0 && f.deliveries > 0 ? null : ['needs orders and deliveries', '需要订单和发货数据']),
};

// First deliveries: SO1 3 days (its second delivery does not count), SO2 half a day, SO4 10 days;
// SO3 is never delivered (open). data_end = 2025-03-11 (D4).
const bundle = {
  'orders.csv': `order_id,created_at,amount
SO1,2025-01-10,100
SO2,2025-02-01 12:00:00,100
SO3,2025-02-15,100
SO4,2025-03-01,100
`,
  'deliveries.csv': `delivery_id,order_id,delivered_at
D1,SO1,2025-01-13
D2,SO1,2025-01-20
D3,SO2,2025-02-02
D4,SO4,2025-03-11
`,
};

let db: Database;
let unregister: () => void;

beforeAll(async () => {
  unregister = registerMeasure(ORDER_TO_FIRST_DELIVERY);
  ({ db } = await workspace(bundle));
});
afterAll(() => {
  db?.close();
  unregister?.();
});

const ours = <T extends { id: string }>(list: readonly T[]): T => list.find((m) => m.id === ORDER_TO_FIRST_DELIVERY.id)!;

describe('a measure declared once', () => {
  it('is in the catalogue after the declared measures, and out again when taken out', () => {
    expect(MEASURES.at(-1)).toEqual({
      id: 'order_to_first_delivery_days', label: 'Order to first delivery', label_zh: '订单到首次发货', unit: 'days', better: 'lower',
    });
    const again = registerMeasure({ ...ORDER_TO_FIRST_DELIVERY, id: 'second_throw_away' });
    expect(MEASURES.map((m) => m.id)).toContain('second_throw_away');
    again();
    expect(MEASURES.map((m) => m.id)).not.toContain('second_throw_away');
  });

  it('is computed by kpis from its items query', async () => {
    const m = ours((await kpis(db)).kpis);
    expect(m).toMatchObject({ available: true, n: 3, censored: 1, excluded: 0, median: 3, thin: true });
    expect(m.value).toBeCloseTo((3 + 0.5 + 10) / 3, 12);
    // The same figures by a plain query on the same tables.
    const [plain] = await db.query<{ n: number; mean: number }>(`
      SELECT count(*)::INTEGER AS n, avg(date_diff('second', o.created_at, d.first_at) / 86400) AS mean
      FROM orders o JOIN (SELECT order_id, min(delivered_at) AS first_at FROM deliveries GROUP BY order_id) d USING (order_id)`);
    expect(m.n).toBe(plain.n);
    expect(m.value).toBeCloseTo(plain.mean, 12);
  });

  it('says what it needs when the data lack it', async () => {
    const { db: bare } = await workspace({ 'orders.csv': bundle['orders.csv'] });
    try {
      expect(ours((await kpis(bare)).kpis)).toMatchObject({ available: false, value: null, note: 'needs orders and deliveries' });
    } finally {
      bare.close();
    }
  });

  it('is compared before and after a cut-over', async () => {
    const result = await compare(db, { cutover: '2025-02-01' });
    const c = ours(result.kpis);
    expect(c.before).toMatchObject({ n: 1, value: 3, censored: 0 });
    expect(c.after).toMatchObject({ n: 2, value: 5.25, median: 5.25, censored: 1 });
    expect(c).toMatchObject({ unit: 'days', test: 'Mann–Whitney U', improved: false, p_value: null, median_diff: 2.25 });
    expect(c.change_pct).toBeCloseTo(0.75, 12);
  });

  it('is followed month by month by trends', async () => {
    const result = await trends(db);
    expect(result.periods.map((p) => p.period)).toEqual(['2025-01', '2025-02', '2025-03']);
    const t = ours(result.measures);
    expect(t.points.map((p) => [p.period, p.n, p.value, p.censored])).toEqual([
      ['2025-01', 1, 3, 0],
      ['2025-02', 1, 0.5, 1],
      ['2025-03', 1, 10, 0],
    ]);
    expect(t.total).toMatchObject({ period: 'total', n: 3, censored: 1 });
  });
});
