/**
 * Text of the Data quality page (pages/QualityPage.svelte, components/quality), English and
 * Simplified Chinese. Each check's own title and explanation come from the model (title_zh, …).
 */

import { bilingual } from './bilingual.ts';

export const qualityStrings = bilingual({
  en: {
    title: 'Data quality',
    subtitle: 'Records whose dates or amounts cannot be right: timelines that run backwards, absurd durations, dates in the future or placeholders, invoices paid more than their amount.',
    wholeWorkspace: 'Checks the whole workspace: the period and filters above do not apply.',
    summary: (problems: string, failing: number, total: number) => `${problems} findings in ${failing} of ${total} checks`,
    noneTitle: 'No problems found',
    noneBody: 'Every check passed: no timeline runs backwards, no duration is over ten years, no date is in the future or before 1990, and no invoice is paid more than its amount.',
    passed: (n: number) => `Checks with nothing found (${n})`,
    record: 'Record',
    field: 'Field',
    value: 'Value',
    against: 'Checked against',
    difference: 'Difference',
    caseCol: 'Case',
    noCase: 'in no case',
    openCase: (id: string) => `Open case ${id}`,
    daysBefore: (d: string) => `${d} days before`,
    daysAfter: (d: string) => `${d} days after`,
    importedAt: (batch: string, at: string) => `import ${batch} at ${at}`,
    amountMore: (amount: string) => `${amount} more`,
    shown: (shown: string, total: string) => `The first ${shown} of ${total}, the furthest off first.`,
    showMore: (n: string) => `Show up to ${n}`,
    examplesCaption: (title: string) => `Records found by “${title}”`,
    tables: {
      leads: 'Lead', opportunities: 'Opportunity', quotes: 'Quote', orders: 'Order', deliveries: 'Delivery',
      invoices: 'Invoice', payments: 'Payment', import_batches: 'Import',
    } as Record<string, string>,
  },
  zh: {
    title: '数据质量',
    subtitle: '日期或金额不可能正确的记录：时间顺序颠倒、时长离谱、未来日期或占位日期、回款超过发票金额。',
    wholeWorkspace: '检查整个工作区：上方的期间和筛选条件不适用。',
    summary: (problems: string, failing: number, total: number) => `${total} 项检查中有 ${failing} 项发现问题，共 ${problems} 条`,
    noneTitle: '未发现问题',
    noneBody: '所有检查均通过：没有时间顺序颠倒，没有超过十年的时长，没有未来日期或 1990 年之前的日期，也没有回款超过发票金额。',
    passed: (n: number) => `未发现问题的检查（${n} 项）`,
    record: '记录',
    field: '字段',
    value: '值',
    against: '对照',
    difference: '差值',
    caseCol: '案例',
    noCase: '不属于任何案例',
    openCase: (id: string) => `打开案例 ${id}`,
    daysBefore: (d: string) => `早 ${d} 天`,
    daysAfter: (d: string) => `晚 ${d} 天`,
    importedAt: (batch: string, at: string) => `第 ${batch} 批导入，${at}`,
    amountMore: (amount: string) => `多 ${amount}`,
    shown: (shown: string, total: string) => `显示前 ${shown} 条（共 ${total} 条），偏差最大的在前。`,
    showMore: (n: string) => `最多显示 ${n} 条`,
    examplesCaption: (title: string) => `“${title}”发现的记录`,
    tables: {
      leads: '线索', opportunities: '商机', quotes: '报价', orders: '订单', deliveries: '发货',
      invoices: '发票', payments: '回款', import_batches: '导入批次',
    },
  },
});

export type QualityStrings = (typeof qualityStrings)['en'];
