import type { Message } from '../../models/messages/catalogue.ts';
import { importNote } from '../../models/messages/import-notes.ts';
import {
  col, findHeader, lit, nameHint, normalizeHeader, type Adapter, type AdapterMatch, type FieldSource, type SourceFile, type TargetPlan,
} from './adapter.ts';

type SfObject =
  | 'lead' | 'account' | 'opportunity' | 'opportunity-history' | 'opportunity-field-history'
  | 'opportunity-line-item' | 'order' | 'order-item';
type Style = 'api' | 'report' | 'fivetran';
/** canonical (or plan) field → the header found for it */
type Found = Record<string, string>;

interface Profile {
  readonly object: SfObject;
  /** the first three characters of the object's record ids (Salesforce key prefix) */
  readonly keyPrefix?: string;
  /** the field whose sample values are checked against keyPrefix */
  readonly ownId?: string;
  /** headers (normalized) typical of this object, as API name, Fivetran column or report label */
  readonly marks: readonly string[];
  /** field → candidate headers (normalized), best first; these make the confidence */
  readonly expected: Readonly<Record<string, readonly string[]>>;
  /** mapped when present, not counted in the confidence */
  readonly optional?: Readonly<Record<string, readonly string[]>>;
  readonly required: readonly string[];
  /** true when the headers prove the file is something else (e.g. a child object) */
  readonly excludedBy?: (has: (name: string) => boolean) => boolean;
  plan(found: Found, file: SourceFile): { targets: TargetPlan[]; notes: Message[] };
}

const CREATED = ['createddate', 'createdate'];
const PRODUCT = ['productname', 'name', 'productcode', 'product2id'];
const LINE_MARKS = ['quantity', 'totalprice', 'unitprice', 'salesprice', 'listprice', 'product2id', 'pricebookentryid', 'productcode', 'productname', 'servicedate'];
/** "a file with its own Id and a parent's <X>Id is a child record, not <X> itself" */
const childOf = (parentId: string) => (has: (n: string) => boolean) => has('id') && has(parentId);

const plain = (kind: TargetPlan['kind'], notes: Message[] = []) => (found: Found) => ({ targets: [{ kind, fields: found }], notes });

