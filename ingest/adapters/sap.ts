import type { Message } from '../../models/messages/catalogue.ts';
import { sapNote } from '../../models/messages/import-notes-sap.ts';
import {
  col, findHeader, normalizeHeader, type Adapter, type AdapterMatch, type FieldSource, type SkipRule, type SourceFile, type TargetPlan,
} from './adapter.ts';
import type { SkipReason } from '../skip-reasons.ts';
import { DOCUMENT_FLOW_NOTES, documentFlowTargets, type FlowHeaders } from './sap-flow.ts';
import { sapAmount, sapDateTime, sapDecimal, sapId, text, usesDecimalComma } from './sap-values.ts';

type Table = 'VBAK' | 'LIKP' | 'VBRK' | 'BSAD' | 'KNA1';

/** The file's header for an SAP field name, if it has one. */
type Lookup = (field: string) => string | undefined;

interface Profile {
  readonly table: Table;
  /** file-name words that name the table (LIPS items and VBRP items belong to their header's preset) */
  readonly names: readonly string[];
  readonly required: readonly string[];
  /** fields typical of this table and no other of ours; one of them (or the file name) must be there */
  readonly marks: readonly string[];
  readonly excludedBy?: readonly string[];
  plan(h: Lookup, file: SourceFile): { target: TargetPlan; notes: Message[] };
  /** why the rows the target's `where` leaves out are left out */
  readonly leftOut?: SkipReason;
}

const blank = (header: string) => `${text(header)} IS NULL`;

/** Every header the plan does not read, kept as attributes. */
function unused(file: SourceFile, used: readonly (string | undefined)[]): string[] {
  return file.headers.filter((header) => !used.includes(header));
}

/**
 * One row per document for exports joined with their items (VBAK+VBAP, LIKP+LIPS, VBRK+VBRP): the
 * first item that carries `link` (the preceding document). Header exports pass through unchanged.
 */
function firstItemPerDocument(h: Lookup, link?: string, extra = ''): string {
  const item = h('POSNR');
  const select = `SELECT *${extra} FROM ltc_raw`;
  if (!item) return select;
  const order = [link ? blank(link) : undefined, `lpad(trim(${col(item)}), 6, '0')`, 'ltc_rec'].filter(Boolean).join(', ');
  return `${select} QUALIFY row_number() OVER (PARTITION BY ${sapId(h('VBELN')!)} ORDER BY ${order}) = 1`;
}

