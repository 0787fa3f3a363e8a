import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../models/db/database.ts';
import { ATTRIBUTE_MAX_DISTINCT, FIELD_VALUE_LIMIT, filterOptions } from '../../models/filters.ts';
import { workspace } from '../helpers/workspace.ts';

let db: Database | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});

// Five cases: the leads L1–L4 and the order SO9 without a lead (its own case, account A2). Region,
// segment and a missing owner come from the account; a lead case's extra columns are the lead's
// (Tier), an order case's the order's (Channel).
//
//   case  source  owner           region  segment     extra columns
//   L1    Web     Ann             East    SMB         Tier=Gold
//   L2    Web     Bob             West    Enterprise  Tier=Silver
//   L3    Fair    –               –       –           Tier=Gold
//   L4    –       Ann             East    SMB         Tier empty
//   SO9   –       Yan (account)   West    Enterprise  Channel=Direct
const bundle = {
  'accounts.csv': 'account_id,name,region,segment,owner\nA1,Acme,East,SMB,Zed\nA2,Bolt,West,Enterprise,Yan\n',
  'leads.csv': `lead_id,created_at,source,owner,account_id,Tier
L1,2025-01-01,Web,Ann,A1,Gold
L2,2025-01-02,Web,Bob,A2,Silver
L3,2025-01-03,Fair,,,Gold
L4,2025-01-04,,Ann,A1,
`,
  'orders.csv': 'order_id,created_at,lead_id,account_id,amount,Channel\nSO1,2025-01-10,L1,A1,100,Partner\nSO9,2025-01-05,,A2,50,Direct\n',
};

describe('filter options', () => {
  it('list each segment’s values with their cases, the most frequent first, and count the cases without', async () => {
    ({ db } = await workspace(bundle));
    const options = await filterOptions(db);
    expect(options.cases).toBe(5);
    expect(options.fields.map((f) => [f.key, f.distinct_values, f.missing, f.truncated, f.values.map((v) => `${v.value}:${v.cases}`)])).toEqual([
      ['source', 2, 2, false, ['Web:2', 'Fair:1']],
      // ties by name: Bob before Yan
      ['owner', 3, 1, false, ['Ann:2', 'Bob:1', 'Yan:1']],
      ['region', 2, 1, false, ['East:2', 'West:2']],
      ['segment', 2, 1, false, ['Enterprise:2', 'SMB:2']],
    ]);
  });

  it('offer the extra columns of the cases with their values, the ones that segment first', async () => {
    ({ db } = await workspace(bundle));
    const options = await filterOptions(db);
    // SO1's Channel belongs to L1's case, whose extra columns are the lead's: only SO9 carries one,
    // so Channel has one value (not a segment); Tier has two over three cases.
    expect(options.attributes).toEqual([
      {
        key: 'Tier', distinct_values: 2, missing: 2, role: 'segment',
        reason: '2 values that recur over 3 cases', reason_zh: '3 个案例中反复出现的 2 个取值',
        values: [{ value: 'Gold', cases: 2 }, { value: 'Silver', cases: 1 }],
      },
      {
        key: 'Channel', distinct_values: 1, missing: 4, role: 'constant',
        reason: 'the same value for every case that has one', reason_zh: '所有有取值的案例取值相同',
        values: [{ value: 'Direct', cases: 1 }],
      },
    ]);
    expect(options.other_attributes).toEqual([]);
    expect([options.value_limit, options.attribute_max_distinct]).toEqual([200, 200]);
  });

  it('list at most 200 values of a segment and no values of a column with more than 200', async () => {
    // 207 leads: Web ×5, Fair ×3 and 199 single sources S001…S199 → 201 distinct sources; the 200
    // listed are Web, Fair and S001…S198. Email is distinct per lead (207 values): not offered;
    // Tier has 2 values (Gold on the first 30 leads, Silver on the other 177).
    const sources = [...Array(5).fill('Web'), ...Array(3).fill('Fair'), ...Array.from({ length: 199 }, (_, i) => `S${String(i + 1).padStart(3, '0')}`)];
    const rows = sources.map((source, i) => `L${i + 1},2025-01-01,${source},l${i + 1}@example.com,${i < 30 ? 'Gold' : 'Silver'}`);
    ({ db } = await workspace({ 'leads.csv': `lead_id,created_at,source,Email,Tier\n${rows.join('\n')}\n` }));
    const options = await filterOptions(db);
    const source = options.fields[0];
    expect([source.key, source.distinct_values, source.truncated, source.values.length]).toEqual(['source', 201, true, FIELD_VALUE_LIMIT]);
    expect(source.values.slice(0, 3)).toEqual([{ value: 'Web', cases: 5 }, { value: 'Fair', cases: 3 }, { value: 'S001', cases: 1 }]);
    expect(source.values.at(-1)).toEqual({ value: 'S198', cases: 1 });
    expect(options.fields[1]).toEqual({ key: 'owner', distinct_values: 0, missing: 207, truncated: false, values: [] });
    expect(options.attributes.map((a) => [a.key, a.role, a.distinct_values, a.missing, a.values])).toEqual([
      ['Tier', 'segment', 2, 0, [{ value: 'Silver', cases: 177 }, { value: 'Gold', cases: 30 }]]]);
    expect(options.other_attributes.map((a) => [a.key, a.role, a.distinct_values, a.missing])).toEqual([['Email', 'id', 207, 0]]);
    expect(ATTRIBUTE_MAX_DISTINCT).toBeLessThan(207);
  });

  it('are empty for an empty workspace', async () => {
    ({ db } = await workspace({}));
    const options = await filterOptions(db);
    expect(options.cases).toBe(0);
    expect(options.fields.map((f) => [f.key, f.distinct_values, f.values])).toEqual([
      ['source', 0, []], ['owner', 0, []], ['region', 0, []], ['segment', 0, []]]);
    expect(options.attributes).toEqual([]);
  });
});
