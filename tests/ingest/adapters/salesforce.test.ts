import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import type { SourceFile, TargetPlan } from '../../../ingest/adapters/adapter.ts';
import salesforce from '../../../ingest/adapters/salesforce.ts';
import type { Database } from '../../../models/db/database.ts';
import { fixture, needsShared, SHARED_ONLY_EXPORTS, SHIPPED_EXPORTS } from '../../helpers/fixtures.ts';
import { writeBundle } from '../../helpers/workspace.ts';
import { importAndRebuild, openWorkspace } from '../../../app/workspace.ts';

/** A SourceFile as the loader builds it: the header and the first rows, empty cells null. */
function sourceFromText(name: string, text: string): SourceFile {
  const { data } = Papa.parse<string[]>(text, { skipEmptyLines: true });
  const [headers, ...rows] = data;
  const sample = rows.slice(0, 200).map((row) => Object.fromEntries(headers.map((h, i) => [h, row[i] ? row[i] : null])));
  return { name, headers, sample };
}

const fixtureSource = (name: string) => sourceFromText(name, readFileSync(fixture(`salesforce/${name}`), 'utf8'));
/** The head of another source's export, as the loader samples it. */
const otherSource = (path: string) =>
  sourceFromText(basename(path), readFileSync(fixture(path), 'utf8').slice(0, 100_000).split(/\r?\n/).slice(0, 50).join('\n'));
const only = (plans: readonly TargetPlan[]) => {
  expect(plans).toHaveLength(1);
  return plans[0];
};

describe('salesforce detect: the Fivetran fixtures', () => {
  it('reads sf_lead_data as leads, with the converted opportunity and account as links', () => {
    const match = salesforce.detect(fixtureSource('sf_lead_data.csv'))!;
    expect(match).toMatchObject({ adapter: 'salesforce', preset: 'salesforce-fivetran/lead', confidence: 1 });
    const plan = only(match.targets);
    expect(plan.kind).toBe('leads');
    expect(plan.fields).toMatchObject({
      lead_id: 'id', created_at: 'created_date', opportunity_id: 'converted_opportunity_id', converted_at: 'converted_date',
      source: 'lead_source', owner: 'owner_id', status: 'status', account_id: 'converted_account_id',
    });
  });

  it('reads accounts, opportunities, line items and orders by their own columns', () => {
    const account = salesforce.detect(fixtureSource('sf_account_data.csv'))!;
    expect(account.preset).toBe('salesforce-fivetran/account');
    expect(only(account.targets)).toMatchObject({ kind: 'accounts', fields: { account_id: 'id', name: 'name', industry: 'industry', owner: 'owner_id' } });

    const opportunity = salesforce.detect(fixtureSource('sf_opportunity_data.csv'))!;
    expect(opportunity).toMatchObject({ preset: 'salesforce-fivetran/opportunity', confidence: 1 });
    const opp = only(opportunity.targets);
    expect(opp.kind).toBe('opportunities');
    expect(opp.fields).toMatchObject({
      opportunity_id: 'id', created_at: 'created_date', stage: 'stage_name', is_won: 'is_won', is_closed: 'is_closed',
      closed_at: 'close_date', amount: 'amount', account_id: 'account_id', owner: 'owner_id',
    });
    expect(opp.fields.lead_id).toBeUndefined();

    const lines = salesforce.detect(fixtureSource('sf_opportunity_line_item_data.csv'))!;
    expect(lines.preset).toBe('salesforce-fivetran/opportunity-line-item');
    expect(only(lines.targets)).toMatchObject({
      kind: 'order_lines', fields: { order_id: 'opportunity_id', line_id: 'id', product: 'name', quantity: 'quantity', amount: 'total_price' },
    });

    const order = salesforce.detect(fixtureSource('sf_order_data.csv'))!;
    expect(order.preset).toBe('salesforce-fivetran/order');
    expect(only(order.targets)).toMatchObject({
      kind: 'orders',
      fields: { order_id: 'id', created_at: 'created_date', confirmed_at: 'activated_date', opportunity_id: 'opportunity_id', account_id: 'account_id', amount: 'total_amount' },
    });
  });

  it('reads the Fivetran opportunity history as stage events, not as opportunities', () => {
    const match = salesforce.detect(fixtureSource('sf_opportunity_history_data.csv'))!;
    expect(match.preset).toBe('salesforce-fivetran/opportunity-history');
    const plan = only(match.targets);
    expect(plan.kind).toBe('events');
    expect(plan.fields).toMatchObject({ case_id: 'id', object_id: 'id', timestamp: '_fivetran_start', activity: { label: 'stage_name' } });
    expect(plan.from).toContain('lag(');
  });

  it('claims none of the other Fivetran seeds', () => {
    for (const path of SHIPPED_EXPORTS.filter((p) => !p.startsWith('salesforce/'))) {
      expect(salesforce.detect(otherSource(path)), path).toBeNull();
    }
  });
});

