/**
 * HubSpot in three layouts:
 * - UI exports (`hubspot-export/deals|contacts|companies`): headers are property labels ("Record ID",
 *   "Deal Stage", "Create Date", "Became a Lead Date", `Date entered "Closed Won (Sales Pipeline)"`).
 * - Internal property names (`hubspot-api/…`): API and warehouse syncs (dealname, createdate,
 *   hs_lifecyclestage_lead_date, hs_date_entered_<stage id>); timestamps are often epoch milliseconds.
 * - The Fivetran schema (`hubspot-fivetran/<table>`): deal, contact and company with `property_`
 *   columns, the deal_stage history, deal_pipeline_stage and deal_pipeline.
 *
 * Deals → opportunities (account_id / lead_id: the first associated company / contact), contacts →
 * leads (qualified_at: the earliest of the MQL and SQL dates; converted_at: the earliest of the
 * Opportunity and Customer dates), companies → accounts, deal_pipeline_stage → stages; a
 * deal_pipeline row becomes the stages row of the pipeline itself (stage_id = pipeline id).
 * Deleted records (is_deleted / _fivetran_deleted) are not loaded as deals, contacts or companies,
 * and nor are contacts merged into another one (listed in its hs_merged_object_ids, as dbt_hubspot
 * does); deleted stages are kept, because old histories still name them.
 *
 * Events, one per stage entered (case_id = object_id = the record's id):
 * - deals (object_type 'deal'): "Stage: <label>" from the UI's `Date entered "<stage> (<pipeline>)"`
 *   columns (the pipeline is kept as an attribute), "Stage: <stage id>" from deal_stage and from
 *   hs_date_entered_<stage id> columns; deal_stage rows repeated across Fivetran history versions
 *   count once per (deal, stage, date entered).
 * - contacts (object_type 'contact'): "Lifecycle: <stage>" (Lead, Marketing Qualified Lead, Sales
 *   Qualified Lead, Opportunity, Customer …) from the `Became a … Date` columns, the lifecycle
 *   `Date entered` columns and hs_lifecyclestage_<stage>_date.
 * `Date exited …`, `Latest time in …` and `Cumulative time in …` are derived from those and dropped.
 */
import type { Message } from '../../models/messages/catalogue.ts';
import { importNote } from '../../models/messages/import-notes.ts';
import { col, findHeader, type Adapter, type AdapterMatch, type FieldSource, type SkipRule, type SourceFile, type TargetPlan } from './adapter.ts';
import {
  LIFECYCLE_STAGES, attributesOf, dealStageState, earliest, enteredColumns, firstId, notDeleted, notMerged, stageEvents,
  type Entered,
} from './hubspot-sql.ts';

type Layout = 'export' | 'api' | 'fivetran';
/** A column by its UI label(s) or by its internal property name(s) (Fivetran adds `property_`). */
type Names = readonly [labels: readonly string[], properties: readonly string[]];
type Find = (names: Names) => string | undefined;

function layoutOf(headers: readonly string[]): Layout {
  if (headers.some((h) => /^property_/i.test(h))) return 'fivetran';
  if (headers.some((h) => /^hs_/i.test(h))) return 'api';
  return 'export';
}

function finder(file: SourceFile, layout: Layout): Find {
  return ([labels, properties]) => (layout === 'export'
    ? findHeader(file.headers, ...labels)
    : findHeader(file.headers, ...properties.flatMap((p) => [p, `property_${p}`])));
}

/** 0.55 for the required columns, up to 0.4 more for the typical ones found, a little for the file name. */
function confidence(found: number, of: number, named: boolean): number {
  return Math.min(0.99, 0.55 + (0.4 * found) / of + (named ? 0.04 : 0));
}

function fields(entries: Record<string, FieldSource | undefined>): Record<string, FieldSource> {
  return Object.fromEntries(Object.entries(entries).filter((e): e is [string, FieldSource] => e[1] !== undefined));
}

function match(preset: string, score: number, targets: TargetPlan[], notes: Message[] = [], skips: SkipRule[] = []): AdapterMatch {
  // `property_` columns are Fivetran's HubSpot connector and no one else's.
  const sure = preset.startsWith('hubspot-fivetran/') ? Math.max(score, 0.9) : score;
  return { adapter: 'hubspot', preset, confidence: sure, targets, ...(notes.length ? { notes } : {}), ...(skips.length ? { skips } : {}) };
}

/** Why rows are left out: flagged deleted, or a contact merged into another. */
function skipRules(deleted: string | undefined, merged?: string): SkipRule[] {
  const rules: SkipRule[] = [];
  const live = notDeleted(deleted).where;
  if (live) rules.push({ reason: 'deleted_in_source', where: `NOT (${live})` });
  if (merged) rules.push({ reason: 'merged_record', where: `NOT (${merged})` });
  return rules;
}

