/**
 * Issue 16, "done when": on a simulated CRM and ERP with no shared ids, suggestions at confidence
 * ≥ 0.9 are ≥ 97% right and find ≥ 85% of the true links. The exports go through the real import.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../models/db/database.ts';
import { suggestLinks, type LinkSuggestion } from '../../models/stitch/suggest.ts';
import { workspace } from '../helpers/workspace.ts';
import { crmErpPair, type CrmErpPair } from './crm-erp-pair.ts';

describe('stitching a CRM and an ERP that share no ids', () => {
  let pair: CrmErpPair;
  let db: Database;
  let suggestions: LinkSuggestion[];

  beforeAll(async () => {
    pair = crmErpPair(16, 150);
    ({ db } = await workspace(pair.files));
    suggestions = await suggestLinks(db);
  });
  afterAll(() => db.close());

  it('holds the hard cases it claims to', () => {
    expect(pair.counts.crmOnly).toBeGreaterThan(5);
    expect(pair.counts.erpOnly).toBeGreaterThan(5);
    expect(pair.counts.twinDeals).toBeGreaterThan(10);
    expect(pair.truth.size).toBeGreaterThan(120);
    expect(pair.files['orders.csv']).toMatch(/有限责任公司|股份有限公司/);
    expect(pair.files['orders.csv']).toMatch(/INCORPORATED|L\.L\.C\.|Company Limited/i);
  });

  it('suggests opportunity → order links that are right at confidence ≥ 0.9, and finds most of them', () => {
    const sure = suggestions.filter((s) => s.confidence >= 0.9);
    const right = sure.filter((s) => s.from_table === 'opportunities' && s.to_table === 'orders' && pair.truth.get(s.from_id) === s.to_id);
    expect(right.length / sure.length).toBeGreaterThanOrEqual(0.97);
    expect(right.length / pair.truth.size).toBeGreaterThanOrEqual(0.85);
  });

  it('links each record at most once, with ids stable from one run to the next', async () => {
    const froms = suggestions.map((s) => `${s.from_table}:${s.from_id}`);
    const tos = suggestions.map((s) => `${s.to_table}:${s.to_id}`);
    expect(new Set(froms).size).toBe(froms.length);
    expect(new Set(tos).size).toBe(tos.length);
    const again = await suggestLinks(db);
    expect(again.map((s) => s.id)).toEqual(suggestions.map((s) => s.id));
  });

  it('never suggests a lost deal, nor an order of a customer the CRM does not know at ≥ 0.9', () => {
    const lost = new Set([...pair.files['opportunities.csv'].matchAll(/^(006Q\d+),[^\n]*Closed Lost/gm)].map((m) => m[1]));
    expect(lost.size).toBeGreaterThan(0);
    expect(suggestions.some((s) => lost.has(s.from_id))).toBe(false);
    const linkedOrders = new Set(pair.truth.values());
    const strays = suggestions.filter((s) => s.confidence >= 0.9 && !linkedOrders.has(s.to_id));
    expect(strays).toEqual([]);
  });

  it('keeps ambiguous suggestions below the auto-accept threshold', () => {
    expect(suggestions.filter((s) => s.ambiguous).every((s) => s.confidence < 0.9)).toBe(true);
  });
});