const PROFILES: readonly Profile[] = [
  {
    object: 'lead', keyPrefix: '00Q', ownId: 'lead_id',
    marks: ['isconverted', 'convertedopportunityid', 'converteddate', 'convertedaccountid', 'convertedcontactid', 'leadid', 'leadstatus', 'leadowner', 'company'],
    expected: {
      lead_id: ['id', 'leadid'], created_at: CREATED, opportunity_id: ['convertedopportunityid'], converted_at: ['converteddate'],
      source: ['leadsource'], owner: ['leadowner', 'ownername', 'ownerid', 'owner'], status: ['status', 'leadstatus'],
      account_id: ['convertedaccountid'],
    },
    // Salesforce has no standard qualification date; orgs that track one use a custom field (MQL date).
    optional: { qualified_at: ['qualifieddate', 'firstmqldatec', 'mqldatec'], region: ['regionc', 'region'] },
    required: ['lead_id', 'created_at'],
    plan: (found) => plain('leads', found.qualified_at ? [importNote('sf_qualified_from', { column: found.qualified_at })]
      : [importNote('sf_no_qualification')])(found),
  },
  {
    object: 'account', keyPrefix: '001', ownId: 'account_id',
    marks: ['accountnumber', 'accountsource', 'accountname', 'accountowner', 'annualrevenue', 'industry', 'numberofemployees', 'ownership', 'parentid', 'rating', 'sic', 'tickersymbol', 'website', 'jigsawcompanyid'],
    expected: {
      account_id: ['id', 'accountid'], name: ['name', 'accountname'], industry: ['industry'],
      region: ['regionc', 'region', 'billingcountry'], owner: ['accountowner', 'ownername', 'ownerid', 'owner'],
    },
    optional: { segment: ['segmentc', 'segment'] },
    required: ['account_id', 'name'],
    excludedBy: childOf('accountid'),
    plan: plain('accounts'),
  },
  {
    object: 'opportunity', keyPrefix: '006', ownId: 'opportunity_id',
    marks: ['stagename', 'stage', 'iswon', 'won', 'isclosed', 'closed', 'closedate', 'forecastcategory', 'forecastcategoryname', 'probability', 'opportunityname', 'opportunityowner', 'expectedrevenue', 'nextstep', 'hasopportunitylineitem'],
    expected: {
      opportunity_id: ['id', 'opportunityid'], created_at: CREATED, stage: ['stagename', 'stage'], is_won: ['iswon', 'won'],
      is_closed: ['isclosed', 'closed'], closed_at: ['closedate'], amount: ['amount'], account_id: ['accountid'],
      owner: ['opportunityowner', 'ownername', 'ownerid', 'owner'],
    },
    optional: { currency: ['currencyisocode', 'opportunitycurrency', 'amountcurrency', 'currency'] },
    required: ['opportunity_id', 'created_at'],
    // Fivetran history versions are stage events, line items are children of an opportunity.
    excludedBy: (has) => has('fivetranstart') || childOf('opportunityid')(has) || (has('quantity') && has('totalprice')),
    plan: plain('opportunities', [importNote('sf_opportunity_lead')]),
  },
  {
    object: 'opportunity-history',
    marks: ['fivetranstart', 'fivetranend', 'stagename'],
    expected: { case_id: ['id'], stage: ['stagename'], timestamp: ['fivetranstart'] },
    optional: { resource: ['lastmodifiedbyid'] },
    required: ['case_id', 'stage', 'timestamp'],
    plan: (found, file) => ({
      targets: [stageEvents(found, file)],
      notes: [
        importNote('sf_fivetran_stage_events'),
        importNote('sf_fivetran_first_version'),
      ],
    }),
  },
  {
    object: 'opportunity-history', keyPrefix: '008', ownId: 'history_id',
    marks: ['stagename', 'fromopportunitystagename', 'prevamount', 'prevclosedate', 'fromforecastcategory', 'fromstage', 'tostage', 'editdate', 'stageduration'],
    expected: { case_id: ['opportunityid'], stage: ['stagename', 'tostage', 'stage'], timestamp: [...CREATED, 'editdate', 'lastmodifieddate', 'lastmodified'] },
    optional: { resource: ['createdbyid', 'createdby', 'editedby', 'lastmodifiedbyid', 'lastmodifiedby'], history_id: ['id'] },
    required: ['case_id', 'stage', 'timestamp'],
    excludedBy: (has) => has('newvalue') || has('quantity'),
    plan: (found, file) => ({
      targets: [stageEvents(found, file)],
      notes: [importNote('sf_stage_events')],
    }),
  },
  {
    object: 'opportunity-field-history', keyPrefix: '017', ownId: 'history_id',
    marks: ['field', 'fieldevent', 'oldvalue', 'newvalue'],
    expected: { case_id: ['opportunityid'], field: ['field', 'fieldevent'], stage: ['newvalue'], timestamp: [...CREATED, 'editdate'] },
    optional: { resource: ['createdbyid', 'editedby', 'createdby'], history_id: ['id'] },
    required: ['case_id', 'field', 'stage', 'timestamp'],
    plan: (found, file) => ({
      targets: [stageEvents(found, file, `lower(trim(${col(found.field)})) IN ('stagename', 'stage')`)],
      notes: [importNote('sf_stage_field_only')],
    }),
  },
  {
    object: 'opportunity-line-item', keyPrefix: '00k', ownId: 'line_id',
    marks: LINE_MARKS,
    expected: { order_id: ['opportunityid'], line_id: ['id', 'lineitemid', 'opportunityproductid', 'product2id', 'productcode'], product: PRODUCT, quantity: ['quantity'], amount: ['totalprice'] },
    required: ['order_id'],
    excludedBy: (has) => has('orderid'),
    plan: plain('order_lines', [importNote('sf_opportunity_products')]),
  },
  {
    object: 'order-item', keyPrefix: '802', ownId: 'line_id',
    marks: LINE_MARKS,
    expected: { order_id: ['orderid'], line_id: ['id', 'orderitemnumber', 'orderproductnumber', 'product2id', 'productcode'], product: PRODUCT, quantity: ['quantity'], amount: ['totalprice'] },
    required: ['order_id'],
    excludedBy: (has) => has('opportunityid'),
    plan: plain('order_lines'),
  },
  {
    object: 'order', keyPrefix: '801', ownId: 'order_id',
    marks: ['ordernumber', 'effectivedate', 'orderstartdate', 'activateddate', 'activatedbyid', 'isreductionorder', 'originalorderid', 'orderamount', 'orderid'],
    expected: {
      order_id: ['id', 'orderid', 'ordernumber'], created_at: [...CREATED, 'effectivedate', 'orderstartdate'], confirmed_at: ['activateddate'],
      opportunity_id: ['opportunityid'], account_id: ['accountid'], amount: ['totalamount', 'orderamount', 'amount'],
    },
    optional: { currency: ['currencyisocode', 'ordercurrency', 'currency'] },
    required: ['order_id', 'created_at'],
    excludedBy: (has) => childOf('orderid')(has) || has('quantity'),
    plan: (found) => plain('orders', [/effective|start/i.test(found.created_at)
      ? importNote('sf_order_start_date', { column: found.created_at })
      : importNote('sf_order_created')])(found),
  },
];

