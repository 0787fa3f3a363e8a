/**
 * The generic adapter: files whose headers are the canonical field names (docs/data-contract.md), or common
 * English and Chinese synonyms ("Lead ID", "Created Date", "Order Date", 线索编号, 创建时间, 回款金额),
 * including plain event-log CSVs (case id, activity, timestamp). The table is the kind whose own id
 * and required columns are present, the file name breaking ties.
 */
import { importNote } from '../../models/messages/import-notes.ts';
import { CONTRACT, TABLE_KINDS, type TableKind } from '../../models/db/contract.ts';
import { nameHint, normalizeHeader, type Adapter, type AdapterMatch, type SourceFile } from './adapter.ts';

/** Alternative spellings per canonical field, already normalized. The canonical name itself always counts. */
const FIELD_ALIASES: Record<string, readonly string[]> = {
  quantity: ['数量'],
  product: ['产品', '产品名称'],
  industry: ['行业', '所属行业'],
  name: ['名称', '客户名称'],
  segment: ['客户分类', '客户级别', '细分'],
  region: ['区域', '地区', '大区'],
  created_at: ['createddate', 'created', 'creationdate', 'createdon', 'createdtime', 'datecreated', 'createdatetime', '创建时间', '创建日期', '建立时间', '录入时间'],
  qualified_at: ['qualifieddate', 'qualificationdate', 'qualifiedon', '确认时间', '有效时间', '转为有效时间'],
  disqualified_at: ['disqualifieddate', 'disqualifiedon'],
  converted_at: ['converteddate', 'conversiondate', 'convertedon', '转化时间', '转换时间'],
  closed_at: ['closedate', 'closeddate', 'closedon', '关闭时间', '成交日期', '结束时间', '赢单时间'],
  confirmed_at: ['confirmeddate', 'confirmationdate', 'confirmedon', '审核时间', '审批通过时间', '确认日期'],
  sent_at: ['sentdate', 'senton', 'quotesentdate', '发送时间', '报价日期'],
  accepted_at: ['accepteddate', 'acceptedon', '接受时间', '客户确认时间'],
  delivered_at: ['deliverydate', 'delivereddate', 'deliveredon', '签收日期', '签收时间', '送达日期'],
  shipped_at: ['shipdate', 'shippeddate', 'shippedon', 'shipmentdate', '发货日期', '发货时间', '出库日期'],
  issued_at: ['issuedate', 'issueddate', 'invoicedate', 'issuedon', 'billingdate', '开票日期', '开票时间'],
  due_at: ['duedate', 'paymentduedate', '到期日', '到期日期', '应收日期'],
  paid_at: ['paymentdate', 'paiddate', 'paidon', 'receiveddate', '回款日期', '回款时间', '收款日期', '付款日期'],
  lead_id: ['leadid', '线索编号', '线索id'],
  opportunity_id: ['opportunityid', 'oppid', 'dealid', 'convertedopportunityid', '商机编号', '商机id'],
  account_id: ['accountid', 'customerid', 'companyid', '客户编号', '客户id'],
  quote_id: ['quoteid', 'quotenumber', 'quoteno', '报价单号', '报价编号'],
  order_id: ['orderid', 'ordernumber', 'orderno', 'salesorderid', 'salesordernumber', '订单编号', '订单号', '合同编号'],
  delivery_id: ['deliveryid', 'deliverynumber', 'shipmentid', '发货单号', '发货单编号'],
  invoice_id: ['invoiceid', 'invoicenumber', 'invoiceno', '发票号码', '发票编号', '开票编号'],
  payment_id: ['paymentid', 'paymentnumber', 'paymentno', 'receiptid', '回款编号', '收款单号', '回款单号'],
  source: ['leadsource', '来源', '线索来源', '客户来源'],
  status: ['leadstatus', '状态', '跟进状态'],
  owner: ['ownername', 'leadowner', 'opportunityowner', 'salesrep', 'salesperson', '负责人', '销售', '销售员', '归属人'],
  stage: ['stagename', 'dealstage', '阶段', '商机阶段', '销售阶段'],
  is_closed: ['isclosed', 'closed'],
  is_won: ['iswon', 'won'],
  currency: ['currencycode', 'currencyisocode', '币种', '货币'],
  amount: ['totalamount', 'total', 'value', '金额', '总金额'],
  case_id: ['caseid', 'case', 'caseconceptname', ],
  activity: ['activityname', 'conceptname', 'event', 'eventname', '活动', '环节'],
  timestamp: ['timetimestamp', 'time', 'eventtime', 'datetime', '时间'],
  resource: ['orgresource', 'user'],
  lifecycle: ['lifecycletransition', 'transition'],
};