describe('salesforce detect: other sources’ exports', needsShared('salesforce vs other exports', SHARED_ONLY_EXPORTS), () => {
  it.each(SHARED_ONLY_EXPORTS)('does not claim %s', (path) => {
    expect(salesforce.detect(otherSource(path))).toBeNull();
  });
});

describe('salesforce detect: API names and report labels', () => {
  it('reads a Data Loader lead export by API names', () => {
    const match = salesforce.detect(sourceFromText('leads.csv',
      'Id,CreatedDate,Company,LeadSource,Status,OwnerId,IsConverted,ConvertedDate,ConvertedOpportunityId,ConvertedAccountId\n'
      + '00Q5g00000AbCdEFGH,2025-03-07T14:05:00.000Z,Acme,Web,Converted,0055g00000Xyz12AAA,true,2025-03-20,0065g00000QwErTAAA,0015g00000ZzZzZAAA\n'))!;
    expect(match.preset).toBe('salesforce-api/lead');
    expect(match.confidence).toBe(1);
    expect(only(match.targets).fields).toMatchObject({
      lead_id: 'Id', created_at: 'CreatedDate', opportunity_id: 'ConvertedOpportunityId', converted_at: 'ConvertedDate',
      source: 'LeadSource', owner: 'OwnerId', status: 'Status', account_id: 'ConvertedAccountId',
    });
    expect(only(match.targets).fields.qualified_at).toBeUndefined();
    expect(match.notes?.map((n) => n.en).join(' ')).toMatch(/no qualification date/);
  });

  it('reads report exports by their labels, preferring the owner’s name to the owner id', () => {
    const lead = salesforce.detect(sourceFromText('report1741353600000.csv',
      'Lead ID,Lead Owner,Lead Source,Lead Status,Create Date,Converted Opportunity ID,Converted Date,Company / Account\n'
      + 'L-1,Ann Lee,Web,Open,3/7/2025 2:05 PM,,,Acme\n'))!;
    expect(lead.preset).toBe('salesforce-report/lead');
    expect(only(lead.targets).fields).toMatchObject({
      lead_id: 'Lead ID', owner: 'Lead Owner', source: 'Lead Source', status: 'Lead Status', created_at: 'Create Date',
      opportunity_id: 'Converted Opportunity ID', converted_at: 'Converted Date',
    });

    const opp = salesforce.detect(sourceFromText('report1741353600001.csv',
      'Opportunity Owner,Account ID,Opportunity Name,Opportunity ID,Stage,Amount,Close Date,Created Date,Won,Closed\n'
      + 'Ann Lee,A-1,Big deal,O-1,Closed Won,"$1,234.50",3/20/2025,3/8/2025 9:00 AM,1,1\n'))!;
    expect(opp.preset).toBe('salesforce-report/opportunity');
    expect(only(opp.targets)).toMatchObject({
      kind: 'opportunities',
      fields: { opportunity_id: 'Opportunity ID', stage: 'Stage', is_won: 'Won', is_closed: 'Closed', closed_at: 'Close Date', created_at: 'Created Date', owner: 'Opportunity Owner' },
    });

    const order = salesforce.detect(sourceFromText('orders report.csv',
      'Order Number,Order Start Date,Order Amount,Account ID,Status\n00000101,3/21/2025,"$1,234.50",A-1,Draft\n'))!;
    expect(order.preset).toBe('salesforce-report/order');
    expect(only(order.targets).fields).toMatchObject({ order_id: 'Order Number', created_at: 'Order Start Date', amount: 'Order Amount' });
    expect(order.notes?.map((n) => n.en).join(' ')).toMatch(/no CreatedDate column/);
  });

  it('tells OpportunityHistory, OpportunityFieldHistory and OpportunityLineItem from an opportunity', () => {
    const history = salesforce.detect(sourceFromText('export.csv',
      'Id,OpportunityId,CreatedById,CreatedDate,StageName,Amount,CloseDate\n0085g00000AaAaAAAA,0065g00000QwErTAAA,005x,2025-03-01T09:00:00.000Z,Prospecting,10,2025-04-01\n'))!;
    expect(history.preset).toBe('salesforce-api/opportunity-history');
    expect(only(history.targets)).toMatchObject({ kind: 'events', fields: { case_id: 'OpportunityId', timestamp: 'CreatedDate', resource: 'CreatedById' } });

    const fields = salesforce.detect(sourceFromText('export.csv',
      'Id,OpportunityId,CreatedById,CreatedDate,Field,OldValue,NewValue\n0175g00000AaAaAAAA,0065g00000QwErTAAA,005x,2025-03-01T09:00:00.000Z,StageName,Prospecting,Negotiation\n'))!;
    expect(fields.preset).toBe('salesforce-api/opportunity-field-history');
    expect(only(fields.targets).from).toContain(`lower(trim("Field")) IN ('stagename', 'stage')`);

    const lines = salesforce.detect(sourceFromText('export.csv',
      'Id,OpportunityId,Product2Id,PricebookEntryId,Quantity,UnitPrice,TotalPrice\n00k5g00000AaAaAAAA,0065g00000QwErTAAA,01t5g00000AaAaAAAA,01u5g00000AaAaAAAA,2,5,10\n'))!;
    expect(lines.preset).toBe('salesforce-api/opportunity-line-item');
    expect(only(lines.targets).fields).toMatchObject({ order_id: 'OpportunityId', line_id: 'Id', quantity: 'Quantity', amount: 'TotalPrice' });
  });

  it('uses the file name or the record ids’ key prefix when the header alone says too little', () => {
    const header = 'Id,CreatedDate,Name,OwnerId,Status\n';
    expect(salesforce.detect(sourceFromText('export.csv', `${header}X-1,2025-03-07,h,u1,Open\n`))).toBeNull();
    expect(salesforce.detect(sourceFromText('sf_lead_data.csv', `${header}X-1,2025-03-07,h,u1,Open\n`))?.preset).toBe('salesforce-api/lead');
    const byIds = salesforce.detect(sourceFromText('export.csv', `${header}00Q5g00000AbCdEFGH,2025-03-07,h,u1,Open\n`));
    expect(byIds?.preset).toBe('salesforce-api/lead');
  });

  it('leaves a plain canonical-looking file to the generic adapter', () => {
    expect(salesforce.detect(sourceFromText('leads.csv', 'Lead ID,Created Date,Lead Source\nL1,2025-01-01,Fair\n'))).toBeNull();
  });
});