/** File-name hints, most specific first (sf_opportunity_history_data is history, not an opportunity). */
const NAME_HINTS: readonly [RegExp, SfObject][] = [
  [/opportunityfieldhistor/, 'opportunity-field-history'], [/(opportunity|stage)histor/, 'opportunity-history'],
  [/opportunitylineitem|opportunityproduct/, 'opportunity-line-item'], [/orderitem|orderproduct/, 'order-item'],
  [/lead/, 'lead'], [/account/, 'account'], [/order/, 'order'], [/opportunit/, 'opportunity'],
];

/** Names only Salesforce uses: without one of them (or a Salesforce id, or the file name) the file is not ours. */
const SALESFORCE_WORDS = new Set([
  'systemmodstamp', 'createdbyid', 'lastmodifiedbyid', 'recordtypeid', 'masterrecordid', 'lastreferenceddate', 'lastvieweddate',
  'isconverted', 'convertedopportunityid', 'convertedaccountid', 'convertedcontactid', 'stagename', 'iswon', 'forecastcategory',
  'forecastcategoryname', 'pricebook2id', 'product2id', 'pricebookentryid', 'currencyisocode', 'effectivedate', 'activateddate',
  'fromopportunitystagename', 'prevamount', 'jigsawcompanyid',
  'leadowner', 'opportunityowner', 'accountowner', 'createdate', 'orderstartdate', 'fieldevent', 'opportunityproductid',
]);

/** Key prefixes of the objects read here and of users (005), for ids in link columns. */
const KEY_PREFIXES = [...new Set([...PROFILES.flatMap((p) => p.keyPrefix ?? []), '006', '005'])];

function resolve(headers: readonly string[], candidates: Readonly<Record<string, readonly string[]>>): Found {
  const found: Found = {};
  for (const [field, names] of Object.entries(candidates)) {
    const header = findHeader(headers, ...names);
    if (header !== undefined) found[field] = header;
  }
  return found;
}

/** Whether (nearly) all the sample's values in `header` are Salesforce ids with this key prefix. */
function idsHavePrefix(file: SourceFile, header: string | undefined, prefix: string | undefined): boolean {
  if (!header || !prefix) return false;
  const values = file.sample.map((row) => row[header]?.trim()).filter((v): v is string => !!v);
  const matching = values.filter((v) => (v.length === 15 || v.length === 18) && v.startsWith(prefix));
  return values.length > 0 && matching.length / values.length >= 0.8;
}

function styleOf(headers: readonly string[], used: readonly string[]): Style {
  if (headers.some((h) => h.startsWith('_fivetran')) || used.some((h) => /^[a-z0-9]+(_[a-z0-9]+)+$/.test(h))) return 'fivetran';
  return used.some((h) => /\s/.test(h)) ? 'report' : 'api';
}

/**
 * Salesforce exports (docs/data-contract.md, issue 3): Lead, Account, Opportunity, OpportunityHistory,
 * OpportunityFieldHistory, OpportunityLineItem, Order and OrderItem, each in three header styles —
 * API names (Data Loader, Workbench: `Id`, `CreatedDate`, `StageName`), report-export labels
 * ("Lead ID", "Create Date", "Stage") and the Fivetran snake_case layout (`created_date`,
 * `_fivetran_synced`). Presets are `salesforce-<api|report|fivetran>/<object>`.
 *
 * The object is told by its typical columns, the key prefix of the sample's record ids
 * (00Q lead, 006 opportunity, 001 account, 801 order …) and the file name. Stage histories become
 * events: case_id = object_id = the opportunity id, object_type 'opportunity', activity
 * "Stage: <StageName>", timestamp = when that stage was entered (the history row's CreatedDate, or
 * `_fivetran_start` of the version); consecutive rows with the same stage are one event.
 * Opportunity products become order_lines keyed by the opportunity id (see the note in the plan).
 * Rows Salesforce marks deleted (IsDeleted) are loaded; the flag stays an attribute.
 */
