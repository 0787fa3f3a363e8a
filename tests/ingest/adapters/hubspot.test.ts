import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AdapterMatch, SourceFile, TargetPlan } from '../../../ingest/adapters/adapter.ts';
import hubspot from '../../../ingest/adapters/hubspot.ts';
import type { FileReport } from '../../../ingest/import-files.ts';
import type { Database } from '../../../models/db/database.ts';
import { fixture } from '../../helpers/fixtures.ts';
import { importAndRebuild, openWorkspace } from '../../../app/workspace.ts';

const root = join(import.meta.dirname, '../../..');
const fivetranDir = fixture('hubspot');
const uiDir = join(root, 'tests/fixtures/hubspot-ui');
const UI = {
  deals: 'hubspot-crm-exports-all-deals-2025-03-10.csv',
  contacts: 'hubspot-crm-exports-all-contacts-2025-03-10.csv',
  companies: 'hubspot-crm-exports-all-companies-2025-03-10.csv',
};

/** A file as the loader hands it to adapters: header and first rows, empty cells null. */
function sourceFile(path: string, name = path.split('/').pop()!): SourceFile {
  const [headers, ...rows] = Papa.parse<string[]>(readFileSync(path, 'utf8'), { skipEmptyLines: true }).data;
  return { name, headers, sample: rows.map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i] ? r[i] : null]))) };
}

function detect(path: string): AdapterMatch {
  const match = hubspot.detect(sourceFile(path));
  if (!match) throw new Error(`hubspot did not recognise ${path}`);
  return match;
}

function target(match: AdapterMatch, kind: TargetPlan['kind']): TargetPlan {
  const plan = match.targets.find((t) => t.kind === kind);
  if (!plan) throw new Error(`${match.preset} has no ${kind} target`);
  return plan;
}

describe('hubspot detect: Fivetran fixtures', () => {
  const at = (name: string) => detect(join(fivetranDir, name));

  it('reads deal_data as opportunities, keeping the stage id and leaving deleted deals out', () => {
    const match = at('deal_data.csv');
    expect(match.preset).toBe('hubspot-fivetran/deal');
    expect(match.targets.map((t) => t.kind)).toEqual(['opportunities']);
    const plan = target(match, 'opportunities');
    expect(plan.fields).toMatchObject({
      opportunity_id: 'deal_id', created_at: 'property_createdate', closed_at: 'property_closedate',
      amount: 'property_amount', stage: 'deal_pipeline_stage_id', owner: 'owner_id',
    });
    expect(plan.fields.is_closed).toBeUndefined();
    expect(plan.where).toContain('"is_deleted"');
  });

  it('reads contact_data as leads and names the contacts merged into another one', () => {
    const match = at('contact_data.csv');
    expect(match.preset).toBe('hubspot-fivetran/contact');
    const plan = target(match, 'leads');
    expect(plan.fields).toMatchObject({ lead_id: 'id', created_at: 'property_createdate' });
    expect(plan.where).toContain('"property_hs_merged_object_ids"');
    expect(match.notes?.map((n) => n.en).join(' ')).toContain('76340251, 46897301, 76226001');
  });

  it('reads company_data as accounts', () => {
    const match = at('company_data.csv');
    expect(match.preset).toBe('hubspot-fivetran/company');
    expect(target(match, 'accounts').fields).toEqual({
      account_id: 'id', name: 'property_name', industry: 'property_industry', region: 'property_country',
    });
  });

  it('reads deal_pipeline_stage_data as the stage dictionary', () => {
    const match = at('deal_pipeline_stage_data.csv');
    expect(match.preset).toBe('hubspot-fivetran/deal_pipeline_stage');
    expect(target(match, 'stages').fields).toEqual({
      pipeline: 'pipeline_id', stage_id: 'stage_id', label: 'label', position: 'display_order',
      is_closed: 'is_closed', is_won: 'closed_won', probability: 'probability',
    });
  });

  it('reads deal_pipeline_data as stages rows of the pipelines themselves', () => {
    const match = at('deal_pipeline_data.csv');
    expect(match.preset).toBe('hubspot-fivetran/deal_pipeline');
    expect(target(match, 'stages').fields).toMatchObject({ pipeline: 'pipeline_id', stage_id: 'pipeline_id', label: 'label', position: 'display_order' });
  });

  it('reads deal_stage_data as deal stage events', () => {
    const match = at('deal_stage_data.csv');
    expect(match.preset).toBe('hubspot-fivetran/deal_stage');
    const plan = target(match, 'events');
    expect(plan.fields).toMatchObject({ case_id: 'deal_id', object_id: 'deal_id', timestamp: 'date_entered', resource: 'source_id' });
    expect(plan.fields.activity).toMatchObject({ label: 'value' });
    expect(plan.from).toContain('"_fivetran_active"');
  });

  it('leaves the other Fivetran seeds to their own adapters', () => {
    for (const name of ['sf_account_data.csv', 'sf_opportunity_data.csv', 'sf_opportunity_history_data.csv']) {
      expect(hubspot.detect(sourceFile(fixture(`salesforce/${name}`))), name).toBeNull();
    }
    for (const name of ['invoice_data.csv', 'payment_data.csv']) {
      expect(hubspot.detect(sourceFile(fixture(`quickbooks/${name}`))), name).toBeNull();
    }
  });
});