/** Variants that only mean a field in one kind of table ("Order Date" is an order's created_at). */
const KIND_ALIASES: Partial<Record<TableKind, Record<string, readonly string[]>>> = {
  leads: { created_at: ['leaddate', 'leadcreateddate'] },
  accounts: { account_id: ['account', 'accountname', 'company', 'customer'], industry: ['sector'], region: ['officelocation', 'country'] },
  orders: { created_at: ['orderdate', 'orderedat', 'ordercreateddate', '下单日期', '签约日期', '订单日期'], amount: ['ordertotal', 'orderamount', '合同金额', '订单金额'] },
  quotes: { created_at: ['quotedate'], amount: ['quoteamount', 'quotetotal'] },
  invoices: { amount: ['invoiceamount', 'invoicetotal', '开票金额', '发票金额'] },
  payments: { amount: ['amountpaid', 'paymentamount', 'paidamount', '回款金额', '收款金额'] },
  opportunities: { created_at: ['opportunitycreateddate'], amount: ['opportunityamount', 'dealamount', '商机金额', '商机总金额', '预计成交金额'] },
  products: { category: ['series', 'family', 'productfamily', 'productline', '产品系列'], list_price: ['listprice', 'price', 'salesprice', 'unitprice', '单价'] },
  owners: { owner: ['salesagent', 'salesrep', 'agent', 'owner'], team: ['salesteam', 'team', '团队'], region: ['regionaloffice', 'office', 'region'], manager: ['manager', '经理'] },
};

/** In event logs the XES attribute names win over look-alikes (pm4py reads concept:name, not "Activity"). */
const XES_NAMES: Record<string, readonly string[]> = {
  case_id: ['caseconceptname'], activity: ['conceptname'], timestamp: ['timetimestamp'], resource: ['orgresource'],
  lifecycle: ['lifecycletransition'],
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
    const candidates = [...(kind === 'events' ? XES_NAMES[field.name] ?? [] : []), normalizeHeader(field.name),
      ...(KIND_ALIASES[kind]?.[field.name] ?? []), ...(FIELD_ALIASES[field.name] ?? [])];
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
  accounts: 'account_id', stages: 'stage_id', order_lines: 'line_id', products: 'product', owners: 'owner',
  payment_lines: 'line_id',
};

export interface KindGuess {
  readonly kind: TableKind;
  readonly mapping: ColumnMapping;
  /** share of the kind's fields found in the header, 0..1 */
  readonly confidence: number;
  /** other kinds that fit as well: the file is ambiguous */
  readonly rivals: readonly TableKind[];
}

/**
 * The table kind whose required fields are all present and whose own id column is there; ties go
 * to the kind the file name mentions, then to the better coverage. Null when nothing fits.
 */
export function detectKind(headers: readonly string[], fileName: string): KindGuess | null {
  const name = nameHint(fileName);
  const guesses: (Omit<KindGuess, 'rivals'> & { score: number })[] = [];
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
  if (!best) return null;
  const rivals = guesses.slice(1).filter((g) => best.score - g.score < 0.05).map((g) => g.kind);
  return { kind: best.kind, mapping: best.mapping, confidence: best.confidence, rivals };
}

/**
 * How sure the reading is. Every field under its own canonical name (the data contract's layout,
 * e.g. the sample data): 0.9, plus up to 0.1 for the share of the file's columns that are fields of
 * the table. Otherwise (synonyms) 0.9 × the share of the table's fields found — kept below a
 * dedicated adapter's reading of its own source's labels, which knows that layout better.
 */
function canonicalConfidence(guess: KindGuess, headers: readonly string[], exact: boolean): number {
  if (!exact) return guess.confidence * 0.9;
  const named = Object.keys(guess.mapping.fields).length / Math.max(1, headers.length);
  return Math.round((0.9 + 0.1 * named) * 100) / 100;
}

const canonical: Adapter = {
  id: 'canonical',
  detect(file: SourceFile): AdapterMatch | null {
    const guess = detectKind(file.headers, file.name);
    if (!guess) return null;
    const exact = Object.entries(guess.mapping.fields).every(([field, header]) => normalizeHeader(header) === normalizeHeader(field));
    return {
      adapter: 'canonical',
      preset: exact ? `canonical/${guess.kind}` : `synonyms/${guess.kind}`,
      confidence: canonicalConfidence(guess, file.headers, exact),
      targets: [{ kind: guess.kind, fields: guess.mapping.fields, attributes: guess.mapping.extra }],
      notes: guess.rivals.length ? [importNote('header_also_fits', { rivals: guess.rivals.join(', ') })] : undefined,
    };
  },
};

export default canonical;

/** Mapping of a file to a kind the user names (ltc ingest --kind). */
export function planForKind(kind: TableKind, headers: readonly string[]) {
  const mapping = mapHeaders(kind, headers);
  return { kind, fields: mapping.fields, attributes: mapping.extra };
}