const PROFILES: readonly Profile[] = [
  {
    table: 'VBAK', names: ['vbak', 'vbap'], required: ['VBELN', 'ERDAT'], leftOut: 'other_document_type',
    marks: ['AUDAT', 'AUART', 'BSTNK', 'BSTDK', 'VDATU', 'ANGDT', 'GUEBG'],
    plan(h, file) {
      const fields: Record<string, FieldSource> = {
        order_id: { sql: sapId(h('VBELN')!), label: h('VBELN') },
        created_at: { sql: sapDateTime(h('ERDAT')!, h('ERZET')), label: h('ERZET') ? `${h('ERDAT')} + ${h('ERZET')}` : h('ERDAT') },
      };
      if (h('NETWR')) fields.amount = { sql: sapAmount(h('NETWR')!), label: h('NETWR') };
      if (h('WAERK')) fields.currency = h('WAERK')!;
      if (h('KUNNR')) fields.account_id = { sql: sapId(h('KUNNR')!), label: h('KUNNR') };
      return {
        target: {
          kind: 'orders', fields, from: firstItemPerDocument(h),
          where: h('VBTYP') ? `trim(${col(h('VBTYP')!)}) = 'C'` : undefined,
          attributes: unused(file, ['VBELN', 'ERDAT', 'ERZET', 'NETWR', 'WAERK', 'KUNNR'].map(h)),
        },
        notes: [
          sapNote('vbak_created'),
          ...(h('VBTYP') ? [sapNote('vbak_orders_only')] : []),
        ],
      };
    },
  },
  {
    table: 'LIKP', names: ['likp', 'lips'], required: ['VBELN'],
    marks: ['WADAT_IST', 'LFART', 'LFDAT', 'WADAT', 'VSTEL', 'KODAT', 'LDDAT'],
    excludedBy: ['AUBEL', 'FKDAT'],
    plan(h, file) {
      const goodsIssue = h('WADAT_IST');
      const created = h('ERDAT') ? sapDateTime(h('ERDAT')!, h('ERZET')) : 'NULL';
      const delivered = goodsIssue ? `coalesce(${sapDateTime(goodsIssue)}, ${created})` : created;
      const basis = goodsIssue ? `CASE WHEN (${sapDateTime(goodsIssue)}) IS NULL THEN 'delivery created' ELSE 'goods issue' END` : `'delivery created'`;
      const fields: Record<string, FieldSource> = {
        delivery_id: { sql: sapId(h('VBELN')!), label: h('VBELN') },
        delivered_at: { sql: 'ltc_delivered_at', label: goodsIssue ? `${goodsIssue}, else ${h('ERDAT')}` : h('ERDAT') },
      };
      if (h('VGBEL')) fields.order_id = { sql: sapId(h('VGBEL')!), label: h('VGBEL') };
      return {
        target: {
          kind: 'deliveries', fields,
          from: firstItemPerDocument(h, h('VGBEL'), `, ${delivered} AS ltc_delivered_at, ${basis} AS delivered_at_basis`),
          attributes: [...unused(file, ['VBELN', 'VGBEL', 'WADAT_IST', 'ERDAT', 'ERZET'].map(h)), 'delivered_at_basis'],
        },
        notes: [
          sapNote('likp_delivered'),
          sapNote(h('VGBEL') ? 'likp_order' : 'likp_no_order'),
        ],
      };
    },
  },
  {
    table: 'VBRK', names: ['vbrk', 'vbrp'], required: ['VBELN'], leftOut: 'other_document_type',
    marks: ['FKDAT', 'FKART', 'FKSTO', 'KUNRG', 'SFAKN', 'AUBEL'],
    plan(h, file) {
      const net = h('NETWR');
      const tax = h('POSNR') ? h('MWSBP') : h('MWSBK');
      const comma = usesDecimalComma(file.sample.flatMap((row) => [net, tax].map((c) => (c ? row[c] : null))));
      const value = net ? `(${sapDecimal(net, comma)}${tax ? ` + coalesce(${sapDecimal(tax, comma)}, 0)` : ''})` : 'NULL';
      const doc = sapId(h('VBELN')!);
      const amount = h('POSNR') ? `sum(${value}) OVER (PARTITION BY ${doc})` : value;
      const dated = h('FKDAT') ?? h('ERDAT');
      const fields: Record<string, FieldSource> = {
        invoice_id: { sql: doc, label: h('VBELN') },
        amount: { sql: `coalesce(ltc_amount::VARCHAR, ${net ? sapAmount(net) : 'NULL'})`, label: tax ? `${net} + ${tax}` : net ?? 'NETWR' },
      };
      if (dated) fields.issued_at = { sql: sapDateTime(dated), label: dated };
      if (h('AUBEL')) fields.order_id = { sql: sapId(h('AUBEL')!), label: h('AUBEL') };
      if (h('WAERK')) fields.currency = h('WAERK')!;
      const cancelled = [
        h('FKSTO') ? `coalesce(trim(${col(h('FKSTO')!)}), '') = 'X'` : undefined,
        h('VBTYP') ? `trim(${col(h('VBTYP')!)}) <> 'M'` : undefined,
        h('SFAKN') ? `${doc} IN (SELECT ${sapId(h('SFAKN')!)} FROM ltc_raw WHERE ${text(h('SFAKN')!)} IS NOT NULL)` : undefined,
      ].filter(Boolean);
      return {
        target: {
          kind: 'invoices', fields,
          from: firstItemPerDocument(h, h('AUBEL'), `, ${amount} AS ltc_amount`),
          where: cancelled.length ? `NOT (${cancelled.join(' OR ')})` : undefined,
          attributes: unused(file, ['VBELN', 'AUBEL', 'FKDAT', 'NETWR', 'MWSBK', 'MWSBP', 'WAERK'].map(h)),
        },
        notes: [
          sapNote('vbrk_issued', { column: dated ?? 'FKDAT', tax: tax ? 'yes' : 'no', items: h('POSNR') ? 'yes' : 'no' }),
          sapNote(h('AUBEL') ? 'vbrk_order' : 'vbrk_no_order'),
          sapNote('vbrk_cancelled'),
        ],
      };
    },
  },
  {
    table: 'BSAD', names: ['bsad'], required: ['BELNR', 'AUGDT', 'AUGBL'], leftOut: 'not_an_invoice_payment',
    marks: ['AUGDT', 'AUGBL'],
    plan(h, file) {
      const invoice = h('VBELN') ?? h('XBLNR');
      const money = h('WRBTR') ?? h('DMBTR');
      const amount = money ? sapAmount(money) : 'NULL';
      const signed = h('SHKZG')
        ? `CASE WHEN trim(${col(h('SHKZG')!)}) = 'H' AND NOT starts_with(${amount}, '-') THEN '-' || ${amount} ELSE ${amount} END`
        : amount;
      const idParts = ['BUKRS', 'AUGBL', 'BELNR', 'BUZEI'].map(h).filter((c): c is string => !!c);
      const idLabel = idParts.join('/');
      const fields: Record<string, FieldSource> = {
        payment_id: { sql: `concat_ws('/', ${idParts.map(sapId).join(', ')})`, label: idLabel },
        paid_at: { sql: sapDateTime(h('AUGDT')!), label: h('AUGDT') },
        amount: { sql: signed, label: money ?? 'WRBTR' },
      };
      if (invoice) fields.invoice_id = { sql: sapId(invoice), label: invoice };
      return {
        target: {
          kind: 'payments', fields,
          where: invoice ? `${text(invoice)} IS NOT NULL AND ${sapId(h('BELNR')!)} IS DISTINCT FROM ${sapId(h('AUGBL')!)}` : undefined,
          attributes: unused(file, ['VBELN', 'AUGDT', 'WRBTR', 'DMBTR', 'SHKZG'].map(h)),
        },
        notes: [
          sapNote('bsad_payment', { invoice: invoice ?? 'VBELN', id: idLabel }),
          sapNote(money === h('WRBTR') ? 'bsad_document_currency' : 'bsad_local_currency'),
          sapNote('bsad_without_invoice'),
          ...(invoice === h('XBLNR') ? [sapNote('bsad_reference')] : []),
        ],
      };
    },
  },
  {
    table: 'KNA1', names: ['kna1'], required: ['KUNNR', 'NAME1'],
    marks: ['NAME1', 'LAND1', 'ORT01', 'BRSCH', 'REGIO', 'STRAS', 'PSTLZ', 'KTOKD'],
    excludedBy: ['VBELN', 'BELNR'],
    plan(h, file) {
      const fields: Record<string, FieldSource> = { account_id: { sql: sapId(h('KUNNR')!), label: h('KUNNR') }, name: h('NAME1')! };
      if (h('BRSCH')) fields.industry = h('BRSCH')!;
      if (h('LAND1')) fields.region = h('LAND1')!;
      return {
        target: { kind: 'accounts', fields, attributes: unused(file, ['KUNNR', 'NAME1', 'BRSCH', 'LAND1'].map(h)) },
        notes: [sapNote('kna1_fields')],
      };
    },
  },
];