describe('hubspot detect: UI exports', () => {
  it('reads a deals export as opportunities plus one stage event per Date entered column', () => {
    const match = detect(join(uiDir, UI.deals));
    expect(match.preset).toBe('hubspot-export/deals');
    expect(match.targets.map((t) => t.kind)).toEqual(['opportunities', 'events']);
    const deals = target(match, 'opportunities');
    expect(deals.fields).toMatchObject({
      opportunity_id: 'Record ID', created_at: 'Create Date', stage: 'Deal Stage', closed_at: 'Close Date',
      amount: 'Amount', owner: 'Deal owner',
    });
    expect(deals.fields.account_id).toMatchObject({ label: 'Associated Company IDs' });
    expect(deals.fields.lead_id).toMatchObject({ label: 'Associated Contact IDs' });
    expect(deals.attributes).toEqual(['Deal Name', 'Pipeline', 'Deal Type', 'Associated Company IDs', 'Associated Contact IDs']);
    const events = target(match, 'events');
    expect(events.from).toContain(`'Stage: Qualified To Buy'`);
    expect(events.from).toContain(`'Renewals'`);
    expect(events.from).not.toContain('Date exited');
    expect(events.from).not.toContain('Cumulative time in');
  });

  it('reads a contacts export as leads plus lifecycle events', () => {
    const match = detect(join(uiDir, UI.contacts));
    expect(match.preset).toBe('hubspot-export/contacts');
    expect(match.targets.map((t) => t.kind)).toEqual(['leads', 'events']);
    const leads = target(match, 'leads');
    expect(leads.fields).toMatchObject({
      lead_id: 'Record ID', created_at: 'Create Date', source: 'Original Source', status: 'Lead Status',
      owner: 'Contact owner', region: 'Country/Region',
    });
    expect(leads.fields.qualified_at).toMatchObject({ label: 'Became a Marketing Qualified Lead Date / Became a Sales Qualified Lead Date' });
    expect(leads.fields.converted_at).toMatchObject({ label: 'Became an Opportunity Date / Became a Customer Date' });
    expect(target(match, 'events').from).toContain(`'Lifecycle: Marketing Qualified Lead'`);
  });

  it('reads a companies export as accounts', () => {
    const match = detect(join(uiDir, UI.companies));
    expect(match.preset).toBe('hubspot-export/companies');
    expect(target(match, 'accounts').fields).toEqual({
      account_id: 'Record ID', name: 'Company name', industry: 'Industry', region: 'Country/Region', owner: 'Company owner',
    });
  });

  it('tells a contacts export with the contact property "Company Name" from a companies export', () => {
    const headers = ['Record ID', 'First Name', 'Last Name', 'Email', 'Company Name', 'Create Date', 'Lifecycle Stage', 'Contact owner'];
    expect(hubspot.detect({ name: 'export.csv', headers, sample: [] })?.preset).toBe('hubspot-export/contacts');
  });

  it('reads lifecycle "Date entered" columns of newer contact exports as the same events as "Became a … Date"', () => {
    const headers = ['Record ID', 'Email', 'Create Date', 'Became a Lead Date', 'Date entered "Lead (Lifecycle Stage Pipeline)"',
      'Date entered "Sales Qualified Lead (Lifecycle Stage Pipeline)"'];
    const match = hubspot.detect({ name: 'contacts.csv', headers, sample: [] })!;
    expect(target(match, 'leads').fields.qualified_at).toBe('Date entered "Sales Qualified Lead (Lifecycle Stage Pipeline)"');
    const events = target(match, 'events');
    expect(events.from?.match(/'Lifecycle: Lead'/g)).toHaveLength(2);
    expect(events.from).toContain('GROUP BY record_id, activity, date_entered');
  });

  it('claims no file without HubSpot columns', () => {
    for (const headers of [['lead_id', 'created_at', 'source'], ['id', 'name', 'amount', 'created_at'], ['Opportunity ID', 'Close Date', 'Amount', 'Stage']]) {
      expect(hubspot.detect({ name: 'export.csv', headers, sample: [] }), headers.join(',')).toBeNull();
    }
  });
});