let db: Database | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});

describe('salesforce import: the Fivetran fixtures, no flags', () => {
  const names = ['sf_account_data.csv', 'sf_lead_data.csv', 'sf_opportunity_data.csv', 'sf_opportunity_history_data.csv',
    'sf_opportunity_line_item_data.csv', 'sf_order_data.csv'];

  it('loads every file into its table with nothing rejected and the values as in the files', async () => {
    db = await openWorkspace(':memory:');
    const { files } = await importAndRebuild(db, names.map((name) => ({ path: fixture(`salesforce/${name}`), name })));
    expect(files.map((f) => [f.path, f.adapter, f.kind, f.rows_read, f.rows_loaded, f.rows_rejected, f.error])).toEqual([
      ['sf_account_data.csv', 'salesforce', 'accounts', 10, 10, 0, undefined],
      ['sf_lead_data.csv', 'salesforce', 'leads', 1, 1, 0, undefined],
      ['sf_opportunity_data.csv', 'salesforce', 'opportunities', 10, 10, 0, undefined],
      ['sf_opportunity_history_data.csv', 'salesforce', 'events', 10, 10, 0, undefined],
      ['sf_opportunity_line_item_data.csv', 'salesforce', 'order_lines', 10, 10, 0, undefined],
      ['sf_order_data.csv', 'salesforce', 'orders', 10, 10, 0, undefined],
    ]);

    // sf_lead_data.csv: one record after a CRLF header, no final line break; converted, but without an opportunity id.
    expect(await db.query(`SELECT lead_id, strftime(created_at, '%Y-%m-%d %H:%M:%S') AS created_at, status, owner, account_id,
      strftime(converted_at, '%Y-%m-%d %H:%M:%S') AS converted_at, opportunity_id, attributes->>'is_converted' AS is_converted FROM leads`)).toEqual([{
      lead_id: '00Q1G00000nDnM5UAK', created_at: '2019-11-11 17:23:34', status: 'Converted', owner: '00537000003tmTnAAI',
      account_id: '0011G00000tLWKnQAO', converted_at: '2019-11-11 17:23:34', opportunity_id: null, is_converted: 'TRUE',
    }]);

    expect(await db.query(`SELECT opportunity_id, strftime(created_at, '%Y-%m-%d %H:%M:%S') AS created_at, is_won, is_closed,
      strftime(closed_at, '%Y-%m-%d') AS closed_at, amount FROM opportunities
      WHERE opportunity_id IN ('006q000000HddohAAB', '006q000000HK8jdAAD', '006q000000HdOhuAAF') ORDER BY opportunity_id`)).toEqual([
      { opportunity_id: '006q000000HK8jdAAD', created_at: '2018-11-14 19:12:53', is_won: false, is_closed: true, closed_at: '2018-11-21', amount: 200000 },
      { opportunity_id: '006q000000HdOhuAAF', created_at: '2018-12-18 17:56:05', is_won: false, is_closed: false, closed_at: '2018-12-19', amount: 210000 },
      { opportunity_id: '006q000000HddohAAB', created_at: '2018-12-19 19:51:13', is_won: true, is_closed: true, closed_at: '2018-12-19', amount: 24120000 },
    ]);

    expect(await db.query(`SELECT name FROM accounts WHERE account_id = '0015500000Xyy06AAB'`)).toEqual([{ name: "Eric's Test" }]);

    expect(await db.query(`SELECT count(*)::INT AS n, count(DISTINCT case_id)::INT AS cases FROM events WHERE object_type = 'opportunity'`))
      .toEqual([{ n: 10, cases: 10 }]);
    // An opportunity whose only version ended 2019-04-04: it entered its stage when that version started.
    expect(await db.query(`SELECT activity, strftime(timestamp, '%Y-%m-%d %H:%M:%S') AS at, object_id FROM events WHERE case_id = '006q000000HcZXXAA3'`))
      .toEqual([{ activity: 'Stage: tXi3M8u3iPxq0ggxTSxMKw==', at: '2019-04-03 18:36:06', object_id: '006q000000HcZXXAA3' }]);

    // Opportunity 0061G00000HhviAQAR has six products: 5100 + 38093 + 84250.32 + 4000 + 162000 + 0.
    expect(await db.query(`SELECT count(*)::INT AS n, round(sum(amount), 2) AS total FROM order_lines WHERE order_id = '0061G00000HhviAQAR'`))
      .toEqual([{ n: 6, total: 293443.32 }]);
    expect(await db.query(`SELECT product, quantity, amount FROM order_lines WHERE line_id = '00k1G000009ar5JQAQ'`))
      .toEqual([{ product: 'sof  serve', quantity: 66, amount: 84250.32 }]);

    expect(await db.query(`SELECT strftime(created_at, '%Y-%m-%d %H:%M:%S') AS created_at, amount, account_id, attributes->>'order_number' AS number
      FROM orders WHERE order_id = '8011G000000XFePQAW'`)).toEqual([
      { created_at: '2019-11-11 17:23:34', amount: 27998.6, account_id: '0011G00000gY0y4QAC', number: '5393' },
    ]);
  });
});

