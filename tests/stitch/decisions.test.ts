/**
 * Accepted links count like id links (the order joins its opportunity's case, link quality says "by
 * match"); each decision is a batch that undo takes back exactly; a rejected pair is not suggested again.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caseTimeline } from '../../models/case-timeline.ts';
import type { Database } from '../../models/db/database.ts';
import { linkQuality } from '../../models/links.ts';
import { kpis } from '../../models/measures.ts';
import { suggestLinks } from '../../models/stitch/suggest.ts';
import { workspace } from '../helpers/workspace.ts';
import { decideAndRebuild, undoAndRebuild } from '../../app/workspace.ts';

// CRM: lead L1 became opportunity O1 of Acme (won 2025-03-01, 1000); O2 of 华信 (won 2025-04-10, 5000).
// ERP: order SO-1 of "ACME LABS Incorporated" on 2025-03-04 for 1130 (13% VAT), invoiced and paid;
// SO-2 of 上海华信科技 on 2025-04-12 for 5000; SO-3 of a customer the CRM does not know.
const BUNDLE = {
  'leads.csv': `lead_id,created_at,source,owner,account_id,opportunity_id
L1,2025-02-01 09:00:00,Web,ana,A1,O1
`,
  'accounts.csv': `account_id,name,segment
A1,Acme Labs Inc.,Enterprise
A2,上海华信科技有限公司,SMB
`,
  'opportunities.csv': `opportunity_id,created_at,lead_id,account_id,stage,is_closed,is_won,closed_at,amount
O1,2025-02-10 09:00:00,L1,A1,Closed Won,true,true,2025-03-01 10:00:00,1000
O2,2025-03-20 09:00:00,,A2,Closed Won,true,true,2025-04-10 10:00:00,5000
`,
  'orders.csv': `order_id,created_at,amount,Customer Name
SO-1,2025-03-04 12:00:00,1130,ACME LABS Incorporated
SO-2,2025-04-12 12:00:00,5000,上海华信科技
SO-3,2025-04-13 12:00:00,720,Zeta Foods GmbH
`,
  'invoices.csv': `invoice_id,order_id,issued_at,amount
INV-1,SO-1,2025-03-10 00:00:00,1130
`,
  'payments.csv': `payment_id,invoice_id,paid_at,amount
P-1,INV-1,2025-03-30 00:00:00,1130
`,
};

/** A conversion window the one lead has completed by the data end. */
const WINDOW = { windowDays: 60 };

