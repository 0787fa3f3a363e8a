/**
 * Text of DSO on the Overview's receivables card (components/overview/FinanceCard.svelte) about thin
 * months — months with little invoiced (models/dso.ts) — in English and Simplified Chinese.
 */

import { bilingual } from './bilingual.ts';

export const dsoStrings = bilingual({
  en: {
    headlineOf: (month: string) => `latest month that is not thin, ${month}`,
    allThin: 'Every month here has little invoiced: no headline DSO. The chart shows them hollow.',
    thinRule: (below: number, percent: number) =>
      `Hollow grey points: thin months, little invoiced (fewer than ${below} invoices, or under ${percent}% of the median month) — shown, never the headline.`,
    thinMark: 'thin',
    invoices: 'Invoices',
    offScale: (value: string) => `${value}, off the scale`,
  },
  zh: {
    headlineOf: (month: string) => `最近一个样本充足的月份 ${month}`,
    allThin: '这些月份的开票都很少，不给出主要数字；图中以空心点显示。',
    thinRule: (below: number, percent: number) =>
      `灰色空心点：样本少的月份，开票很少（少于 ${below} 张发票，或不足月度中位数的 ${percent}%），仅作展示，不作为主要数字。`,
    thinMark: '样本少',
    invoices: '发票数',
    offScale: (value: string) => `${value}，超出坐标范围`,
  },
});

export type DsoStrings = (typeof dsoStrings)['en'];