function deletedNote(column: string | undefined): Message[] {
  return column ? [importNote('hs_deleted', { column })] : [];
}

/** Which contacts of the sample were merged into another one, so the report can say why they are missing. */
function mergedNote(file: SourceFile, id: string, merged: string | undefined): Message[] {
  if (!merged) return [];
  const ids = new Set(file.sample.map((row) => row[id]?.trim()));
  const gone = file.sample.flatMap((row) => (row[merged] ?? '').split(';').map((m) => m.trim())).filter((m) => m && ids.has(m));
  return [gone.length ? importNote('hs_merged_ids', { column: merged, ids: gone.join(', ') }) : importNote('hs_merged', { column: merged })];
}

function whereAll(...conditions: (string | undefined)[]): { where?: string } {
  const present = conditions.filter((c): c is string => c !== undefined);
  return present.length ? { where: present.map((c) => `(${c})`).join(' AND ') } : {};
}

/** Fivetran presets are named after its tables (deal), the others after HubSpot's object lists (deals). */
const preset = (layout: Layout, table: string, objects: string) => `hubspot-${layout}/${layout === 'fivetran' ? table : objects}`;

const DEAL = {
  id: [['Record ID', 'Deal ID'], ['deal_id', 'hs_object_id', 'dealId', 'id']],
  name: [['Deal Name'], ['dealname']],
  created: [['Create Date'], ['createdate']],
  stage: [['Deal Stage'], ['deal_pipeline_stage_id', 'dealstage']],
  pipeline: [['Pipeline'], ['deal_pipeline_id', 'pipeline']],
  closed: [['Close Date'], ['closedate']],
  amount: [['Amount'], ['amount']],
  currency: [['Currency', 'Deal currency code'], ['deal_currency_code']],
  owner: [['Deal owner'], ['owner_id', 'hubspot_owner_id']],
  isClosed: [['Is deal closed?', 'Is Closed'], ['hs_is_closed']],
  isWon: [['Is Closed Won'], ['hs_is_closed_won']],
  company: [['Associated Company IDs (Primary)', 'Associated Company IDs', 'Associated Company ID'], ['associatedcompanyid']],
  contact: [['Associated Contact IDs'], []],
  deleted: [[], ['is_deleted']],
} satisfies Record<string, Names>;

function detectDeals(file: SourceFile, layout: Layout, find: Find): AdapterMatch | null {
  const id = find(DEAL.id);
  const created = find(DEAL.created);
  if (!id || !created || !(find(DEAL.name) || find(DEAL.stage))) return null;
  const typical = [DEAL.stage, DEAL.pipeline, DEAL.closed, DEAL.amount, DEAL.owner, DEAL.name, DEAL.company];
  const stage = find(DEAL.stage);
  const isClosed = find(DEAL.isClosed);
  const isWon = find(DEAL.isWon);
  // UI exports name the stage by its label: HubSpot's default sales pipeline labels say whether it is closed.
  const derived = layout === 'export' && stage && !isClosed && !isWon;
  const entered = enteredColumns(file.headers, 'deal');
  const live = notDeleted(find(DEAL.deleted));
  const opportunities: TargetPlan = {
    kind: 'opportunities',
    fields: fields({
      opportunity_id: id, created_at: created, stage, closed_at: find(DEAL.closed), amount: find(DEAL.amount),
      currency: find(DEAL.currency), owner: find(DEAL.owner),
      is_closed: derived ? dealStageState(stage, 'closed') : isClosed,
      is_won: derived ? dealStageState(stage, 'won') : isWon,
      account_id: firstId(find(DEAL.company)), lead_id: firstId(find(DEAL.contact)),
    }),
    attributes: attributesOf(file.headers, [id, created, stage, find(DEAL.closed), find(DEAL.amount), find(DEAL.currency), find(DEAL.owner), isClosed, isWon, find(DEAL.deleted)]),
    ...live,
  };
  const targets = [opportunities];
  if (entered.length) targets.push(stageEvents(id, entered, 'deal', live.where));
  const notes = deletedNote(find(DEAL.deleted));
  if (layout === 'fivetran') notes.push(importNote('hs_stage_id'));
  if (derived) notes.push(importNote('hs_closed_won_from_label', { column: stage }));
  const found = typical.filter((n) => find(n)).length + (entered.length ? 1 : 0);
  return match(preset(layout, 'deal', 'deals'), confidence(found, typical.length + 1, /deal/i.test(file.name)), targets, notes,
    skipRules(find(DEAL.deleted)));
}

