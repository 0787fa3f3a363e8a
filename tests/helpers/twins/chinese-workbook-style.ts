/**
 * The twin world as a Jiandaoyun-style Excel export (issue 19): one workbook, one sheet per form —
 * 客户, 线索, 商机, 合同, 发货单, 发票, 回款 — with the headers of the Chinese CSV twin, but typed the
 * way Excel holds them: moments as date cells (date-only fields with a date format), amounts as
 * numbers under `"¥"#,##0.00` (发票's under a plain `#,##0.00` and a "（元）" header), the rest text.
 * 商机 and 回款 start with a title row merged across the columns, as those exports do; 回款 is by
 * 合同 (contract), and holds one bad row: a 回款金额 of "待定" (to be decided), a text cell, whose
 * reject must name the sheet's row, the title counted.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { outcome } from './chinese-crm-style.ts';
import { parts, type BadRow, type Bundle, type BundleFile, type Row, type TwinTable, type World } from './world.ts';

type Kind = 'text' | 'moment' | 'date' | 'yuan' | 'amount';
type Column = readonly [label: string, kind: Kind, value: (row: Row) => string];

interface SheetSpec {
  readonly sheet: string;
  readonly table: TwinTable;
  readonly preset: string;
  readonly columns: readonly Column[];
  readonly title?: string;
  readonly bad?: { readonly after: number; readonly id: string; readonly column: string; readonly cells: Readonly<Record<string, string | Date>> };
}

export const WORKBOOK_NAME = '简道云导出.xlsx';

function specs(world: World): SheetSpec[] {
  const accountName = new Map(world.accounts.map((a) => [a.account_id, a.name]));
  return [
    {
      sheet: '客户', table: 'accounts', preset: 'chinese-crm/account',
      columns: [
        ['客户编号', 'text', (r) => r.account_id], ['客户名称', 'text', (r) => r.name], ['所属行业', 'text', (r) => r.industry],
        ['区域', 'text', (r) => r.region], ['客户级别', 'text', (r) => r.segment], ['负责人', 'text', (r) => r.owner],
      ],
    },
    {
      sheet: '线索', table: 'leads', preset: 'chinese-crm/lead',
      columns: [
        ['线索编号', 'text', (r) => r.lead_id], ['线索名称', 'text', (r) => `询盘 ${r.lead_id}`], ['线索来源', 'text', (r) => r.source],
        ['线索状态', 'text', (r) => r.status], ['负责人', 'text', (r) => r.owner], ['区域', 'text', (r) => r.region],
        ['创建时间', 'moment', (r) => r.created_at], ['有效时间', 'moment', (r) => r.qualified_at], ['转化时间', 'date', (r) => r.converted_at],
        ['转化商机编号', 'text', (r) => r.opportunity_id], ['转化客户编号', 'text', (r) => r.account_id],
      ],
    },
    {
      sheet: '商机', table: 'opportunities', preset: 'chinese-crm/opportunity', title: '商机列表',
      columns: [
        ['商机编号', 'text', (r) => r.opportunity_id], ['商机名称', 'text', (r) => `${accountName.get(r.account_id) ?? '新客户'}采购项目`],
        ['客户编号', 'text', (r) => r.account_id], ['商机阶段', 'text', (r) => r.stage], ['输赢状态', 'text', outcome],
        ['商机总金额', 'yuan', (r) => r.amount], ['结束时间', 'date', (r) => r.closed_at], ['负责人', 'text', (r) => r.owner],
        ['创建时间', 'moment', (r) => r.created_at],
      ],
    },
    {
      sheet: '合同', table: 'orders', preset: 'chinese-crm/order',
      columns: [
        ['合同编号', 'text', (r) => r.order_id], ['合同名称', 'text', (r) => `${accountName.get(r.account_id) ?? ''}销售合同`],
        ['商机编号', 'text', (r) => r.opportunity_id], ['客户编号', 'text', (r) => r.account_id], ['下单日期', 'moment', (r) => r.created_at],
        ['审批通过时间', 'moment', (r) => r.confirmed_at], ['合同金额', 'yuan', (r) => r.amount],
      ],
    },
    {
      sheet: '发货单', table: 'deliveries', preset: 'chinese-crm/delivery',
      columns: [
        ['发货单号', 'text', (r) => r.delivery_id], ['合同编号', 'text', (r) => r.order_id], ['物流公司', 'text', () => '顺丰速运'],
        ['发货日期', 'moment', (r) => r.shipped_at], ['签收日期', 'moment', (r) => r.delivered_at],
      ],
    },
    {
      sheet: '发票', table: 'invoices', preset: 'chinese-crm/invoice',
      columns: [
        ['发票号码', 'text', (r) => r.invoice_id], ['合同编号', 'text', (r) => r.order_id], ['发票类型', 'text', () => '增值税专用发票'],
        ['开票日期', 'moment', (r) => r.issued_at], ['到期日', 'moment', (r) => r.due_at], ['开票金额（元）', 'amount', (r) => r.amount],
      ],
    },
    {
      sheet: '回款', table: 'payments', preset: 'chinese-crm/payment', title: '回款记录',
      columns: [
        ['回款编号', 'text', (r) => r.payment_id], ['合同编号', 'text', (r) => r.order_id], ['发票号码', 'text', (r) => r.invoice_id],
        ['回款日期', 'moment', (r) => r.paid_at], ['回款金额', 'yuan', (r) => r.amount], ['回款方式', 'text', () => '银行转账'],
      ],
      bad: {
        after: 99, id: 'P900002', column: '回款金额',
        cells: { 回款编号: 'P900002', 合同编号: 'SO000003', 回款日期: new Date(Date.UTC(2025, 2, 7, 14, 5)), 回款金额: '待定', 回款方式: '银行承兑汇票' },
      },
    },
  ];
}

const FORMATS: Partial<Record<Kind, string>> = {
  moment: 'yyyy-mm-dd hh:mm', date: 'yyyy-mm-dd', yuan: '"¥"#,##0.00', amount: '#,##0.00',
};

/** A world value as its cell: moments are naive UTC, as exceljs writes a Date. */
function cellValue(kind: Kind, text: string): ExcelJS.CellValue {
  if (text === '' || kind === 'text') return text === '' ? null : text;
  if (kind === 'yuan' || kind === 'amount') return Number(text);
  const { y, mo, d, h, mi, s } = parts(text);
  if (kind === 'date' && (h || mi || s)) throw new Error(`a date-only field has a time: ${text}`);
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s));
}

