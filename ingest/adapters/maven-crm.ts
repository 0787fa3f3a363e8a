/**
 * The "CRM Sales Opportunities" layout (Maven Analytics sample CRM; fixtures/crm-sales-opportunities):
 * one row per deal with its agent, product, account and stage. Deals become opportunities; the stage
 * says whether a deal is closed and won. A deal still "Prospecting" has no engage date yet: it is
 * loaded as an undated open opportunity (created_at empty, never an invented date), counted in the
 * pipeline and left out of the dated measures.
 * (Its accounts.csv, products.csv and sales_teams.csv are read by the generic adapter.)
 */
import { col, findHeader, type Adapter } from './adapter.ts';

const mavenCrm: Adapter = {
  id: 'maven-crm',
  detect(file) {
    const h = (...names: string[]) => findHeader(file.headers, ...names);
    const id = h('opportunity_id');
    const stage = h('deal_stage');
    const engaged = h('engage_date');
    if (!id || !stage || !engaged) return null;
    const expected = ['opportunity_id', 'sales_agent', 'product', 'account', 'deal_stage', 'engage_date', 'close_date', 'close_value'];
    const found = expected.filter((name) => h(name) !== undefined).length;
    const closed = `lower(trim(${col(stage)})) IN ('won', 'lost')`;
    const closeDate = h('close_date');
    return {
      adapter: 'maven-crm',
      preset: 'maven-crm/sales_pipeline',
      confidence: found / expected.length,
      targets: [{
        kind: 'opportunities',
        fields: {
          opportunity_id: id,
          created_at: engaged,
          stage,
          is_closed: { sql: `CASE WHEN ${closed} THEN 'true' ELSE 'false' END`, label: `${stage} (Won/Lost = closed)` },
          is_won: { sql: `CASE WHEN lower(trim(${col(stage)})) = 'won' THEN 'true' ELSE 'false' END`, label: `${stage} (Won)` },
          ...(closeDate ? { closed_at: { sql: `CASE WHEN ${closed} THEN ${col(closeDate)} END`, label: closeDate } } : {}),
          ...(h('close_value') ? { amount: h('close_value')! } : {}),
          ...(h('sales_agent') ? { owner: h('sales_agent')! } : {}),
          ...(h('account') ? { account_id: h('account')! } : {}),
        },
      }],
    };
  },
};

export default mavenCrm;