describe('deciding on suggested links', () => {
  let db: Database;
  beforeEach(async () => {
    ({ db } = await workspace(BUNDLE));
  });
  afterEach(() => db.close());

  const caseOf = async (order: string) =>
    (await db.query<{ case_id: string; link: string }>('SELECT case_id, link FROM model.order_cases WHERE order_id = $1', [order]))[0];

  it('suggests the two true pairs, and nothing for the unknown customer', async () => {
    const suggestions = await suggestLinks(db);
    expect(suggestions.map((s) => `${s.from_id}→${s.to_id}`).sort()).toEqual(['O1→SO-1', 'O2→SO-2']);
    const acme = suggestions.find((s) => s.from_id === 'O1')!;
    expect(acme.evidence).toEqual([
      { kind: 'name', from: 'Acme Labs Inc.', to: 'ACME LABS Incorporated', score: 1, rule: 'same' },
      { kind: 'amount', from: 1000, to: 1130, rule: '+13% tax' },
      { kind: 'date', days: 3 },
    ]);
    expect(acme.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('accepting traces the order to the lead of its opportunity; undo restores every number', async () => {
    const beforeKpis = await kpis(db, WINDOW);
    const beforeLinks = await linkQuality(db);
    expect(await caseOf('SO-1')).toEqual({ case_id: 'order:SO-1', link: 'none' });
    expect(beforeLinks.orders).toMatchObject({ total: 3, traced_to_lead: 0, traced_by_id: 0, traced_by_match: 0, untraced: 3 });

    const [acme] = (await suggestLinks(db)).filter((s) => s.from_id === 'O1');
    const result = await decideAndRebuild(db, 'accepted', { ids: [acme.id] });
    expect(result.batch_id).toBeGreaterThan(0);
    expect(await caseOf('SO-1')).toEqual({ case_id: 'L1', link: 'match' });

    const after = await linkQuality(db);
    // SO-1 now reaches lead L1 through O1; SO-2 and SO-3 are still untraced.
    expect(after.orders).toMatchObject({ total: 3, traced_to_lead: 1, through_opportunity: 1, traced_by_id: 0, traced_by_match: 1, untraced: 2 });
    const conversion = (await kpis(db, WINDOW)).kpis.find((k) => k.id === 'lead_conversion_rate')!;
    const conversionBefore = beforeKpis.kpis.find((k) => k.id === 'lead_conversion_rate')!;
    // One lead (2025-02-01, mature within 60 days of the data end 2025-04-13): without its order it had
    // not converted; with SO-1 of 2025-03-04 it has.
    expect(conversionBefore.value).toBe(0);
    expect(conversion.value).toBe(1);

    // The case takes the CRM account's segment and its lead's source.
    const [lead] = await db.query<{ source: string; segment: string; paid: boolean }>(
      "SELECT source, segment, paid_at IS NOT NULL AS paid FROM model.cases WHERE case_id = 'L1'");
    expect(lead).toEqual({ source: 'Web', segment: 'Enterprise', paid: true });

    // The case's timeline names the link the order came by.
    const timeline = await caseTimeline(db, 'SO-1');
    expect(timeline!.objects.find((r) => r.type === 'order' && r.id === 'SO-1')).toMatchObject({ link: 'record_links', parent_type: 'opportunity', parent_id: 'O1' });

    await undoAndRebuild(db, result.batch_id!);
    expect(await kpis(db, WINDOW)).toEqual(beforeKpis);
    expect(await linkQuality(db)).toEqual(beforeLinks);
    expect((await suggestLinks(db)).map((s) => s.from_id).sort()).toEqual(['O1', 'O2']);
  });

  it('accepts every suggestion at or above a confidence, and does not suggest them again', async () => {
    const open = await suggestLinks(db);
    const result = await decideAndRebuild(db, 'accepted', { minConfidence: 0.9 });
    expect(result.links.map((l) => l.id).sort()).toEqual(open.filter((s) => s.confidence >= 0.9).map((s) => s.id).sort());
    const left = await suggestLinks(db);
    expect(left.filter((s) => result.links.some((l) => l.id === s.id))).toEqual([]);
    const batches = await db.query<{ kind: string; rows_loaded: number }>('SELECT kind, rows_loaded::INTEGER AS rows_loaded FROM import_batches WHERE batch_id = $1', [result.batch_id]);
    expect(batches).toEqual([{ kind: 'links', rows_loaded: result.links.length }]);
  });

  it('a rejected pair is not suggested again, and its records stay apart', async () => {
    const huaxin = (await suggestLinks(db)).find((s) => s.from_id === 'O2')!;
    await decideAndRebuild(db, 'rejected', { ids: [huaxin.id] });
    expect((await suggestLinks(db)).map((s) => s.from_id)).toEqual(['O1']);
    expect(await caseOf('SO-2')).toEqual({ case_id: 'order:SO-2', link: 'none' });
    await expect(decideAndRebuild(db, 'accepted', { ids: [huaxin.id] })).rejects.toThrow(/no open suggestion/);
  });
});

describe('order → invoice', () => {
  it('links an invoice whose order is not loaded to the order it names in a reference column', async () => {
    const { db } = await workspace({
      'orders.csv': `order_id,created_at,amount,Customer Name
SO-7,2025-05-02 09:00:00,2000,Granite Energy GmbH
SO-8,2025-05-03 09:00:00,2000,Granite Energy GmbH
`,
      'invoices.csv': `invoice_id,order_id,issued_at,amount,Customer,Reference
INV-70,ERP-5531,2025-05-09 00:00:00,2380,GRANITE ENERGY GMBH,for SO-8
`,
    });
    try {
      const [link] = await suggestLinks(db);
      expect(link).toMatchObject({ from_table: 'orders', from_id: 'SO-8', to_table: 'invoices', to_id: 'INV-70', ambiguous: false });
      expect(link.evidence).toContainEqual({ kind: 'reference', field: 'Reference', value: 'for SO-8', names: 'from' });
      expect(link.evidence).toContainEqual({ kind: 'amount', from: 2000, to: 2380, rule: '+19% tax' });
      await decideAndRebuild(db, 'accepted', { ids: [link.id] });
      const [facts] = await db.query<{ invoices: number }>("SELECT invoices::INTEGER AS invoices FROM model.order_facts WHERE order_id = 'SO-8'");
      expect(facts.invoices).toBe(1);
      expect((await linkQuality(db)).invoices).toEqual({ traced_by_id: 0, traced_by_match: 1 });
      expect((await linkQuality(db)).orphans.find((o) => o.table === 'invoices')!.count).toBe(0);
    } finally {
      db.close();
    }
  });
});
