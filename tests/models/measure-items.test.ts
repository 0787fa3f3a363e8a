/**
 * model.lead_items, invoice_items, order_items and opportunity_items (models/sql/11-measure-items.sql) hold exactly
 * the items the measure queries used to join from the facts and the cases on every request: the same
 * rows, as many times each, on the sample data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleWorkspace } from '../helpers/workspace.ts';
import type { Database } from '../../models/db/database.ts';

/** Each table beside the join it replaces, columns in the same order. */
const JOINS: Record<string, string> = {
  lead_items: `SELECT case_id, lead_created_at, order_created_at, paid_at, source, owner, region, segment, attributes
    FROM model.cases WHERE origin = 'lead' AND lead_created_at IS NOT NULL`,
  invoice_items: `SELECT i.invoice_id, i.issued_at, i.paid_at, c.source, c.owner, c.region, c.segment, c.attributes
    FROM model.invoice_facts i LEFT JOIN model.cases c USING (case_id)
    WHERE i.amount > ltc_payment_tolerance() AND i.issued_at IS NOT NULL`,
  order_items: `SELECT o.case_id, o.created_at, o.last_delivered_at, o.first_issued_at,
      o.first_issued_at = o.created_at AND EXISTS (
        SELECT 1 FROM orders ord JOIN invoices i ON i.invoice_id = ord.order_id AND i.order_id = ord.order_id
        WHERE ord.order_id = o.order_id AND i.issued_at = ord.created_at AND i.batch_id IS NOT DISTINCT FROM ord.batch_id),
      c.source, c.owner, c.region, c.segment, c.attributes
    FROM model.order_facts o JOIN model.cases c USING (case_id) WHERE o.created_at IS NOT NULL`,
  opportunity_items: `SELECT oc.case_id, o.created_at, o.closed_at, o.is_closed, o.is_won, o.amount, c.source, c.owner, c.region, c.segment, c.attributes
    FROM opportunities o JOIN model.opportunity_cases oc ON oc.opportunity_id = o.opportunity_id
    JOIN model.cases c ON c.case_id = oc.case_id WHERE o.created_at IS NOT NULL`,
};

describe('the measure item tables on the sample data', () => {
  let db: Database;
  beforeAll(async () => {
    db = await sampleWorkspace();
  });
  afterAll(() => db?.close());

  for (const [table, join] of Object.entries(JOINS)) {
    it(`${table} holds the rows of the join it replaces`, async () => {
      const [{ n, missing, extra }] = await db.query<{ n: number; missing: number; extra: number }>(`SELECT
        (SELECT count(*) FROM model.${table})::INTEGER AS n,
        (SELECT count(*) FROM ((${join}) EXCEPT ALL (SELECT * FROM model.${table})))::INTEGER AS missing,
        (SELECT count(*) FROM ((SELECT * FROM model.${table}) EXCEPT ALL (${join})))::INTEGER AS extra`);
      expect(n).toBeGreaterThan(100);
      expect([missing, extra]).toEqual([0, 0]);
    });
  }
});
