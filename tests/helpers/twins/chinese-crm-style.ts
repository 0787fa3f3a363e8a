/**
 * The twin world as a Chinese CRM (Jiandaoyun / Xiaoshouyi style) exports it: one file per object —
 * 客户, 线索, 商机, 合同, 发货单, 发票, 回款记录 — with the headers those exports use, Excel-in-China
 * bytes (GB18030, CRLF, no BOM), dates as `2025年3月7日 14:05:00`, `2025/3/7 14:05` or date-only
 * `2025年3月7日`, amounts as `¥1,234.50` (or plain `1,234.50` under a "（元）" header), and a title row
 * above the header in 商机 and 回款记录 (the way those exports start with the report name).
 *
 * Pick-list values (lead source and status, opportunity stage, region, owner) are the world's own:
 * they are the org's configuration, not a format, and keeping them lets the test compare the loaded
 * tables value for value. The outcome of an opportunity is exported the Chinese way, as 输赢状态
 * 赢单 / 输单 (empty while open).
 *
 * One bad row is added: a 回款 whose 回款金额 is "待定" (to be decided), below the title row, so its
 * reject must carry the physical line number of the file, title included.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import {
  csvText, groupThousands, parts, sampleOf, type BadRow, type Bundle, type BundleFile, type Row, type TwinTable, type World,
} from './world.ts';

/** 'YYYY-MM-DD HH:MM:SS' → '2025年3月7日 14:05:00' */
export function zhDateTime(timestamp: string): string {
  if (timestamp === '') return '';
  const { y, mo, d, h, mi, s } = parts(timestamp);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${y}年${mo}月${d}日 ${two(h)}:${two(mi)}:${two(s)}`;
}

/** 'YYYY-MM-DD 00:00:00' → '2025年3月7日' */
export function zhDate(timestamp: string): string {
  if (timestamp === '') return '';
  const { y, mo, d, h, mi, s } = parts(timestamp);
  if (h || mi || s) throw new Error(`a date-only field has a time: ${timestamp}`);
  return `${y}年${mo}月${d}日`;
}

/** 'YYYY-MM-DD HH:MM:SS' → '2025/3/7 14:05' (the twin world has no seconds). */
export function slashDateTime(timestamp: string): string {
  if (timestamp === '') return '';
  const { y, mo, d, h, mi, s } = parts(timestamp);
  if (s !== 0) throw new Error(`this format shows no seconds: ${timestamp}`);
  return `${y}/${mo}/${d} ${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}`;
}

/** '1234.50' → '¥1,234.50' */
export function yuan(amount: string): string {
  return amount === '' ? '' : `¥${groupThousands(amount)}`;
}

type Column = readonly [label: string, value: (row: Row) => string];

interface FileSpec {
  readonly name: string;
  readonly table: TwinTable;
  readonly preset: string;
  readonly columns: readonly Column[];
  /** lines written above the header (an export's title), as raw CSV lines */
  readonly title?: readonly string[];
  readonly bad?: readonly { readonly after: number; readonly id: string; readonly column: string; readonly cells: Readonly<Record<string, string>> }[];
}

export const outcome = (r: Row) => (r.is_closed !== 'true' ? '' : r.is_won === 'true' ? '赢单' : '输单');

function specs(world: World): FileSpec[] {
  const accountName = new Map(world.accounts.map((a) => [a.account_id, a.name]));
  return [
    {
      name: '客户.csv', table: 'accounts', preset: 'chinese-crm/account',
      columns: [
        ['客户编号', (r) => r.account_id], ['客户名称', (r) => r.name], ['所属行业', (r) => r.industry], ['区域', (r) => r.region],
        ['客户级别', (r) => r.segment], ['负责人', (r) => r.owner],
      ],
    },
    {
      name: '线索.csv', table: 'leads', preset: 'chinese-crm/lead',
      columns: [
        ['线索编号', (r) => r.lead_id], ['线索名称', (r) => `询盘 ${r.lead_id}`], ['线索来源', (r) => r.source], ['线索状态', (r) => r.status],
        ['负责人', (r) => r.owner], ['区域', (r) => r.region], ['创建时间', (r) => zhDateTime(r.created_at)],
        ['有效时间', (r) => slashDateTime(r.qualified_at)], ['转化时间', (r) => zhDate(r.converted_at)],
        ['转化商机编号', (r) => r.opportunity_id], ['转化客户编号', (r) => r.account_id],
      ],
    },
    {
      name: '商机.csv', table: 'opportunities', preset: 'chinese-crm/opportunity',
      title: ['商机列表'],
      columns: [
        ['商机编号', (r) => r.opportunity_id], ['商机名称', (r) => `${accountName.get(r.account_id) ?? '新客户'}采购项目`],
        ['客户编号', (r) => r.account_id], ['商机阶段', (r) => r.stage], ['输赢状态', outcome], ['商机总金额', (r) => yuan(r.amount)],
        ['结束时间', (r) => zhDate(r.closed_at)], ['负责人', (r) => r.owner], ['创建时间', (r) => slashDateTime(r.created_at)],
      ],
    },
    {
      name: '合同.csv', table: 'orders', preset: 'chinese-crm/order',
      columns: [
        ['合同编号', (r) => r.order_id], ['合同名称', (r) => `${accountName.get(r.account_id) ?? ''}销售合同`], ['商机编号', (r) => r.opportunity_id],
        ['客户编号', (r) => r.account_id], ['下单日期', (r) => zhDateTime(r.created_at)], ['审批通过时间', (r) => zhDateTime(r.confirmed_at)],
        ['合同金额', (r) => yuan(r.amount)],
      ],
    },
    {
      name: '发货单.csv', table: 'deliveries', preset: 'chinese-crm/delivery',
      columns: [
        ['发货单号', (r) => r.delivery_id], ['合同编号', (r) => r.order_id], ['物流公司', () => '顺丰速运'],
        ['发货日期', (r) => slashDateTime(r.shipped_at)], ['签收日期', (r) => slashDateTime(r.delivered_at)],
      ],
    },
    {
      name: '发票.csv', table: 'invoices', preset: 'chinese-crm/invoice',
      columns: [
        ['发票号码', (r) => r.invoice_id], ['合同编号', (r) => r.order_id], ['发票类型', () => '增值税专用发票'],
        ['开票日期', (r) => zhDateTime(r.issued_at)], ['到期日', (r) => zhDateTime(r.due_at)],
        // the unit in the header, plain grouped numbers in the cells (the adapter ignores a trailing "（元）")
        ['开票金额（元）', (r) => groupThousands(r.amount)],
      ],
    },
    {
      name: '回款记录.csv', table: 'payments', preset: 'chinese-crm/payment',
      // Excel writes a merged title cell as one filled cell and empty ones
      title: ['回款记录,,,,,'],
      columns: [
        ['回款编号', (r) => r.payment_id], ['合同编号', (r) => r.order_id], ['发票号码', (r) => r.invoice_id],
        ['回款日期', (r) => zhDateTime(r.paid_at)], ['回款金额', (r) => yuan(r.amount)], ['回款方式', () => '银行转账'],
      ],
      bad: [{
        after: 99, id: 'P900002', column: '回款金额',
        cells: { 回款编号: 'P900002', 合同编号: 'SO000003', 回款日期: '2025年3月7日 14:05:00', 回款金额: '待定', 回款方式: '银行承兑汇票' },
      }],
    },
  ];
}

export function writeChineseCrmBundle(world: World): Bundle {
  const dir = mkdtempSync(join(tmpdir(), 'ltc-twin-zh-'));
  const files: BundleFile[] = [];
  const badRows: BadRow[] = [];
  for (const spec of specs(world)) {
    const header = spec.columns.map(([label]) => label);
    const cells = (row: Row) => spec.columns.map(([, value]) => value(row));
    const above = spec.title?.length ?? 0;
    const rows: string[][] = [];
    const source = world[spec.table];
    for (let i = 0; i <= source.length; i++) {
      for (const bad of spec.bad ?? []) {
        if (bad.after !== i) continue;
        rows.push(header.map((label) => bad.cells[label] ?? ''));
        // title lines, then the header, then the records (no cell holds a line break)
        badRows.push({ file: spec.name, line: above + 1 + rows.length, column: bad.column, id: bad.id });
      }
      if (i < source.length) rows.push(cells(source[i]));
    }
    const text = (spec.title ?? []).map((line) => `${line}\r\n`).join('') + csvText(header, rows, { eol: '\r\n' });
    const path = join(dir, spec.name);
    writeFileSync(path, iconv.encode(text, 'gb18030'));
    files.push({ path, name: spec.name, table: spec.table, adapter: 'chinese-crm', preset: spec.preset, headers: header, sample: sampleOf(header, rows) });
  }
  return { dir, files, badRows };
}
