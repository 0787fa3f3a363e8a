/**
 * What a measure's value rests on, said by models/measures.ts beside the notes the measure's own
 * declaration carries (models/measure-catalog.ts: what it needs, how it is measured).
 */
import type { Catalogue } from './catalogue.ts';

export const MEASURE_NOTES = {
  no_data_loaded: { en: 'no data loaded', zh: '尚未导入数据' },
  undated_opportunities: {
    en: '{count} opportunities without a creation date are in no period (see the pipeline)',
    zh: '{count} 个商机没有创建日期，不属于任何时期（见销售管道）',
  },
  negative_amounts: { en: '{count} negative amounts left out', zh: '{count} 个负金额未计入' },
  end_before_start: {
    en: '{count} items left out: they end before they start (check the dates)',
    zh: '{count} 个项目结束早于开始，未计入（请检查日期）',
  },
  separator: { en: '; ', zh: '；' },
} as const satisfies Catalogue;
