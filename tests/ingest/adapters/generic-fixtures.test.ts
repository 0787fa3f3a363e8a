import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../models/db/database.ts';
import { fixture, needsShared } from '../../helpers/fixtures.ts';
import { importAndRebuild, openWorkspace } from '../../../app/workspace.ts';

let db: Database;
afterEach(() => db?.close());

async function load(...files: string[]) {
  db = await openWorkspace(':memory:');
  return (await importAndRebuild(db, files.map((f) => ({ path: fixture(f), name: f })))).files;
}

const needs = needsShared('generic adapter on real exports', ['crm-sales-opportunities', 'olist', 'eventlogs/running-example.csv']);

describe('real exports read by the generic, Maven CRM and Olist adapters, with no flags', needs, () => {
  it('crm-sales-opportunities: deals, accounts, products and sales teams', async () => {
    const files = await load(
      'crm-sales-opportunities/sales_pipeline.csv', 'crm-sales-opportunities/accounts.csv',
      'crm-sales-opportunities/products.csv', 'crm-sales-opportunities/sales_teams.csv');
    expect(files.map((f) => [f.kind, f.rows_read, f.rows_loaded, f.rows_rejected])).toEqual([
      ['opportunities', 8800, 8800, 0], ['accounts', 85, 85, 0], ['products', 7, 7, 0], ['owners', 35, 35, 0]]);
    // The 500 deals still prospecting have no engage date: loaded as undated open opportunities, not rejected.
    expect(await db.query(`SELECT stage, count(*)::INTEGER AS n FROM opportunities WHERE created_at IS NULL GROUP BY stage`))
      .toEqual([{ stage: 'Prospecting', n: 500 }]);
    const [deal] = await db.query(`SELECT strftime(created_at, '%Y-%m-%d') AS created, strftime(closed_at, '%Y-%m-%d') AS closed,
      amount, stage, is_won, is_closed, owner, account_id FROM opportunities WHERE opportunity_id = '1C1I7A6R'`);
    expect(deal).toEqual({ created: '2016-10-20', closed: '2017-03-01', amount: 1054, stage: 'Won', is_won: true, is_closed: true,
      owner: 'Moses Frase', account_id: 'Cancity' });
    const [open] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM opportunities WHERE stage = 'Engaging' AND NOT is_closed AND closed_at IS NULL`);
    expect(open.n).toBe(1589);
    expect(await db.query(`SELECT name, industry, region FROM accounts WHERE account_id = 'Acme Corporation'`)).toEqual([
      { name: null, industry: 'technolgy', region: 'United States' }]);
    expect(await db.query(`SELECT manager, region FROM owners WHERE owner = 'Anna Snelling'`)).toEqual([{ manager: 'Dustin Brinkmann', region: 'Central' }]);
    expect(await db.query(`SELECT category, list_price FROM products WHERE product = 'GTX Basic'`)).toEqual([{ category: 'GTX', list_price: 550 }]);
  });

  it('the same deals with US dates are read month-first and change nothing', async () => {
    const files = await load('crm-sales-opportunities/sales_pipeline.csv', 'crm-sales-opportunities/sales_pipeline_us_dates.csv');
    expect(files[1]).toMatchObject({ rows_loaded: 8800, rows_unchanged: 8800, rows_inserted: 0, rows_updated: 0 });
    expect(files[1].formats?.created_at).toMatch(/^M\/D\/Y/);
  });

  it('olist: marketing qualified leads and their closed deals', async () => {
    const files = await load('olist/olist_marketing_qualified_leads_dataset.csv', 'olist/olist_closed_deals_dataset.csv');
    expect(files.map((f) => [f.preset, f.rows_loaded, f.rows_rejected])).toEqual([
      ['olist/marketing_qualified_leads', 8000, 0], ['olist/closed_deals', 380, 0]]);
    expect(await db.query(`SELECT strftime(created_at, '%Y-%m-%d') AS created, source FROM leads WHERE lead_id = 'dac32acd4db4c29c230538b72f8dd87d'`))
      .toEqual([{ created: '2018-02-01', source: 'social' }]);
    expect(await db.query(`SELECT lead_id, strftime(created_at, '%Y-%m-%d %H:%M') AS won, is_won FROM opportunities WHERE opportunity_id = '2c43fb513632d29b3b58df74816f1b06'`))
      .toEqual([{ lead_id: '5420aad7fec3549a85876ba1c529bd84', won: '2018-02-26 19:58', is_won: true }]);
    // Every closed deal links to a known lead, so each is a case of its lead.
    expect(await db.query(`SELECT count(*)::INTEGER AS n FROM model.cases WHERE origin = 'opportunity'`)).toEqual([{ n: 0 }]);
  });

  it('an event-log CSV (pm4py running example) goes into events, XES names first, offsets to UTC', async () => {
    const files = await load('eventlogs/running-example.csv');
    expect(files[0]).toMatchObject({ kind: 'events', rows_loaded: 42, rows_rejected: 0 });
    expect(files[0].mapping).toMatchObject({ case_id: 'case:concept:name', activity: 'concept:name', timestamp: 'time:timestamp', resource: 'org:resource' });
    const [first] = await db.query(`SELECT case_id, activity, strftime("timestamp", '%Y-%m-%d %H:%M') AS at, resource FROM events ORDER BY event_index LIMIT 1`);
    expect(first).toEqual({ case_id: '3', activity: 'register request', at: '2010-12-30 13:32', resource: 'Pete' });
  });
});
