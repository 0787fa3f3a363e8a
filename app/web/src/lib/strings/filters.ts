/** Text of the global filter bar (components/filters), in English and Simplified Chinese. */

import type { Lang } from '../types.ts';

const en = {
  bar: 'Filters',
  fields: { source: 'Source', owner: 'Owner', region: 'Region', segment: 'Segment' },
  all: { source: 'All sources', owner: 'All owners', region: 'All regions', segment: 'All segments' },
  /** how a value is offered: "Website (748)" */
  option: (value: string, cases: string) => `${value} (${cases})`,
  casesTitle: (n: string) => `${n} cases`,
  truncated: (shown: number, total: number) => `The ${shown} most frequent of ${total} values are listed.`,
  addFilter: '+ Filter',
  addFilterTitle: 'Filter on another column of the data',
  column: 'Column',
  value: 'Value',
  chooseColumn: '— choose a column —',
  chooseValue: '— choose a value —',
  apply: 'Apply',
  cancel: 'Cancel',
  noColumns: 'The data carries no extra columns with few enough values to filter on.',
  active: 'Filtered by',
  remove: (name: string, value: string) => `Remove filter ${name}: ${value}`,
  clearAll: 'Clear all',
  clearAllTitle: 'Remove every filter, dates included',
  optionsError: 'Filter choices could not be loaded',
};

export type FilterStrings = typeof en;

const zh: FilterStrings = {
  bar: '筛选',
  fields: { source: '来源', owner: '负责人', region: '区域', segment: '客户细分' },
  all: { source: '全部来源', owner: '全部负责人', region: '全部区域', segment: '全部细分' },
  option: (value: string, cases: string) => `${value}(${cases})`,
  casesTitle: (n: string) => `${n} 个案例`,
  truncated: (shown: number, total: number) => `共 ${total} 个取值,仅列出最常见的 ${shown} 个。`,
  addFilter: '+ 筛选',
  addFilterTitle: '按数据中的其他列筛选',
  column: '列',
  value: '取值',
  chooseColumn: '— 选择列 —',
  chooseValue: '— 选择取值 —',
  apply: '应用',
  cancel: '取消',
  noColumns: '数据中没有取值较少、可用于筛选的其他列。',
  active: '当前筛选',
  remove: (name: string, value: string) => `移除筛选 ${name}:${value}`,
  clearAll: '全部清除',
  clearAllTitle: '移除所有筛选(包括日期)',
  optionsError: '无法加载筛选选项',
};

export const filterStrings: Record<Lang, FilterStrings> = { en, zh };
