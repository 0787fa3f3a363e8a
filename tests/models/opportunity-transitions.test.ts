import { afterEach, describe, expect, it } from 'vitest';
import { bottleneckCases, bottlenecks } from '../../models/bottlenecks.ts';
import type { Database } from '../../models/db/database.ts';
import { transitions, type TransitionStats } from '../../models/transitions.ts';
import { workspace } from '../helpers/workspace.ts';

let db: Database | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});

function byId(list: readonly TransitionStats[]): Record<string, TransitionStats> {
  return Object.fromEntries(list.map((t) => [t.id, t]));
}

/**
 * A Maven-shaped sales_pipeline.csv alone (no leads, no orders). data_end = 2025-03-02 (W21's close).
 * W1–W20 engaged 2025-01-01, won 01-11 (10 days each); W21 engaged 01-01, won 03-02 (60 days).
 * X1–X5 engaged 02-01, lost 02-06 (5 days each). E1–E3 engaged 03-01, still Engaging: wait 1 day.
 * P1, P2 Prospecting: no engage date, so no start and no transition.
 */
function mavenPipeline(): string {
  const rows = ['opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value'];
  for (let i = 1; i <= 20; i++) rows.push(`W${i},Ann Agent,GTX Basic,Acme,Won,2025-01-01,2025-01-11,500`);
  rows.push('W21,Bob Agent,GTXPro,Betatech,Won,2025-01-01,2025-03-02,4800');
  for (let i = 1; i <= 5; i++) rows.push(`X${i},Bob Agent,GTX Basic,Acme,Lost,2025-02-01,2025-02-06,0`);
  for (let i = 1; i <= 3; i++) rows.push(`E${i},Ann Agent,MG Special,Acme,Engaging,2025-03-01,,`);
  rows.push('P1,Ann Agent,GTX Basic,Acme,Prospecting,,,', 'P2,Bob Agent,GTX Basic,Acme,Prospecting,,,');
  return `${rows.join('\n')}\n`;
}

describe('transitions of an opportunity-only workspace (docs/measures.md)', () => {
  it('goes from the opportunity to its outcome; open ones wait to be won; undated ones start nothing', async () => {
    ({ db } = await workspace({ 'sales_pipeline.csv': mavenPipeline() }));
    const result = await transitions(db);
    expect(result.data_end).toBe('2025-03-02T00:00:00');
    expect(result.transitions.map((t) => t.id)).toEqual(['opportunity_created→won', 'opportunity_created→lost']);
    const t = byId(result.transitions);
    expect(t['opportunity_created→won']).toMatchObject({
      label: 'Opportunity → Won', label_zh: '商机 → 赢单', n: 21, total_days: 260, median: 10, censored: 3, thin: false,
    });
    expect(t['opportunity_created→won'].mean).toBeCloseTo(260 / 21, 12);
    expect(t['opportunity_created→lost']).toMatchObject({ label: 'Opportunity → Lost', n: 5, total_days: 25, median: 5, censored: 0, thin: true });
  });

  it('names the bottleneck among transitions with enough cases and drills into it', async () => {
    ({ db } = await workspace({ 'sales_pipeline.csv': mavenPipeline() }));
    const result = await bottlenecks(db);
    expect(result.lead_to_cash).toEqual({ cases: 0, days: 0 });
    expect(result.bottleneck).toMatchObject({ transition: 'opportunity_created→won', n: 21, total_days: 260, share_of_lead_to_cash: null });
    expect(result.bottleneck!.sentence).toBe('Opportunity → Won takes the most time: 260 days over 21 cases; no opportunities wait there more than 30 days.');
    expect(result.bottleneck!.sentence_zh).toBe('商机 → 赢单 耗时最多：21 个案例共 260 天；没有等待超过 30 天的商机。');
    const won = byId(result.transitions)['opportunity_created→won'] as (typeof result.transitions)[number];
    expect(won.waiting).toMatchObject({ count: 3, over_30_days: 0, max_days: 1 });

    const slow = await bottleneckCases(db, 'opportunity_created→won', { limit: 2 });
    expect(slow).toMatchObject({ total: 24, waiting: 3 });
    expect(slow.cases[0]).toMatchObject({ case_id: 'opportunity:W21', origin: 'opportunity', owner: 'Bob Agent', days: 60, waiting: false });
  });

  it('recomputes outcomes as of an earlier moment', async () => {
    ({ db } = await workspace({ 'sales_pipeline.csv': mavenPipeline() }));
    // On 2025-02-03 the X deals (engaged 02-01) are still open, W21 too: they wait to be won.
    const early = byId((await transitions(db, { asOf: '2025-02-03' })).transitions);
    expect(early['opportunity_created→won']).toMatchObject({ n: 20, total_days: 200, censored: 6 });
    expect(early['opportunity_created→lost']).toBeUndefined();
  });
});

