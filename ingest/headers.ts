/**
 * Header → canonical field mapping for exports whose headers are the canonical names or their
 * obvious English variants ("Lead ID", "Created Date", "Order Date"), and kind detection from them.
 */
import { CONTRACT, TABLE_KINDS, type TableKind } from '../models/db/contract.ts';

/** "Lead ID", "lead_id", "case:concept:name" → "leadid", "leadid", "caseconceptname". */
export function normalizeHeader(header: string): string {
  return header.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Alternative spellings per canonical field, already normalized. The canonical name itself always counts. */
const FIELD_ALIASES: Record<string, readonly string[]> = {
  created_at: ['createddate', 'created', 'creationdate', 'createdon', 'createdtime', 'datecreated', 'createdatetime'],
  qualified_at: ['qualifieddate', 'qualificationdate', 'qualifiedon'],
  disqualified_at: ['disqualifieddate', 'disqualifiedon'],
  converted_at: ['converteddate', 'conversiondate', 'convertedon'],
  closed_at: ['closedate', 'closeddate', 'closedon'],
  confirmed_at: ['confirmeddate', 'confirmationdate', 'confirmedon'],
  sent_at: ['sentdate', 'senton', 'quotesentdate'],
  accepted_at: ['accepteddate', 'acceptedon'],
  delivered_at: ['deliverydate', 'delivereddate', 'deliveredon'],
  shipped_at: ['shipdate', 'shippeddate', 'shippedon', 'shipmentdate'],
  issued_at: ['issuedate', 'issueddate', 'invoicedate', 'issuedon', 'billingdate'],
  due_at: ['duedate', 'paymentduedate'],
  paid_at: ['paymentdate', 'paiddate', 'paidon', 'receiveddate'],
  lead_id: ['leadid'],
  opportunity_id: ['opportunityid', 'oppid', 'dealid', 'convertedopportunityid'],
  account_id: ['accountid', 'customerid', 'companyid'],
  quote_id: ['quoteid', 'quotenumber', 'quoteno'],
  order_id: ['orderid', 'ordernumber', 'orderno', 'salesorderid', 'salesordernumber'],
  delivery_id: ['deliveryid', 'deliverynumber', 'shipmentid'],
  invoice_id: ['invoiceid', 'invoicenumber', 'invoiceno'],
  payment_id: ['paymentid', 'paymentnumber', 'paymentno', 'receiptid'],
  source: ['leadsource'],
  status: ['leadstatus'],
  owner: ['ownername', 'leadowner', 'opportunityowner', 'salesrep', 'salesperson'],
  stage: ['stagename', 'dealstage'],
  is_closed: ['isclosed', 'closed'],
  is_won: ['iswon', 'won'],
  currency: ['currencycode', 'currencyisocode'],
  amount: ['totalamount', 'total', 'value'],
  case_id: ['caseid', 'case', 'caseconceptname'],
  activity: ['activityname', 'conceptname', 'event', 'eventname'],
  timestamp: ['timetimestamp', 'time', 'eventtime', 'datetime'],
  resource: ['orgresource', 'user'],
  lifecycle: ['lifecycletransition', 'transition'],
};

/** Variants that only mean a field in one kind of table ("Order Date" is an order's created_at). */
const KIND_ALIASES: Partial<Record<TableKind, Record<string, readonly string[]>>> = {
  leads: { created_at: ['leaddate', 'leadcreateddate'] },
  opportunities: { created_at: ['opportunitycreateddate'], amount: ['opportunityamount', 'dealamount'] },
  orders: { created_at: ['orderdate', 'orderedat', 'ordercreateddate'], amount: ['ordertotal', 'orderamount'] },
  quotes: { created_at: ['quotedate'], amount: ['quoteamount', 'quotetotal'] },
  invoices: { amount: ['invoiceamount', 'invoicetotal'] },
  payments: { amount: ['amountpaid', 'paymentamount', 'paidamount'] },
};

export interface ColumnMapping {
  /** canonical field → source header exactly as in the file */
  readonly fields: Readonly<Record<string, string>>;
  /** source headers that map to no field; they are kept as attributes */
  readonly extra: readonly string[];
}

export function mapHeaders(kind: TableKind, headers: readonly string[]): ColumnMapping {
  const byNormalized = new Map<string, string>();
  for (const header of headers) {
    const key = normalizeHeader(header);
    if (key && !byNormalized.has(key)) byNormalized.set(key, header);
  }
  const fields: Record<string, string> = {};
  const used = new Set<string>();
  for (const field of CONTRACT[kind].fields) {
    const candidates = [normalizeHeader(field.name), ...(KIND_ALIASES[kind]?.[field.name] ?? []), ...(FIELD_ALIASES[field.name] ?? [])];
    for (const candidate of candidates) {
      const header = byNormalized.get(candidate);
      if (header !== undefined && !used.has(header)) {
        fields[field.name] = header;
        used.add(header);
        break;
      }
    }
  }
  return { fields, extra: headers.filter((h) => !used.has(h)) };
}

export function missingRequired(kind: TableKind, mapping: ColumnMapping): string[] {
  return CONTRACT[kind].fields.filter((f) => f.required && !(f.name in mapping.fields)).map((f) => f.name);
}

/** The column without which a file cannot be this kind, whatever else it shares with it. */
const OWN_COLUMN: Readonly<Record<TableKind, string>> = {
  leads: 'lead_id', opportunities: 'opportunity_id', quotes: 'quote_id', orders: 'order_id',
  deliveries: 'delivery_id', invoices: 'invoice_id', payments: 'payment_id', events: 'case_id',
  accounts: 'account_id', stages: 'stage_id', order_lines: 'line_id',
};

export interface KindGuess {
  readonly kind: TableKind;
  readonly mapping: ColumnMapping;
  /** share of the kind's fields found in the header, 0..1 */
  readonly confidence: number;
}

/**
 * The table kind whose required fields are all present and whose own id column is there; ties go
 * to the kind the file name mentions, then to the better coverage. Null when nothing fits.
 */
export function detectKind(headers: readonly string[], fileName: string): KindGuess | null {
  const name = normalizeHeader(fileName.replace(/\.[^.]+$/, ''));
  const guesses: (KindGuess & { score: number })[] = [];
  for (const kind of TABLE_KINDS) {
    const mapping = mapHeaders(kind, headers);
    if (missingRequired(kind, mapping).length > 0) continue;
    const spec = CONTRACT[kind];
    const ownId = OWN_COLUMN[kind];
    if (ownId && !(ownId in mapping.fields)) continue;
    const confidence = Object.keys(mapping.fields).length / spec.fields.length;
    const named = name.includes(normalizeHeader(kind)) || name.includes(normalizeHeader(kind.replace(/s$/, ''))) ? 1 : 0;
    const leading = mapping.fields[ownId] === headers[0] ? 1 : 0;
    guesses.push({ kind, mapping, confidence, score: named * 10 + leading * 2 + confidence });
  }
  guesses.sort((a, b) => b.score - a.score);
  const best = guesses[0];
  return best ? { kind: best.kind, mapping: best.mapping, confidence: best.confidence } : null;
}