describe('hubspot import through the loader', () => {
  let db: Database;
  let tmp: string;
  beforeAll(() => { tmp = mkdtempSync(join(tmpdir(), 'ltc-hubspot-')); });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  afterEach(() => db?.close());

  async function importDir(dir: string, names: readonly string[]): Promise<Record<string, FileReport>> {
    db = await openWorkspace(':memory:');
    const { files } = await importAndRebuild(db, names.map((name) => ({ path: join(dir, name), name })));
    return Object.fromEntries(files.map((f) => [f.path, f]));
  }

  const ts = (column: string) => `strftime(${column}, '%Y-%m-%d %H:%M:%S')`;

  describe('Fivetran fixtures', () => {
    it('loads every table into its kind with no rejects', async () => {
      const names = readdirSync(fivetranDir).filter((n) => n.endsWith('.csv'));
      const files = await importDir(fivetranDir, names);
      const summary = Object.fromEntries(Object.values(files).map((f) => [f.path, [f.preset, f.kind, f.rows_read, f.rows_loaded, f.rows_rejected]]));
      expect(summary).toEqual({
        'company_data.csv': ['hubspot-fivetran/company', 'accounts', 24, 24, 0],
        'contact_data.csv': ['hubspot-fivetran/contact', 'leads', 22, 19, 0],
        'deal_data.csv': ['hubspot-fivetran/deal', 'opportunities', 44, 44, 0],
        'deal_pipeline_data.csv': ['hubspot-fivetran/deal_pipeline', 'stages', 6, 6, 0],
        'deal_pipeline_stage_data.csv': ['hubspot-fivetran/deal_pipeline_stage', 'stages', 71, 71, 0],
        'deal_stage_data.csv': ['hubspot-fivetran/deal_stage', 'events', 14, 14, 0],
      });

      expect(await db.query(`SELECT opportunity_id, ${ts('created_at')} AS created_at, owner, stage, amount FROM opportunities
        WHERE opportunity_id IN ('1244495215', '2990334288') ORDER BY 1`)).toEqual([
        { opportunity_id: '1244495215', created_at: '2019-12-04 12:48:22', owner: null, stage: null, amount: null },
        { opportunity_id: '2990334288', created_at: '2020-09-25 03:30:12', owner: '40706000', stage: null, amount: null },
      ]);

      expect(await db.query(`SELECT lead_id, ${ts('created_at')} AS created_at FROM leads
        WHERE lead_id IN ('78971951', '76340251', '46897301', '76226001', '36842001') ORDER BY 1`)).toEqual([
        { lead_id: '36842001', created_at: '2020-07-15 04:46:01' },
        { lead_id: '78971951', created_at: '2021-04-01 17:32:47' },
      ]);

      expect(await db.query(`SELECT account_id, name, region, attributes->>'property_createdate' AS created FROM accounts
        WHERE account_id IN ('2258956513', '860870157') ORDER BY 1`)).toEqual([
        { account_id: '2258956513', name: '06a77d6464bc6d5404513281a55f69d2', region: 'United Kingdom', created: '2019-07-29 17:54:22' },
        { account_id: '860870157', name: '449aad8808e10090e96d6e3f5da9067e', region: 'United States', created: '2018-07-13 12:55:25' },
      ]);

      expect(await db.query(`SELECT pipeline, label, position, is_closed, is_won, probability, attributes->>'_fivetran_deleted' AS deleted
        FROM stages WHERE stage_id IN ('/n0+plNHbWErNq8Ek+NM3g==', 'hVXu1Iul7Cc7DcPuxQpOfg==', 'B/OFEVwLVVUw4q7QB1Jffw==') ORDER BY position, label`)).toEqual([
        { pipeline: 'wh+Wm18D0z1D4E+PE252gg==', label: 'HloNyGJEOLMWtXLjmapLQw==', position: 6, is_closed: true, is_won: true, probability: 1, deleted: 'FALSE' },
        { pipeline: 'Y8OGidQXXDZY0C7FaNUGUA==', label: 'NTbcpXmUZaCGUbkWcqiq+g==', position: 6, is_closed: false, is_won: false, probability: 0.6, deleted: 'TRUE' },
        { pipeline: 'wh+Wm18D0z1D4E+PE252gg==', label: 'pqNpReDOp9fpUPal7wWFXg==', position: 7, is_closed: false, is_won: false, probability: 0, deleted: 'FALSE' },
      ]);

      expect(await db.query(`SELECT label, position, attributes->>'record' AS record FROM stages
        WHERE stage_id = pipeline ORDER BY pipeline`)).toHaveLength(6);
      expect(await db.query(`SELECT label, position FROM stages WHERE stage_id = 'mp_pipeline_sales' AND pipeline = 'mp_pipeline_sales'`))
        .toEqual([{ label: '4sZLZi4xR6kmTh+A8waTCw==', position: 4 }]);

      expect(await db.query(`SELECT case_id, activity, ${ts('timestamp')} AS timestamp, resource, object_type, object_id FROM events
        WHERE case_id IN ('3954699413', '3974231701') ORDER BY case_id`)).toEqual([
        { case_id: '3954699413', activity: 'Stage: f66ca9bc5a02c2f1513ce83f0a0e117d', timestamp: '2021-01-07 06:49:18',
          resource: '46693869883be3cbb31cfe143e92bfc2', object_type: 'deal', object_id: '3954699413' },
        { case_id: '3974231701', activity: 'Stage: 09a969da1d61b38bd3746f0f49c1475a', timestamp: '2021-01-12 03:22:14',
          resource: 'd4c6692c8b7226c82691b5b2abb059dc', object_type: 'deal', object_id: '3974231701' },
      ]);
    });

    it('counts a deal_stage row kept in several Fivetran history versions once', async () => {
      const original = readFileSync(join(fivetranDir, 'deal_stage_data.csv'), 'utf8').trimEnd();
      // An older, inactive version of the first row: same deal, stage and date entered, synced earlier.
      const older = '2021-01-07 6:49:18,3954699413,FALSE,2021-01-07 8:15:45,2021-01-07 7:15:46,2021-01-07 6:49:18,'
        + '2ed5fac05df5994139d16188596fab49,46693869883be3cbb31cfe143e92bfc2,f66ca9bc5a02c2f1513ce83f0a0e117d';
      writeFileSync(join(tmp, 'deal_stage_data.csv'), `${original}\r\n${older}\r\n`); // the seed's CRLF line ends
      const files = await importDir(tmp, ['deal_stage_data.csv']);
      expect(files['deal_stage_data.csv']).toMatchObject({ rows_read: 15, rows_rejected: 0 });
      expect(await db.query(`SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE case_id = '3954699413')::INTEGER AS first FROM events`))
        .toEqual([{ n: 14, first: 1 }]);
    });
  });

  describe('UI exports', () => {
    it('loads companies, contacts with lifecycle events, and deals with stage events; the hand-typed deal without a Create Date is an undated open deal', async () => {
      const files = await importDir(uiDir, [UI.companies, UI.contacts, UI.deals]);
      expect(files[UI.companies]).toMatchObject({ preset: 'hubspot-export/companies', rows_read: 3, rows_loaded: 3, rows_rejected: 0 });
      expect(files[UI.contacts]).toMatchObject({ preset: 'hubspot-export/contacts', rows_read: 6, rows_rejected: 0 });
      expect(files[UI.contacts].targets?.map((t) => [t.kind, t.rows_loaded])).toEqual([['leads', 6], ['events', 15]]);
      expect(files[UI.deals]).toMatchObject({ preset: 'hubspot-export/deals', rows_read: 6, rows_rejected: 0 });
      expect(files[UI.deals].targets?.map((t) => [t.kind, t.rows_loaded])).toEqual([['opportunities', 6], ['events', 13]]);
      expect(files[UI.deals].rejects ?? []).toEqual([]);

      expect(await db.query(`SELECT account_id, name, industry, region, owner FROM accounts WHERE account_id = '7002'`))
        .toEqual([{ account_id: '7002', name: 'Borealis Foods', industry: 'Food & Beverages', region: 'Sweden', owner: 'Jonas Weber' }]);

      expect(await db.query(`SELECT lead_id, ${ts('created_at')} AS created_at, source, ${ts('qualified_at')} AS qualified_at,
        ${ts('converted_at')} AS converted_at, account_id, opportunity_id FROM leads WHERE lead_id IN ('5001', '5002', '5003', '5006') ORDER BY 1`)).toEqual([
        { lead_id: '5001', created_at: '2024-12-02 10:00:00', source: 'Organic Search', qualified_at: '2024-12-10 09:30:00',
          converted_at: '2025-01-06 09:15:00', account_id: '7001', opportunity_id: '9001001' },
        // no MQL date: qualified by sales; no opportunity date: converted when it became a customer
        { lead_id: '5002', created_at: '2024-10-15 08:20:00', source: 'Referrals', qualified_at: '2024-10-28 13:00:00',
          converted_at: '2024-12-18 11:45:00', account_id: '7002', opportunity_id: '9001006' },
        // SQL (Oct 20) before MQL (Nov 5): the earlier one
        { lead_id: '5003', created_at: '2024-10-01 12:00:00', source: 'Paid Search', qualified_at: '2024-10-20 16:45:00',
          converted_at: null, account_id: '7002', opportunity_id: '9001002' },
        { lead_id: '5006', created_at: '2025-03-01 07:05:00', source: 'Email Marketing', qualified_at: null,
          converted_at: null, account_id: null, opportunity_id: null },
      ]);

      expect(await db.query(`SELECT opportunity_id, stage, is_closed, is_won, amount, ${ts('closed_at')} AS closed_at, lead_id, account_id,
        attributes->>'Deal Name' AS name FROM opportunities ORDER BY 1`)).toEqual([
        { opportunity_id: '9001001', stage: 'Closed Won', is_closed: true, is_won: true, amount: 12500, closed_at: '2025-02-14 16:20:00', lead_id: '5001', account_id: '7001', name: 'Acme Corp - Pilot' },
        { opportunity_id: '9001002', stage: 'Renewal Due', is_closed: null, is_won: null, amount: 8400.5, closed_at: '2025-03-31 00:00:00', lead_id: '5002', account_id: '7002', name: 'Borealis Foods renewal' },
        { opportunity_id: '9001003', stage: 'Closed Lost', is_closed: true, is_won: false, amount: 30000, closed_at: '2025-02-28 12:00:00', lead_id: '5004', account_id: '7003', name: 'Cobalt Labs expansion\nphase 2' },
        // typed in by hand without a Create Date: loaded, undated, open
        { opportunity_id: '9001004', stage: 'Qualified To Buy', is_closed: false, is_won: false, amount: 4200, closed_at: '2025-04-30 00:00:00', lead_id: null, account_id: null, name: 'Delta Freight (typed in by hand)' },
        { opportunity_id: '9001005', stage: 'Appointment Scheduled', is_closed: false, is_won: false, amount: null, closed_at: null, lead_id: null, account_id: null, name: 'Dunmore Hotels' },
        { opportunity_id: '9001006', stage: 'Closed Won', is_closed: true, is_won: true, amount: 7900, closed_at: '2024-12-18 11:45:00', lead_id: '5002', account_id: '7002', name: 'Borealis Foods 2024 renewal' },
      ]);

      expect(await db.query(`SELECT activity, ${ts('timestamp')} AS timestamp, attributes->>'pipeline' AS pipeline FROM events
        WHERE case_id = '9001001' AND object_type = 'deal' ORDER BY timestamp`)).toEqual([
        { activity: 'Stage: Appointment Scheduled', timestamp: '2025-01-06 09:15:00', pipeline: 'Sales Pipeline' },
        { activity: 'Stage: Qualified To Buy', timestamp: '2025-01-13 11:00:00', pipeline: 'Sales Pipeline' },
        { activity: 'Stage: Contract Sent', timestamp: '2025-02-03 10:30:00', pipeline: 'Sales Pipeline' },
        { activity: 'Stage: Closed Won', timestamp: '2025-02-14 16:20:00', pipeline: 'Sales Pipeline' },
      ]);
      expect(await db.query(`SELECT activity, attributes->>'pipeline' AS pipeline FROM events WHERE case_id = '9001006' ORDER BY timestamp`))
        .toEqual([{ activity: 'Stage: Renewal Due', pipeline: 'Renewals' }, { activity: 'Stage: Closed Won', pipeline: 'Renewals' }]);
      expect(await db.query(`SELECT activity, ${ts('timestamp')} AS timestamp FROM events WHERE case_id = '5002' AND object_type = 'contact' ORDER BY timestamp`))
        .toEqual([
          { activity: 'Lifecycle: Lead', timestamp: '2024-10-15 08:20:00' },
          { activity: 'Lifecycle: Sales Qualified Lead', timestamp: '2024-10-28 13:00:00' },
          { activity: 'Lifecycle: Customer', timestamp: '2024-12-18 11:45:00' },
        ]);
    });
  });

  it('reads internal property names with epoch-millisecond timestamps (API-style export)', async () => {
    writeFileSync(join(tmp, 'deals.csv'), [
      'hs_object_id,dealname,dealstage,pipeline,amount,createdate,closedate,hs_is_closed,hs_is_closed_won,hs_date_entered_appointmentscheduled,hs_date_entered_closedwon',
      '7700001,Acme pilot,closedwon,default,12500,1736154900000,1739550000000,true,true,1736154900000,1739550000000',
      '7700002,Borealis,appointmentscheduled,default,,1736766000000,,false,false,1736766000000,',
    ].join('\n'));
    const files = await importDir(tmp, ['deals.csv']);
    expect(files['deals.csv']).toMatchObject({ preset: 'hubspot-api/deals', rows_rejected: 0 });
    expect(await db.query(`SELECT opportunity_id, stage, ${ts('created_at')} AS created_at, ${ts('closed_at')} AS closed_at, is_won FROM opportunities ORDER BY 1`))
      .toEqual([
        { opportunity_id: '7700001', stage: 'closedwon', created_at: '2025-01-06 09:15:00', closed_at: '2025-02-14 16:20:00', is_won: true },
        { opportunity_id: '7700002', stage: 'appointmentscheduled', created_at: '2025-01-13 11:00:00', closed_at: null, is_won: false },
      ]);
    expect(await db.query(`SELECT case_id, activity, ${ts('timestamp')} AS timestamp FROM events ORDER BY case_id, timestamp`)).toEqual([
      { case_id: '7700001', activity: 'Stage: appointmentscheduled', timestamp: '2025-01-06 09:15:00' },
      { case_id: '7700001', activity: 'Stage: closedwon', timestamp: '2025-02-14 16:20:00' },
      { case_id: '7700002', activity: 'Stage: appointmentscheduled', timestamp: '2025-01-13 11:00:00' },
    ]);
  });
});