/**
 * Canonical opportunities with a stage history loaded as events ("Stage: <stage>", object_type
 * opportunity), as the Salesforce OpportunityHistory and HubSpot deal stage exports load. data_end 01-31.
 * O1–O20: Prospecting 01-01, Negotiation 01-11, Closed Won 01-31 (their current stage: the win).
 * O21: Prospecting 01-01, Negotiation 01-05, open: waits since 01-05 (26 days).
 * O22: Prospecting 01-01, Closed Lost 01-20 (its current stage: the loss).
 */
function stageHistory(): Record<string, string> {
  const opportunities = ['opportunity_id,created_at,stage,is_closed,is_won,closed_at'];
  const events = ['case_id,activity,timestamp,object_type,object_id'];
  for (let i = 1; i <= 20; i++) {
    opportunities.push(`O${i},2025-01-01,Closed Won,true,true,2025-01-31`);
    events.push(`O${i},Stage: Prospecting,2025-01-01 09:00:00,opportunity,O${i}`, `O${i},Stage: Negotiation,2025-01-11 09:00:00,opportunity,O${i}`,
      `O${i},Stage: Closed Won,2025-01-31 09:00:00,opportunity,O${i}`);
  }
  opportunities.push('O21,2025-01-01,Negotiation,false,false,', 'O22,2025-01-01,Closed Lost,true,false,2025-01-20');
  events.push('O21,Stage: Prospecting,2025-01-01 09:00:00,opportunity,O21', 'O21,Stage: Negotiation,2025-01-05 09:00:00,opportunity,O21',
    'O22,Stage: Prospecting,2025-01-01 09:00:00,opportunity,O22', 'O22,Stage: Closed Lost,2025-01-20 09:00:00,opportunity,O22');
  return { 'opportunities.csv': `${opportunities.join('\n')}\n`, 'events.csv': `${events.join('\n')}\n` };
}

describe('transitions between the stages of a stage history', () => {
  it('puts the stages in place of the opportunity, and the closing stage as its outcome', async () => {
    ({ db } = await workspace(stageHistory()));
    const result = await bottlenecks(db);
    expect(result.as_of).toBe('2025-01-31T09:00:00');
    expect(result.transitions.map((t) => [t.id, t.n, t.total_days, t.censored, t.thin])).toEqual([
      ['stage:Prospecting→stage:Negotiation', 21, 20 * 10 + 4, 0, false],
      ['stage:Negotiation→won', 20, 20 * 20, 1, false],
      ['stage:Prospecting→lost', 1, 19, 0, true],
    ]);
    expect(result.transitions[1]).toMatchObject({ label: 'Negotiation → Won', label_zh: 'Negotiation → 赢单' });
    expect(result.transitions[1].waiting).toMatchObject({ count: 1, max_days: 26 });
    expect(result.bottleneck).toMatchObject({ transition: 'stage:Negotiation→won', n: 20, total_days: 400 });
    const cases = await bottleneckCases(db, 'stage:Negotiation→won');
    expect(cases.cases[0]).toMatchObject({ case_id: 'opportunity:O21', waiting: true, days: 26 });
  });
});

describe('a stage history holding only the closing stage', () => {
  it('keeps the opportunity’s creation as the start, the closing stage as the outcome', async () => {
    // O1: created 01-01, its history only "Closed Won" entered 01-21 09:00: 20 days 9 hours to the win.
    ({ db } = await workspace({
      'opportunities.csv': 'opportunity_id,created_at,stage,is_closed,is_won,closed_at\nO1,2025-01-01,Closed Won,true,true,2025-01-21\n',
      'events.csv': 'case_id,activity,timestamp,object_type,object_id\nO1,Stage: Closed Won,2025-01-21 09:00:00,opportunity,O1\n',
    }));
    const result = await transitions(db);
    expect(result.transitions.map((t) => [t.id, t.n, t.total_days])).toEqual([['opportunity_created→won', 1, 20 + 9 / 24]]);
  });
});

describe('workspaces with orders', () => {
  it('keep their milestone timelines: a lost opportunity is no transition of its own', async () => {
    ({ db } = await workspace({
      'leads.csv': 'lead_id,created_at\nLA,2025-01-01\nLB,2025-01-01\n',
      'opportunities.csv': 'opportunity_id,created_at,lead_id,stage,is_closed,is_won,closed_at\nOA,2025-01-02,LA,Closed Won,true,true,2025-01-05\nOB,2025-01-02,LB,Closed Lost,true,false,2025-01-09\n',
      'orders.csv': 'order_id,created_at,opportunity_id,amount\nSA,2025-01-06,OA,100\n',
    }));
    const result = await transitions(db);
    expect(result.transitions.map((t) => [t.id, t.n, t.total_days, t.censored])).toEqual([
      ['lead_created→opportunity_created', 2, 2, 0], ['opportunity_created→order_created', 1, 4, 0]]);
  });
});
