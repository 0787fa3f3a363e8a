/**
 * Which extra columns segment the cases: the rules on small hand-made columns, and on the columns of
 * the Salesforce (Fivetran) export, where the lead's 380 and the orders' 110 raw columns must not
 * crowd out the dozen that segment. Every expectation below was read off the CSV files by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../models/db/database.ts';
import { columnRole, type ColumnStats } from '../../models/filter-column-roles.ts';
import { filterOptions, type FilterOptions } from '../../models/filters.ts';
import { fixture, needsShared } from '../helpers/fixtures.ts';
import { importAndRebuild, openWorkspace } from '../../app/workspace.ts';

const stats = (key: string, distinct: number, present: number, extra: Partial<ColumnStats> = {}): ColumnStats =>
  ({ key, distinct_values: distinct, present, dated: 0, id_like: 0, ...extra });

describe('column roles', () => {
  it('put the export tool’s and the source system’s own fields aside, whatever their values', () => {
    for (const key of ['_fivetran_synced', '_fivetran_active', '_sdc_batched_at', '_airbyte_ab_id', 'SystemModstamp',
      'system_modstamp', 'is_deleted', 'IsDeleted', 'created_by_id', 'CreatedById', 'last_modified_by_id']) {
      expect(columnRole(stats(key, 3, 100)).role, key).toBe('tool');
    }
  });

  it('put aside columns without values or with one value', () => {
    expect(columnRole(stats('Tier', 0, 0))).toMatchObject({ role: 'constant', reason: 'no case has a value' });
    expect(columnRole(stats('Country', 1, 40)).role).toBe('constant');
  });

  it('put aside dates, ids by name, ids by their look and near-unique columns', () => {
    expect(columnRole(stats('signed_on', 12, 40, { dated: 40 })).role).toBe('date');
    // one value that does not read as a date keeps the column in play
    expect(columnRole(stats('quarter', 4, 40, { dated: 39 })).role).toBe('segment');
    expect(columnRole(stats('account_id', 5, 40)).role).toBe('id');
    expect(columnRole(stats('ownerId', 5, 40)).role).toBe('id');
    expect(columnRole(stats('Customer ID', 5, 40)).role).toBe('id');
    expect(columnRole(stats('billing_account', 5, 40, { id_like: 40 })).role).toBe('id');
    // 18 of 20 distinct is near-unique; 17 of 20 is not
    expect(columnRole(stats('email', 18, 20))).toMatchObject({ role: 'id', reason: 'nearly one value per case (18 values over 20 cases): an id, a name or free text' });
    expect(columnRole(stats('city', 17, 20)).role).toBe('segment');
    // too few cases to tell
    expect(columnRole(stats('plan', 4, 4)).role).toBe('segment');
  });

  it('offer a few to a few hundred recurring values as a segment, and no more', () => {
    expect(columnRole(stats('Industry', 2, 1000))).toEqual({
      role: 'segment', reason: '2 values that recur over 1,000 cases', reason_zh: '1,000 个案例中反复出现的 2 个取值',
    });
    expect(columnRole(stats('Product', 200, 5000)).role).toBe('segment');
    expect(columnRole(stats('Postcode', 201, 5000)).role).toBe('many');
    // Paid, Valid: not ids
    expect(columnRole(stats('Paid', 2, 50)).role).toBe('segment');
  });
});

const SALESFORCE = ['salesforce/sf_account_data.csv', 'salesforce/sf_lead_data.csv', 'salesforce/sf_opportunity_data.csv',
  'salesforce/sf_opportunity_history_data.csv', 'salesforce/sf_opportunity_line_item_data.csv', 'salesforce/sf_order_data.csv'];

describe('the Salesforce export’s columns', needsShared('Salesforce export', SALESFORCE), () => {
  let db: Database;
  let options: FilterOptions;
  beforeAll(async () => {
    db = await openWorkspace(':memory:');
    const files = SALESFORCE.map((path) => ({ path: fixture(path), name: path.split('/')[1] }));
    const report = await importAndRebuild(db, files);
    expect(report.files.filter((f) => f.error)).toEqual([]);
    options = await filterOptions(db);
  });
  afterAll(() => db?.close());

  const role = (key: string) => [...options.attributes, ...options.other_attributes].find((a) => a.key === key)?.role;

  it('offer the order columns whose values recur first, with their values', () => {
    // The 10 orders (no lead of their own: each is its own case) carry the order file's columns.
    // shipping_state: New York ×4, Florida ×4, Maryland ×2; invoicing_type_c: Other ×5, Prepaid Credits ×5;
    // billing_city: New York, NY ×2, New York ×2, Baltimore ×2, Fort Lauderdale ×2, Tampa ×2.
    const state = options.attributes.find((a) => a.key === 'shipping_state')!;
    expect([state.role, state.distinct_values, state.values.map((v) => `${v.value}:${v.cases}`)])
      .toEqual(['segment', 3, ['Florida:4', 'New York:4', 'Maryland:2']]);
    expect([role('invoicing_type_c'), role('billing_city')]).toEqual(['segment', 'segment']);
    // the segments come first
    const firstOther = options.attributes.findIndex((a) => a.role !== 'segment');
    expect(options.attributes.slice(firstOther).every((a) => a.role !== 'segment')).toBe(true);
    expect(firstOther).toBeGreaterThan(0);
  });

  it('keep the export’s own fields, ids and constants behind', () => {
    // Fivetran's and Salesforce's bookkeeping
    for (const key of ['_fivetran_synced', 'system_modstamp', 'is_deleted', 'created_by_id', 'last_modified_by_id', 'last_modified_date']) {
      expect(role(key), key).toBe('tool');
    }
    // order_number: ten numbers for ten orders; blng_billing_account_c: Salesforce account ids
    expect([role('order_number'), role('blng_billing_account_c')]).toEqual(['id', 'id']);
    // billing_country: United States on every order; bizible_2_account_c: empty on the lead
    expect([role('billing_country'), role('bizible_2_account_c')]).toEqual(['constant', 'constant']);
    const segments = options.attributes.filter((a) => a.role === 'segment');
    const all = options.attributes.length + options.other_attributes.length;
    expect(all).toBeGreaterThan(400);
    expect(segments.length).toBeLessThanOrEqual(20);
    expect(segments.some((a) => a.key.startsWith('_') || a.key.endsWith('_id'))).toBe(false);
  });
});