describe('salesforce import: histories and report exports', () => {
  it('makes one event per stage entered, in time order, and rejects a history row without a stage by its line', async () => {
    db = await openWorkspace(':memory:');
    const { paths } = writeBundle({
      'OpportunityHistory.csv': [
        'Id,OpportunityId,CreatedById,CreatedDate,StageName,Amount,CloseDate',
        '0085g000001,0065g00000AAAAA001,005A,2025-03-01T09:00:00.000Z,Prospecting,1000,2025-04-01',
        '0085g000002,0065g00000AAAAA001,005A,2025-03-05T09:00:00.000Z,Prospecting,2000,2025-04-01', // amount only: no event
        '0085g000004,0065g00000AAAAA001,005B,2025-03-20T10:00:00.000Z,Closed Won,2000,2025-03-20',
        '0085g000003,0065g00000AAAAA001,005A,2025-03-10T09:00:00.000Z,Negotiation,2000,2025-04-01',
        '0085g000005,0065g00000AAAAA002,005A,2025-03-02T09:00:00.000Z,Prospecting,,',
        '0085g000006,0065g00000AAAAA002,005A,2025-03-03T09:00:00.000Z,,,', // line 7: no stage
      ].join('\r\n'),
    });
    const { files } = await importAndRebuild(db, [{ path: paths[0], name: 'OpportunityHistory.csv' }]);
    expect(files[0]).toMatchObject({ adapter: 'salesforce', preset: 'salesforce-api/opportunity-history', kind: 'events', rows_loaded: 4, rows_rejected: 1 });
    expect(files[0].rejects).toEqual([expect.objectContaining({ line: 7, column: 'StageName' })]);
    expect(await db.query(`SELECT case_id, activity, strftime(timestamp, '%Y-%m-%d %H:%M') AS at, resource FROM events ORDER BY case_id, timestamp`)).toEqual([
      { case_id: '0065g00000AAAAA001', activity: 'Stage: Prospecting', at: '2025-03-01 09:00', resource: '005A' },
      { case_id: '0065g00000AAAAA001', activity: 'Stage: Negotiation', at: '2025-03-10 09:00', resource: '005A' },
      { case_id: '0065g00000AAAAA001', activity: 'Stage: Closed Won', at: '2025-03-20 10:00', resource: '005B' },
      { case_id: '0065g00000AAAAA002', activity: 'Stage: Prospecting', at: '2025-03-02 09:00', resource: '005A' },
    ]);
  });

  it('reads a field history report: only Stage changes, US dates with AM/PM', async () => {
    db = await openWorkspace(':memory:');
    const { paths } = writeBundle({
      'Opportunity Field History.csv': [
        'Opportunity ID,Field / Event,Old Value,New Value,Edit Date,Edited By',
        '0065g00000AAAAA001,Created.,,,3/1/2025 9:00 AM,Ann Lee',
        '0065g00000AAAAA001,Stage,,Prospecting,3/1/2025 9:00 AM,Ann Lee',
        '0065g00000AAAAA001,Amount,"$1,000.00","$2,000.00",3/5/2025 9:00 AM,Ann Lee',
        '0065g00000AAAAA001,Stage,Negotiation,Closed Won,3/20/2025 1:30 PM,Bo Chen',
        '0065g00000AAAAA001,Stage,Prospecting,Negotiation,3/10/2025 9:00 AM,Ann Lee',
      ].join('\n'),
    });
    const { files } = await importAndRebuild(db, [{ path: paths[0], name: 'Opportunity Field History.csv' }]);
    expect(files[0]).toMatchObject({ preset: 'salesforce-report/opportunity-field-history', kind: 'events', rows_loaded: 3, rows_rejected: 0 });
    expect(await db.query(`SELECT activity, strftime(timestamp, '%Y-%m-%d %H:%M') AS at, resource FROM events ORDER BY timestamp`)).toEqual([
      { activity: 'Stage: Prospecting', at: '2025-03-01 09:00', resource: 'Ann Lee' },
      { activity: 'Stage: Negotiation', at: '2025-03-10 09:00', resource: 'Ann Lee' },
      { activity: 'Stage: Closed Won', at: '2025-03-20 13:30', resource: 'Bo Chen' },
    ]);
  });

  it('orders a day-first history by its real dates before merging repeated stages', async () => {
    db = await openWorkspace(':memory:');
    const { paths } = writeBundle({
      'OpportunityHistory.csv': [
        'Opportunity ID,Stage,Amount,Edit Date,Edited By',
        '0065g00000AAAAA001,Prospecting,100,02/03/2025 09:00,Ann Lee',
        '0065g00000AAAAA001,Negotiation,200,02/04/2025 09:00,Ann Lee', // 2 April: only the amount changed
        '0065g00000AAAAA001,Closed Won,200,20/04/2025 16:00,Bo Chen',
        '0065g00000AAAAA001,Negotiation,100,14/03/2025 11:00,Ann Lee', // 14 March: entered Negotiation
      ].join('\n'),
    });
    const { files } = await importAndRebuild(db, [{ path: paths[0], name: 'OpportunityHistory.csv' }]);
    expect(files[0]).toMatchObject({ preset: 'salesforce-report/opportunity-history', rows_loaded: 3, rows_rejected: 0 });
    expect(await db.query(`SELECT activity, strftime(timestamp, '%Y-%m-%d %H:%M') AS at FROM events ORDER BY timestamp`)).toEqual([
      { activity: 'Stage: Prospecting', at: '2025-03-02 09:00' },
      { activity: 'Stage: Negotiation', at: '2025-03-14 11:00' },
      { activity: 'Stage: Closed Won', at: '2025-04-20 16:00' },
    ]);
  });

  it('reads lead and opportunity report exports with $ amounts, 1/0 checkboxes and a bad date', async () => {
    db = await openWorkspace(':memory:');
    const { paths } = writeBundle({
      'report-leads.csv': '\uFEFF' + [
        '"Lead ID","Lead Owner","Lead Source","Lead Status","Create Date","Converted Opportunity ID","Converted Date"',
        '"00Q5g00000AAAAA001","Ann Lee","Web","Converted","3/7/2025 2:05 PM","0065g00000AAAAA001","3/9/2025"',
        '"00Q5g00000AAAAA002","Bo Chen","Fair","Open","13/45/2025 1:00 PM","",""',
      ].join('\r\n'),
      'report-opportunities.csv': [
        'Opportunity ID,Opportunity Name,Opportunity Owner,Stage,Amount,Close Date,Created Date,Won,Closed',
        '0065g00000AAAAA001,Big deal,Ann Lee,Closed Won,"$1,234.50",3/20/2025,3/9/2025 10:15 AM,1,1',
      ].join('\r\n'),
    });
    const { files } = await importAndRebuild(db, paths.map((path) => ({ path, name: path.split('/').pop()! })));
    expect(files.map((f) => [f.preset, f.rows_loaded, f.rows_rejected])).toEqual([
      ['salesforce-report/lead', 1, 1], ['salesforce-report/opportunity', 1, 0],
    ]);
    expect(files[0].rejects).toEqual([expect.objectContaining({ line: 3, column: 'Create Date' })]);
    expect(await db.query(`SELECT lead_id, owner, strftime(created_at, '%Y-%m-%d %H:%M') AS created_at, opportunity_id FROM leads`)).toEqual([
      { lead_id: '00Q5g00000AAAAA001', owner: 'Ann Lee', created_at: '2025-03-07 14:05', opportunity_id: '0065g00000AAAAA001' },
    ]);
    expect(await db.query(`SELECT amount, is_won, is_closed, stage, strftime(created_at, '%Y-%m-%d %H:%M') AS created_at FROM opportunities`)).toEqual([
      { amount: 1234.5, is_won: true, is_closed: true, stage: 'Closed Won', created_at: '2025-03-09 10:15' },
    ]);
  });
});
