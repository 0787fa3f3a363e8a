/** Text of the Overview additions (trends, bottleneck, link quality, finance), in English and Simplified Chinese. */

const en = {
  kpi: {
    thin: 'thin',
    thinHint: (n: string) => `Only ${n} items: fewer than 20, so this figure can move a lot with a few more. Read it with care.`,
    median: 'median',
  },
  trend: {
    label: (first: string, last: string) => `Monthly trend, ${first} to ${last}`,
    partial: 'Hollow dots: periods not over yet, or where most items are still open.',
    none: 'No monthly values yet',
  },
  bottleneck: {
    title: 'Bottleneck',
    details: 'See all transitions',
    none: 'No transition has completed in this period, so no bottleneck can be named yet.',
  },
  links: {
    title: 'Link quality',
    caption: 'How well the loaded records stitch into cases. Records that cannot be traced are kept as their own cases and counted, not hidden.',
    tracedShare: 'of orders traced to a lead',
    tracedOf: (traced: string, total: string) => `${traced} of ${total} orders`,
    noOrders: 'No orders in this period.',
    poor: 'Few orders can be traced back to a lead: lead conversion and lead-to-cash times describe only the traced ones. Check that opportunity and lead ids are in the exports.',
    fair: 'Some orders cannot be traced back to a lead; lead measures leave them out.',
    ways: {
      through_opportunity: 'via opportunity',
      through_lead_opportunity_id: 'via lead’s opportunity id',
      through_lead_id: 'via the order’s lead id',
      opportunity_only: 'opportunity without lead',
      untraced: 'no opportunity or lead',
    } as Record<string, string>,
    inferred: (orders: string, opportunities: string) =>
      `Inferred links (a lead names the opportunity): ${orders} orders, ${opportunities} opportunities.`,
    opportunities: (traced: string, total: string, share: string) =>
      `Opportunities traced to a lead: ${traced} of ${total} (${share}).`,
    orphans: 'Orphans',
    orphan: 'Records',
    count: 'Count',
    share: 'Share',
    dangling: 'Ids that point nowhere',
    link: 'Link',
    pointsNowhere: 'Point nowhere',
    notLoaded: 'table not loaded',
    noDangling: 'Every id that is set points to a loaded record.',
    examples: (list: string) => `e.g. ${list}`,
    noSegment: 'Not in any case, so segment filters do not apply.',
  },
  finance: {
    title: 'Receivables',
    caption: 'Days sales outstanding and open invoices by days past due.',
    dso: 'DSO',
    dsoHint: 'Days sales outstanding: open receivables at month end ÷ amount invoiced in the month × days in the month.',
    latest: (month: string) => `latest month, ${month}`,
    partial: 'month not over',
    noDso: 'No month with invoices in this period.',
    aging: 'Aging',
    agingAt: (at: string) => `Open invoices at ${at}, by days past due`,
    openTotal: 'Open',
    overdue: 'Overdue',
    invoices: (n: string) => `${n} invoices`,
    noDueDate: (n: string, terms: number) => `${n} without a due date, taken as due ${terms} days after issue.`,
    noReceivables: 'No open invoices.',
    dsoChart: 'DSO by month',
    month: 'Month',
    agingChart: 'Open receivables by days past due',
  },
};

export type OverviewStrings = typeof en;

const zh: OverviewStrings = {
  kpi: {
    thin: '样本少',
    thinHint: (n: string) => `仅有 ${n} 个项目（少于 20 个），再多几个就可能明显变化，请谨慎解读。`,
    median: '中位数',
  },
  trend: {
    label: (first: string, last: string) => `月度趋势，${first} 至 ${last}`,
    partial: '空心点：期间尚未结束，或大部分记录尚未完成。',
    none: '暂无月度数据',
  },
  bottleneck: {
    title: '瓶颈',
    details: '查看全部环节',
    none: '此期间没有已完成的环节，暂时无法确定瓶颈。',
  },
  links: {
    title: '关联质量',
    caption: '导入的记录能否串联成完整案例。无法追溯的记录单独成为案例并计入统计，不会被隐藏。',
    tracedShare: '的订单可追溯到线索',
    tracedOf: (traced: string, total: string) => `${total} 个订单中的 ${traced} 个`,
    noOrders: '此期间没有订单。',
    poor: '能追溯到线索的订单很少：客户转化率和线索到回款周期只反映可追溯的订单。请检查导出文件中是否包含商机编号和线索编号。',
    fair: '部分订单无法追溯到线索，线索相关指标不包含这些订单。',
    ways: {
      through_opportunity: '经由商机',
      through_lead_opportunity_id: '经由线索中的商机编号',
      through_lead_id: '经由订单中的线索编号',
      opportunity_only: '商机无线索',
      untraced: '无商机或线索',
    },
    inferred: (orders: string, opportunities: string) =>
      `推断关联（线索中填写了商机）：订单 ${orders} 个，商机 ${opportunities} 个。`,
    opportunities: (traced: string, total: string, share: string) =>
      `可追溯到线索的商机：${total} 个中的 ${traced} 个（${share}）。`,
    orphans: '孤立记录',
    orphan: '记录',
    count: '数量',
    share: '占比',
    dangling: '指向不存在记录的编号',
    link: '关联字段',
    pointsNowhere: '无对应记录',
    notLoaded: '该表未导入',
    noDangling: '所有已填写的编号都能找到对应记录。',
    examples: (list: string) => `例如 ${list}`,
    noSegment: '不属于任何案例，因此不受细分筛选影响。',
  },
  finance: {
    title: '应收账款',
    caption: '应收账款周转天数，以及按逾期天数划分的未结发票。',
    dso: '应收账款周转天数',
    dsoHint: '应收账款周转天数 = 月末未收金额 ÷ 当月开票金额 × 当月天数。',
    latest: (month: string) => `最近月份 ${month}`,
    partial: '本月未结束',
    noDso: '此期间没有开票的月份。',
    aging: '账龄',
    agingAt: (at: string) => `截至 ${at} 的未结发票，按逾期天数`,
    openTotal: '未收',
    overdue: '已逾期',
    invoices: (n: string) => `${n} 张发票`,
    noDueDate: (n: string, terms: number) => `其中 ${n} 张没有到期日，按开票后 ${terms} 天到期计算。`,
    noReceivables: '没有未结发票。',
    dsoChart: '每月应收账款周转天数',
    month: '月份',
    agingChart: '按逾期天数的未收金额',
  },
};

export const overviewStrings: Record<'en' | 'zh', OverviewStrings> = { en, zh };
export default overviewStrings;
