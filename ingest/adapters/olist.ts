/**
 * Olist's marketing funnel (fixtures/olist; Brazilian e-commerce marketplace, public Kaggle data):
 * marketing qualified leads (mql_id, first_contact_date, origin) become leads; closed deals (mql_id,
 * seller_id, won_date, segment …) become won opportunities of those leads, the seller being the deal.
 */
import { findHeader, type Adapter } from './adapter.ts';

const olist: Adapter = {
  id: 'olist',
  detect(file) {
    const h = (...names: string[]) => findHeader(file.headers, ...names);
    const mql = h('mql_id');
    if (!mql) return null;
    const firstContact = h('first_contact_date');
    if (firstContact) {
      return {
        adapter: 'olist', preset: 'olist/marketing_qualified_leads', confidence: 1,
        targets: [{ kind: 'leads', fields: { lead_id: mql, created_at: firstContact, ...(h('origin') ? { source: h('origin')! } : {}) } }],
      };
    }
    const seller = h('seller_id');
    const won = h('won_date');
    if (!seller || !won) return null;
    return {
      adapter: 'olist', preset: 'olist/closed_deals', confidence: 1,
      targets: [{
        kind: 'opportunities',
        fields: {
          opportunity_id: seller, lead_id: mql, created_at: won, closed_at: won,
          is_closed: { sql: `'true'`, label: 'closed deal' }, is_won: { sql: `'true'`, label: 'closed deal' },
          stage: { sql: `'Won'`, label: 'closed deal' },
          ...(h('sr_id') ? { owner: h('sr_id')! } : {}),
        },
      }],
    };
  },
};

export default olist;