const salesforce: Adapter = {
  id: 'salesforce',
  detect(file: SourceFile): AdapterMatch | null {
    const normalized = new Set(file.headers.map(normalizeHeader));
    const has = (name: string) => normalized.has(name);
    const fileName = nameHint(file.name);
    const named = NAME_HINTS.find(([pattern]) => pattern.test(fileName))?.[1];

    let best: { profile: Profile; found: Found; score: number; confidence: number; prefixed: boolean } | undefined;
    for (const profile of PROFILES) {
      if (profile.excludedBy?.(has)) continue;
      const expected = resolve(file.headers, profile.expected);
      if (profile.required.some((field) => !(field in expected))) continue;
      const found = { ...expected, ...resolve(file.headers, profile.optional ?? {}) };
      const prefixed = idsHavePrefix(file, profile.ownId && found[profile.ownId], profile.keyPrefix);
      const marks = profile.marks.filter(has).length;
      if (marks === 0 && !prefixed && named !== profile.object) continue;
      const score = marks + (prefixed ? 3 : 0) + (named === profile.object ? 3 : 0);
      const confidence = Object.keys(expected).length / Object.keys(profile.expected).length;
      if (!best || score > best.score) best = { profile, found, score, confidence, prefixed };
    }
    if (!best) return null;
    const { profile, found, confidence } = best;
    const salesforceLike = best.prefixed || /salesforce|^sf/.test(fileName) || [...normalized].some((h) => SALESFORCE_WORDS.has(h))
      || Object.values(found).some((header) => KEY_PREFIXES.some((prefix) => idsHavePrefix(file, header, prefix)));
    if (!salesforceLike) return null;

    const { targets, notes } = profile.plan(found, file);
    const historyMode = has('fivetranstart') && has('fivetranactive') && profile.object !== 'opportunity-history';
    const active = findHeader(file.headers, 'fivetranactive');
    return {
      adapter: 'salesforce',
      preset: `salesforce-${styleOf(file.headers, Object.values(found))}/${profile.object}`,
      confidence: Math.round(confidence * 100) / 100,
      targets: historyMode && active
        ? targets.map((t) => ({ ...t, where: `lower(trim(${col(active)})) IN ('true', 't', '1')` }))
        : targets,
      notes: historyMode ? [...notes, importNote('sf_history_mode')] : notes,
      ...(historyMode && active ? { skips: [{ reason: 'superseded_version', where: `lower(trim(${col(active)})) NOT IN ('true', 't', '1')` }] } : {}),
    };
  },
};
export default salesforce;

/**
 * A raw date as a TIMESTAMP, only to order a history before the loader parses it: ISO (with or
 * without offset), slash dates with or without AM/PM (day first when the sample shows a day > 12), D.M.Y.
 */
function sortableTime(header: string, file: SourceFile): string {
  const dayFirst = file.sample.some((row) => Number(/^\s*(\d{1,2})\/\d{1,2}\//.exec(row[header] ?? '')?.[1]) > 12);
  const slash = (dayFirst ? ['%d/%m/%Y'] : ['%m/%d/%Y']).flatMap((d) => [`${d} %I:%M %p`, `${d} %I:%M:%S %p`, `${d} %H:%M`, `${d} %H:%M:%S`, d]);
  const formats = [...slash, '%d.%m.%Y %H:%M', '%d.%m.%Y %H:%M:%S', '%d.%m.%Y'].map(lit).join(', ');
  const v = `trim(${col(header)})`;
  return `coalesce(try_cast(${v} AS TIMESTAMPTZ)::TIMESTAMP, try_strptime(${v}, [${formats}]))`;
}

/** Stage events from history rows: one per stage entered, ordered by time then file order. */
function stageEvents(found: Found, file: SourceFile, onlyRows?: string): TargetPlan {
  const stageHeader = found.stage;
  const stage = `nullif(trim(${col(stageHeader)}), '')`;
  const fields: Record<string, FieldSource> = {
    case_id: found.case_id,
    object_id: found.case_id,
    object_type: { sql: lit('opportunity') },
    activity: { sql: `'Stage: ' || ${stage}`, label: stageHeader },
    timestamp: found.timestamp,
  };
  if (found.resource) fields.resource = found.resource;
  return {
    kind: 'events',
    fields,
    from: `SELECT * EXCLUDE (ltc_previous_stage) FROM (
      SELECT *, lag(${stage}) OVER (PARTITION BY ${col(found.case_id)} ORDER BY ${sortableTime(found.timestamp, file)}, ltc_rec) AS ltc_previous_stage
      FROM ltc_raw${onlyRows ? ` WHERE ${onlyRows}` : ''})
    WHERE ltc_previous_stage IS DISTINCT FROM ${stage}`,
  };
}