/**
 * SAP SD exports by technical field names (issue 3). Presets:
 * - `sap-vbfa/document-flow`: the document flow table VBFA → orders, deliveries and invoices with
 *   their links (see sap-flow.ts for how each is derived);
 * - `sap-table/VBAK` → orders, `sap-table/LIKP` (LIKP joined with LIPS, or LIPS) → deliveries,
 *   `sap-table/VBRK` (VBRK joined with VBRP, or VBRP) → invoices, `sap-table/BSAD` (cleared
 *   customer items) → payments, `sap-table/KNA1` → accounts.
 * Both table extracts (0000019068, 20200326, 081257, 5200.00) and ALV exports (19068, 26.03.2020,
 * 08:12:57, 5.200,00, 1.234,56-) are read; document and customer numbers lose their leading zeros,
 * so files of either kind link up.
 */
const sap: Adapter = {
  id: 'sap',
  detect(file: SourceFile): AdapterMatch | null {
    const h: Lookup = (field) => findHeader(file.headers, field);
    const fileName = normalizeHeader(file.name);
    const named = (words: readonly string[]) => words.some((w) => fileName.includes(w));

    const flow = ['VBELV', 'VBELN', 'VBTYP_V', 'VBTYP_N', 'ERDAT'].map(h);
    if (flow.every(Boolean)) {
      const headers = Object.fromEntries(
        ['VBELV', 'VBELN', 'VBTYP_V', 'VBTYP_N', 'ERDAT', 'POSNV', 'POSNN', 'ERZET', 'RFWRT', 'WAERS'].map((f) => [f, h(f)]),
      ) as unknown as FlowHeaders;
      const comma = usesDecimalComma(file.sample.map((row) => (headers.RFWRT ? row[headers.RFWRT] : null)));
      return {
        adapter: 'sap', preset: 'sap-vbfa/document-flow', confidence: named(['vbfa']) ? 0.99 : 0.95,
        targets: documentFlowTargets(headers, comma),
        notes: [...DOCUMENT_FLOW_NOTES, ...(headers.RFWRT ? [] : [sapNote('flow_no_value')])],
      };
    }

    let best: { profile: Profile; score: number } | undefined;
    for (const profile of PROFILES) {
      if (profile.required.some((f) => !h(f)) || profile.excludedBy?.some((f) => h(f))) continue;
      const marks = profile.marks.filter((f) => h(f)).length;
      const score = marks + (named(profile.names) ? 3 : 0);
      if (score > 0 && (!best || score > best.score)) best = { profile, score };
    }
    if (!best) return null;
    const { target, notes } = best.profile.plan(h, file);
    const skips: SkipRule[] = [
      ...(target.where && best.profile.leftOut ? [{ reason: best.profile.leftOut, from: target.from, where: `NOT (${target.where})` }] : []),
      ...(h('POSNR') ? [{ reason: 'further_item' as const, where: 'true' }] : []),
    ];
    return {
      adapter: 'sap', preset: `sap-table/${best.profile.table}`,
      confidence: Math.min(0.95, 0.7 + 0.05 * best.score),
      targets: [target], notes, skips,
    };
  },
};
export default sap;