/** What the import reads from a cell: ISO moments and dates, plain decimal numbers (for the adapters' detect()). */
function sampleText(value: ExcelJS.CellValue, kind: Kind | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    const iso = value.toISOString().replace('T', ' ').slice(0, 19);
    return kind === 'date' ? iso.slice(0, 10) : iso;
  }
  return String(value);
}

export async function writeChineseWorkbook(world: World): Promise<Bundle> {
  const dir = mkdtempSync(join(tmpdir(), 'ltc-twin-xlsx-'));
  const path = join(dir, WORKBOOK_NAME);
  const book = new ExcelJS.Workbook();
  const files: BundleFile[] = [];
  const badRows: BadRow[] = [];
  for (const spec of specs(world)) {
    const sheet = book.addWorksheet(spec.sheet);
    const header = spec.columns.map(([label]) => label);
    const kinds = new Map(spec.columns.map(([label, kind]) => [label, kind]));
    if (spec.title) {
      sheet.addRow([spec.title]);
      sheet.mergeCells(1, 1, 1, header.length);
    }
    sheet.addRow(header);
    const rows: ExcelJS.CellValue[][] = [];
    const source = world[spec.table];
    for (let i = 0; i <= source.length; i++) {
      if (spec.bad?.after === i) {
        rows.push(header.map((label) => spec.bad!.cells[label] ?? null));
        badRows.push({ file: `${WORKBOOK_NAME} › ${spec.sheet}`, line: sheet.rowCount + rows.length, column: spec.bad.column, id: spec.bad.id });
      }
      if (i < source.length) rows.push(spec.columns.map(([, kind, value]) => cellValue(kind, value(source[i]))));
    }
    for (const row of rows) sheet.addRow(row);
    spec.columns.forEach(([, kind], i) => {
      const format = FORMATS[kind];
      if (format) sheet.getColumn(i + 1).numFmt = format;
    });
    files.push({
      path, name: `${WORKBOOK_NAME} › ${spec.sheet}`, table: spec.table, adapter: 'chinese-crm', preset: spec.preset, headers: header,
      sample: rows.slice(0, 20).map((row) => Object.fromEntries(header.map((label, i) => [label, sampleText(row[i], kinds.get(label))]))),
    });
  }
  await book.xlsx.writeFile(path);
  return { dir, files, badRows };
}
