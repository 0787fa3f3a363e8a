/** Why an extra column is or is not offered as a segment (models/filter-column-roles.ts), by reason code. */
import type { Catalogue } from './catalogue.ts';

export const COLUMN_ROLE_REASONS = {
  tool: { en: 'a field the export tool or the source system keeps for itself', zh: '导出工具或源系统自用的记录字段' },
  no_value: { en: 'no case has a value', zh: '没有任何案例有取值' },
  one_value: { en: 'the same value for every case that has one', zh: '所有有取值的案例取值相同' },
  dates: { en: 'dates: filter by the date range instead', zh: '日期：请改用日期范围筛选' },
  record_ids: { en: 'record ids, not groups of cases', zh: '记录编号，不是案例分组' },
  near_unique: {
    en: 'nearly one value per case ({distinct} values over {present} cases): an id, a name or free text',
    zh: '几乎每个案例一个取值({present} 个案例有 {distinct} 个取值):编号、名称或自由文本',
  },
  many: {
    en: '{distinct} values, more than the {max} a segment may have',
    zh: '共 {distinct} 个取值,超过细分列上限 {max} 个',
  },
  segment: { en: '{distinct} values that recur over {present} cases', zh: '{present} 个案例中反复出现的 {distinct} 个取值' },
} as const satisfies Catalogue;
