/** Text of the global filter bar (components/filters), in English and Simplified Chinese. */

import { bilingual } from './bilingual.ts';

export const filterStrings = bilingual({
  en: {
    bar: 'Filters',
    fields: { source: 'Source', owner: 'Owner', region: 'Region', segment: 'Segment' },
    all: { source: 'All sources', owner: 'All owners', region: 'All regions', segment: 'All segments' },
    /** how a value is offered: "Website (748)" */
    option: (value: string, cases: string) => `${value} (${cases})`,
    casesTitle: (n: string) => `${n} cases`,
    truncated: (shown: number, total: number) => `The ${shown} most frequent of ${total} values are listed.`,
    /** why a field's filter is greyed out */
    noValues: {
      source: 'No case in the data has a source: import leads (or opportunities) with a source column to filter by it.',
      owner: 'No case in the data has an owner: import records with an owner (or sales agent) column to filter by it.',
      region: 'No case in the data has a region: import accounts or records with a region column to filter by it.',
      segment: 'No case in the data has a segment: import accounts or records with a segment column to filter by it.',
    },
    addFilter: '+ Filter',
    addFilterTitle: 'Filter on another column of the data',
    column: 'Column',
    value: 'Value',
    chooseColumn: '— choose a column —',
    chooseValue: '— choose a value —',
    apply: 'Apply',
    cancel: 'Cancel',
    noColumns: 'The data carries no extra columns with few enough values to filter on.',
    searchColumns: (n: number) => `Search all ${n} columns`,
    searchPlaceholder: 'Column name…',
    segmentColumns: (n: number) => `Columns that segment (${n})`,
    matching: (n: number) => `Matching columns (${n})`,
    /** a column that does not segment, as the search lists it: "is_deleted · tool field" */
    otherColumn: (key: string, role: string) => `${key} · ${role}`,
    roles: { segment: 'segment', tool: 'export-tool field', constant: 'one value', date: 'dates', id: 'ids', many: 'many values' },
    /** Split by */
    otherColumns: 'Other columns…',
    splitSearch: 'Split by another column',
    active: 'Filtered by',
    remove: (name: string, value: string) => `Remove filter ${name}: ${value}`,
    clearAll: 'Clear all',
    clearAllTitle: 'Remove every filter, dates included',
    optionsError: 'Filter choices could not be loaded',
  },
  zh: {
    bar: '筛选',
    fields: { source: '来源', owner: '负责人', region: '区域', segment: '客户细分' },
    all: { source: '全部来源', owner: '全部负责人', region: '全部区域', segment: '全部细分' },
    option: (value: string, cases: string) => `${value}(${cases})`,
    casesTitle: (n: string) => `${n} 个案例`,
    truncated: (shown: number, total: number) => `共 ${total} 个取值,仅列出最常见的 ${shown} 个。`,
    noValues: {
      source: '数据中没有任何案例带有来源：导入含来源列的线索（或商机）后即可按来源筛选。',
      owner: '数据中没有任何案例带有负责人：导入含负责人（或销售代表）列的记录后即可按负责人筛选。',
      region: '数据中没有任何案例带有区域：导入含区域列的客户或记录后即可按区域筛选。',
      segment: '数据中没有任何案例带有客户细分：导入含细分列的客户或记录后即可按细分筛选。',
    },
    addFilter: '+ 筛选',
    addFilterTitle: '按数据中的其他列筛选',
    column: '列',
    value: '取值',
    chooseColumn: '— 选择列 —',
    chooseValue: '— 选择取值 —',
    apply: '应用',
    cancel: '取消',
    noColumns: '数据中没有取值较少、可用于筛选的其他列。',
    searchColumns: (n: number) => `搜索全部 ${n} 列`,
    searchPlaceholder: '列名…',
    segmentColumns: (n: number) => `可用于细分的列（${n}）`,
    matching: (n: number) => `匹配的列（${n}）`,
    otherColumn: (key: string, role: string) => `${key} · ${role}`,
    roles: { segment: '细分列', tool: '导出工具字段', constant: '单一取值', date: '日期', id: '编号', many: '取值过多' },
    otherColumns: '其他列…',
    splitSearch: '按其他列拆分',
    active: '当前筛选',
    remove: (name: string, value: string) => `移除筛选 ${name}:${value}`,
    clearAll: '全部清除',
    clearAllTitle: '移除所有筛选(包括日期)',
    optionsError: '无法加载筛选选项',
  },
});

export type FilterStrings = (typeof filterStrings)['en'];
