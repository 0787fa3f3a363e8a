/** The names of the LTC milestones: the funnel's stages and an opportunity's outcomes (models/funnel.ts, transitions.ts). */
import type { Catalogue } from './catalogue.ts';

export const STAGE_LABELS = {
  lead_created: { en: 'Lead created', zh: '线索创建' },
  qualified: { en: 'Qualified', zh: '已确认' },
  opportunity_created: { en: 'Opportunity', zh: '商机' },
  quote_sent: { en: 'Quote sent', zh: '报价' },
  order_created: { en: 'Order', zh: '订单' },
  delivered: { en: 'Delivered', zh: '交付' },
  invoiced: { en: 'Invoiced', zh: '开票' },
  paid: { en: 'Paid', zh: '回款' },
  won: { en: 'Won', zh: '赢单' },
  lost: { en: 'Lost', zh: '丢单' },
} as const satisfies Catalogue;

/** A transition named by its two milestones, "Order → Delivered". */
export const TRANSITION_LABEL = {
  transition: { en: '{from} → {to}', zh: '{from} → {to}' },
} as const satisfies Catalogue;
