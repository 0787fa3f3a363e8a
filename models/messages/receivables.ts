/** Receivables: the aging buckets and the notes of aging and DSO (models/aging.ts, models/dso.ts). */
import type { Catalogue } from './catalogue.ts';

/** Days past due, by aging bucket id. */
export const AGING_BUCKET_LABELS = {
  current: { en: 'Not yet due', zh: '未到期' },
  '1-30': { en: '1–30 days past due', zh: '逾期 1–30 天' },
  '31-60': { en: '31–60 days past due', zh: '逾期 31–60 天' },
  '61-90': { en: '61–90 days past due', zh: '逾期 61–90 天' },
  '90+': { en: 'Over 90 days past due', zh: '逾期 90 天以上' },
} as const satisfies Catalogue;

/** Why aging or DSO has no figures, and what a DSO month's figure rests on. */
export const RECEIVABLES_NOTES = {
  aging_needs_invoices: { en: 'needs invoices', zh: '需要发票数据' },
  dso_needs_invoices: {
    en: 'needs invoices (DSO measures invoiced amounts and what is still open of them)',
    zh: '需要发票数据（应收账款周转天数按开票金额及其未收部分计算）',
  },
  month_not_over: {
    en: 'month not over: measured at {measured_at} over its first {days} days',
    zh: '本月未结束：按截至 {measured_at} 的前 {days} 天计算',
  },
  nothing_invoiced: { en: 'nothing invoiced in the month: DSO undefined', zh: '本月无开票：无法计算周转天数' },
  few_invoices: {
    en: 'thin: only {invoices} invoice(s) in the month (fewer than {thin_below}); not a headline',
    zh: '样本少：本月仅 {invoices} 张发票（少于 {thin_below} 张），不作为主要数字',
  },
  little_invoiced: {
    en: 'thin: invoiced under {percent}% of the median month; not a headline',
    zh: '样本少：本月开票金额不足月度中位数的 {percent}%，不作为主要数字',
  },
  separator: { en: '; ', zh: '；' },
} as const satisfies Catalogue;
