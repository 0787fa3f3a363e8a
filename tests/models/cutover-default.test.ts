/**
 * The cut-over offered when none is chosen: the change point of a world with a planted change, the
 * middle of the dated range (to the nearest first of a month) when the series are too short to
 * suggest one, nothing on an empty workspace.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { defaultCutover, middleMonth } from '../../models/cutover-default.ts';
import type { Database } from '../../models/db/database.ts';
import { PLANTED_CHANGE, plantedChangeWorld } from '../helpers/dated-world.ts';
import { workspace } from '../helpers/workspace.ts';

let db: Database | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});

describe('default cut-over', () => {
  it('is the change point of a world with a planted change', async () => {
    ({ db } = await workspace(plantedChangeWorld()));
    const result = await defaultCutover(db);
    expect(result).toEqual({
      cutover: PLANTED_CHANGE, source: 'change-point',
      data_start: '2018-01-05T09:00:00', data_end: '2019-12-15T09:00:00',
    });
  });

  it('is the middle of the dated range when the months are too few for a change point', async () => {
    // Three months of leads: 2018-01-10 … 2018-03-20, orders 5 days later (the last on 2018-03-25).
    // 74 days from start to end: the middle is 2018-02-16, 15 days after Feb 1, 13 before Mar 1.
    ({ db } = await workspace({
      'leads.csv': 'lead_id,created_at\nL1,2018-01-10\nL2,2018-02-14\nL3,2018-03-20\n',
      'orders.csv': 'order_id,created_at,lead_id,amount\nO1,2018-01-15,L1,10\nO3,2018-03-25,L3,10\n',
    }));
    expect(await defaultCutover(db)).toEqual({
      cutover: '2018-03-01', source: 'middle', data_start: '2018-01-10T00:00:00', data_end: '2018-03-25T00:00:00',
    });
  });

  it('is the middle of an opportunity-only workspace’s range when no measure has a monthly series', async () => {
    // Opportunities created 2016-10-20 … closed 2017-12-31: 437 days, middle 2017-05-26 12:00 → 2017-06-01.
    ({ db } = await workspace({
      'opportunities.csv': 'opportunity_id,created_at,stage,is_closed,is_won,closed_at,amount\n'
        + 'P1,2016-10-20,Won,true,true,2017-03-01,100\nP2,2017-02-01,Lost,true,false,2017-12-31,50\n',
    }));
    const result = await defaultCutover(db);
    expect([result.cutover, result.source, result.data_start, result.data_end])
      .toEqual(['2017-06-01', 'middle', '2016-10-20T00:00:00', '2017-12-31T00:00:00']);
  });

  it('is absent on an empty workspace', async () => {
    ({ db } = await workspace({}));
    expect(await defaultCutover(db)).toEqual({ cutover: null, source: null, data_start: null, data_end: null });
  });

  it('rounds the middle to the nearest first of a month', () => {
    expect(middleMonth('2018-01-01', '2019-12-31')).toBe('2019-01-01');
    // Jan 1 … Feb 2: the middle is Jan 17, 16 days after Jan 1 and 15 before Feb 1.
    expect(middleMonth('2018-01-01T00:00:00', '2018-02-02T00:00:00')).toBe('2018-02-01');
    expect(middleMonth('2018-01-01', '2018-01-29')).toBe('2018-01-01');
  });
});