const CONTACT = {
  id: [['Record ID', 'Contact ID'], ['hs_object_id', 'vid', 'id']],
  created: [['Create Date'], ['createdate', 'created_at']],
  email: [['Email'], ['email']],
  firstName: [['First Name'], ['firstname']],
  lifecycle: [['Lifecycle Stage'], ['lifecyclestage']],
  leadStatus: [['Lead Status'], ['hs_lead_status']],
  source: [['Original Source', 'Original Traffic Source'], ['hs_analytics_source']],
  owner: [['Contact owner'], ['hubspot_owner_id', 'owner_id']],
  country: [['Country/Region', 'Country'], ['country']],
  company: [['Associated Company ID', 'Primary Associated Company ID', 'Associated Company IDs (Primary)', 'Associated Company IDs'], ['associatedcompanyid']],
  deal: [['Associated Deal IDs'], []],
  merged: [['Merged Contact IDs'], ['hs_merged_object_ids']],
  deleted: [[], ['_fivetran_deleted', 'is_deleted']],
} satisfies Record<string, Names>;

function detectContacts(file: SourceFile, layout: Layout, find: Find): AdapterMatch | null {
  const id = find(CONTACT.id);
  const created = find(CONTACT.created);
  const typical = [CONTACT.email, CONTACT.firstName, CONTACT.lifecycle, CONTACT.leadStatus, CONTACT.source, CONTACT.owner, CONTACT.company];
  const lifecycle = [...LIFECYCLE_STAGES.flatMap(({ label, uiLabel, property }): Entered[] => {
    const column = find([[uiLabel], [`hs_lifecyclestage_${property}_date`, `hs_v2_date_entered_${property}`]]);
    return column ? [{ activity: `Lifecycle: ${label}`, column, property }] : [];
  }), ...enteredColumns(file.headers, 'contact')];
  const found = typical.filter((n) => find(n)).length + (lifecycle.length ? 1 : 0);
  // "Company Name" is also a contact property: a contacts file needs a person's columns.
  if (!id || !created || !(find(CONTACT.email) || find(CONTACT.firstName) || lifecycle.length || find(CONTACT.lifecycle))) return null;
  const at = (...properties: string[]) => lifecycle.filter((l) => l.property !== undefined && properties.includes(l.property)).map((l) => l.column);
  const status = find(CONTACT.leadStatus) ?? find(CONTACT.lifecycle);
  const live = whereAll(notDeleted(find(CONTACT.deleted)).where, notMerged(id, find(CONTACT.merged)));
  const leads: TargetPlan = {
    kind: 'leads',
    fields: fields({
      lead_id: id, created_at: created, source: find(CONTACT.source), status, owner: find(CONTACT.owner),
      region: find(CONTACT.country), account_id: firstId(find(CONTACT.company)), opportunity_id: firstId(find(CONTACT.deal)),
      // Qualified when marketing or sales first accepted the contact: sales-sourced contacts skip MQL.
      qualified_at: earliest(at('marketingqualifiedlead', 'salesqualifiedlead')),
      // Converted when it first became an opportunity — or a customer, for deals won without that step.
      converted_at: earliest(at('opportunity', 'customer')),
    }),
    attributes: attributesOf(file.headers, [id, created, find(CONTACT.source), status, find(CONTACT.owner), find(CONTACT.country), ...lifecycle.map((l) => l.column)]),
    ...live,
  };
  const targets = [leads];
  if (lifecycle.length) targets.push(stageEvents(id, lifecycle, 'contact', live.where));
  const notMergedRow = notMerged(id, find(CONTACT.merged));
  return match(preset(layout, 'contact', 'contacts'), confidence(found, typical.length + 1, /contact/i.test(file.name)), targets,
    [...deletedNote(find(CONTACT.deleted)), ...mergedNote(file, id, find(CONTACT.merged))], skipRules(find(CONTACT.deleted), notMergedRow));
}

const COMPANY = {
  id: [['Record ID', 'Company ID'], ['hs_object_id', 'company_id', 'id']],
  name: [['Company name', 'Name'], ['name']],
  domain: [['Company Domain Name'], ['domain']],
  industry: [['Industry'], ['industry']],
  country: [['Country/Region', 'Country'], ['country']],
  owner: [['Company owner'], ['hubspot_owner_id', 'owner_id']],
  employees: [['Number of Employees'], ['numberofemployees']],
  revenue: [['Annual Revenue'], ['annualrevenue']],
  deleted: [[], ['is_deleted', '_fivetran_deleted']],
} satisfies Record<string, Names>;

function detectCompanies(file: SourceFile, layout: Layout, find: Find): AdapterMatch | null {
  const id = find(COMPANY.id);
  const name = find(COMPANY.name);
  if (!id || !(name || find(COMPANY.domain))) return null;
  const typical = [COMPANY.name, COMPANY.domain, COMPANY.industry, COMPANY.country, COMPANY.owner, COMPANY.employees, COMPANY.revenue];
  const found = typical.filter((n) => find(n)).length;
  const accounts: TargetPlan = {
    kind: 'accounts',
    fields: fields({ account_id: id, name, industry: find(COMPANY.industry), region: find(COMPANY.country), owner: find(COMPANY.owner) }),
    attributes: attributesOf(file.headers, [id, name, find(COMPANY.industry), find(COMPANY.country), find(COMPANY.owner), find(COMPANY.deleted)]),
    ...notDeleted(find(COMPANY.deleted)),
  };
  return match(preset(layout, 'company', 'companies'), confidence(found, typical.length, /compan/i.test(file.name)), [accounts],
    deletedNote(find(COMPANY.deleted)), skipRules(find(COMPANY.deleted)));
}

