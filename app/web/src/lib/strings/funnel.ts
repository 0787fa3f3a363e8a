/** Text of the Funnel page (pages/FunnelPage.svelte, components/funnel), English and Simplified Chinese. */

import type { Lang } from '../types.ts';

const en = {
  title: 'Funnel',
  subtitle: 'How the leads of the period move through the milestones, by the month or quarter they were created.',
  cohorts: 'Cohorts',
  grains: { month: 'Month', quarter: 'Quarter' },
  splitBy: 'Split by',
  noSplit: 'No split',
  extraColumns: 'Other columns',
  window: 'Window (days)',
  funnelTitle: 'Funnel for the period',
  funnelCaption: (w: number) =>
    `Leads created in the period that reached each milestone (or a later one) within ${w} days; % of the observable leads.`,
  censoredNote: (n: string, w: number, until: string) =>
    `${n} leads created after ${until} are younger than ${w} days: not yet observable, so left out of every count and rate.`,
  allObservable: (w: number) => `Every lead of the period is at least ${w} days old, so all are observed.`,
  leadsCreated: 'Leads created',
  observable: 'Observable',
  censored: 'Not yet observable',
  stage: 'Stage',
  leads: 'Leads',
  ofPrevious: 'of previous',
  ofLeads: 'of leads',
  byTitle: (name: string) => `Funnel by ${name}`,
  byCaption: 'Share of each group’s observable leads that reached each milestone within the window; darker cells convert better.',
  moreValues: (n: number) => `Showing the ${n} largest groups.`,
  noValue: '(none)',
  cohortsTitle: { month: 'Cohorts by month', quarter: 'Cohorts by quarter' },
  cohortsCaption: (w: number) =>
    `Each row: the leads created in that month or quarter, and how many reached each milestone within ${w} days.`,
  cohort: 'Cohort',
  show: 'Show',
  rates: { cumulative: '% of leads', step: '% of previous stage' },
  incomplete: 'incomplete',
  incompleteTitle: (censored: string, leads: string, w: number) =>
    `${censored} of ${leads} leads are younger than ${w} days: not yet observable; the rates cover the others.`,
  tooRecent: 'too recent',
  tooRecentTitle: (w: number) => `Every lead of this cohort is younger than ${w} days: nothing to observe yet.`,
  allCohorts: 'All cohorts',
  leadsOf: 'Leads of',
  allLeads: 'All leads',
  noLeadsInPeriod: 'No leads were created in this period with these filters.',
  noLeadsTitle: 'The funnel starts from leads',
  noLeadsBody: 'Import a leads export (with opportunities, orders, invoices and payments if you have them) to see how leads move through the milestones.',
  importAction: 'Go to Import',
  chartLabel: (n: string) => `Funnel chart of ${n} observable leads`,
};

export type FunnelStrings = typeof en;

const zh: FunnelStrings = {
  title: '转化漏斗',
  subtitle: '所选期间的线索如何推进到各个里程碑,按线索创建的月份或季度分组。',
  cohorts: '分组',
  grains: { month: '按月', quarter: '按季度' },
  splitBy: '拆分维度',
  noSplit: '不拆分',
  extraColumns: '其他列',
  window: '观察窗口(天)',
  funnelTitle: '本期漏斗',
  funnelCaption: (w: number) => `期间内创建的线索中,在 ${w} 天内到达各里程碑(或其后环节)的数量;百分比为占可观察线索的比例。`,
  censoredNote: (n: string, w: number, until: string) =>
    `${until} 之后创建的 ${n} 条线索不足 ${w} 天,尚不可观察,不计入任何数量和比例。`,
  allObservable: (w: number) => `本期所有线索均已满 ${w} 天,全部可观察。`,
  leadsCreated: '新建线索',
  observable: '可观察',
  censored: '尚不可观察',
  stage: '阶段',
  leads: '线索数',
  ofPrevious: '占上一阶段',
  ofLeads: '占线索',
  byTitle: (name: string) => `按${name}拆分的漏斗`,
  byCaption: '各组可观察线索在观察窗口内到达各里程碑的比例;颜色越深转化越好。',
  moreValues: (n: number) => `仅显示线索最多的 ${n} 组。`,
  noValue: '(空)',
  cohortsTitle: { month: '按月分组', quarter: '按季度分组' },
  cohortsCaption: (w: number) => `每行为该月或该季度创建的线索,以及其中在 ${w} 天内到达各里程碑的数量。`,
  cohort: '分组',
  show: '显示',
  rates: { cumulative: '占线索', step: '占上一阶段' },
  incomplete: '未完整',
  incompleteTitle: (censored: string, leads: string, w: number) =>
    `${leads} 条线索中有 ${censored} 条不足 ${w} 天,尚不可观察;比例只按其余线索计算。`,
  tooRecent: '过新',
  tooRecentTitle: (w: number) => `该组所有线索均不足 ${w} 天,尚无可观察数据。`,
  allCohorts: '全部分组',
  leadsOf: '线索范围',
  allLeads: '全部线索',
  noLeadsInPeriod: '在此期间和筛选条件下没有新建线索。',
  noLeadsTitle: '漏斗从线索开始',
  noLeadsBody: '请导入线索文件(如有商机、订单、发票和回款也一并导入),即可查看线索在各里程碑间的推进情况。',
  importAction: '前往导入',
  chartLabel: (n: string) => `${n} 条可观察线索的漏斗图`,
};

export const funnelStrings: Record<Lang, FunnelStrings> = { en, zh };