/** Fivetran's deal_stage: one row per stage a deal entered, repeated per history version. */
function detectDealStageHistory(file: SourceFile): AdapterMatch | null {
  const h = (name: string) => findHeader(file.headers, name);
  const [deal, entered, value] = [h('deal_id'), h('date_entered'), h('value')];
  if (!deal || !entered || !value) return null;
  const active = h('_fivetran_active');
  const events: TargetPlan = {
    kind: 'events',
    // Fivetran keeps every version of a row: the active one speaks for the (deal, stage, date entered).
    from: `SELECT * FROM ltc_raw QUALIFY row_number() OVER (PARTITION BY ${col(deal)}, ${col(value)}, ${col(entered)}
      ORDER BY ${active ? `CASE WHEN lower(trim(${col(active)})) IN ('true', '1') THEN 0 ELSE 1 END, ` : ''}ltc_rec) = 1`,
    fields: fields({
      case_id: deal, object_id: deal, object_type: { sql: "'deal'", label: 'deal' },
      activity: { sql: `'Stage: ' || nullif(trim(${col(value)}), '')`, label: value },
      timestamp: entered, resource: h('source_id'),
    }),
    attributes: attributesOf(file.headers, [deal, entered, value, h('source_id')]),
  };
  return match('hubspot-fivetran/deal_stage', confidence(2, 2, /deal_stage/i.test(file.name)), [events],
    [importNote('hs_stage_activity')],
    [{ reason: 'superseded_version', where: 'true' }]);
}

/** Fivetran's deal_pipeline_stage: the stage dictionary. */
function detectPipelineStages(file: SourceFile): AdapterMatch | null {
  const h = (name: string) => findHeader(file.headers, name);
  const [stage, pipeline] = [h('stage_id'), h('pipeline_id')];
  if (!stage || !pipeline || !h('label') || !(h('display_order') || h('closed_won'))) return null;
  const used = [stage, pipeline, h('label'), h('display_order'), h('is_closed'), h('closed_won'), h('probability')];
  const stages: TargetPlan = {
    kind: 'stages',
    fields: fields({
      pipeline, stage_id: stage, label: h('label'), position: h('display_order'), is_closed: h('is_closed'),
      is_won: h('closed_won'), probability: h('probability'),
    }),
    // Deleted stages are kept: old deal_stage rows still name them.
    attributes: [...attributesOf(file.headers, used), ...[h('_fivetran_deleted')].filter((c): c is string => c !== undefined)],
  };
  const found = used.filter(Boolean).length - 3;
  return match('hubspot-fivetran/deal_pipeline_stage', confidence(found, 4, /pipeline_stage/i.test(file.name)), [stages]);
}

/**
 * Fivetran's deal_pipeline. There is no canonical pipelines table; each pipeline becomes the stages
 * row of its own (stage_id = pipeline id), so its label and order are there to name deal_pipeline_id.
 */
function detectPipelines(file: SourceFile): AdapterMatch | null {
  const h = (name: string) => findHeader(file.headers, name);
  const pipeline = h('pipeline_id');
  if (!pipeline || !h('label') || !h('display_order') || h('stage_id') || h('deal_id')) return null;
  const stages: TargetPlan = {
    kind: 'stages',
    from: `SELECT *, 'pipeline' AS record FROM ltc_raw`,
    fields: fields({ pipeline, stage_id: pipeline, label: h('label'), position: h('display_order') }),
    attributes: ['record', ...attributesOf(file.headers, [pipeline, h('label'), h('display_order')])],
  };
  return match('hubspot-fivetran/deal_pipeline', confidence(h('active') ? 1 : 0, 1, /pipeline/i.test(file.name)), [stages],
    [importNote('hs_pipeline_row')]);
}

const hubspot: Adapter = {
  id: 'hubspot',
  detect(file) {
    const layout = layoutOf(file.headers);
    const find = finder(file, layout);
    const candidates = [detectDeals(file, layout, find), detectContacts(file, layout, find), detectCompanies(file, layout, find)];
    candidates.push(detectDealStageHistory(file), detectPipelineStages(file), detectPipelines(file));
    return candidates.filter((c): c is AdapterMatch => c !== null).sort((a, b) => b.confidence - a.confidence)[0] ?? null;
  },
};

export default hubspot;
