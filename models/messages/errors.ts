/**
 * The errors of asking an analysis: its parameters as the parser reads them (models/analysis/params.ts)
 * and the checks the models make (UsageError, NotFound). `name` is the parameter as the asker wrote
 * it (`--by` on the command line, `by` in a URL); `value` what they wrote, shown as typed.
 */
import type { Catalogue, Lang } from './catalogue.ts';

export const PARAM_ERRORS = {
  required: { en: '{name} is required, e.g. {example}', zh: '缺少 {name}，例如 {example}' },
  wholeNumber: { en: '{name} must be a whole number, not "{value}"', zh: '{name} 必须是整数，而不是 "{value}"' },
  wholeNumberInRange: {
    en: '{name} must be a whole number from {min} to {max}, not "{value}"',
    zh: '{name} 必须是 {min} 到 {max} 之间的整数，而不是 "{value}"',
  },
  wholeDays: { en: '{name} must be a whole number of days, not "{value}"', zh: '{name} 必须是整数天数，而不是 "{value}"' },
  wholeDaysInRange: {
    en: '{name} must be a whole number of days from {min} to {max}, not "{value}"',
    zh: '{name} 必须是 {min} 到 {max} 之间的整数天数，而不是 "{value}"',
  },
  choice: { en: '{name} must be {choices}, not "{value}"', zh: '{name} 必须是 {choices}，而不是 "{value}"' },
  oneOf: { en: '{name} must be one of {choices}, not "{value}"', zh: '{name} 必须是 {choices} 之一，而不是 "{value}"' },
  filter: {
    en: '{name} takes KEY=VALUE (KEY one of {keys} or another column of the data), not "{value}"',
    zh: '{name} 的写法是 KEY=VALUE（KEY 为 {keys} 之一或数据中的其他列），而不是 "{value}"',
  },
  onePositional: { en: 'name one {what}, not {count}', zh: '只能指定一个 {what}，而不是 {count} 个' },
  date: { en: '{name} must be a date like 2025-01-31, not "{value}"', zh: '{name} 必须是日期，如 2025-01-31，而不是 "{value}"' },
  moment: {
    en: '{name} must be a date like 2025-01-31 or a timestamp like 2025-01-31 17:00:00, not "{value}"',
    zh: '{name} 必须是日期（如 2025-01-31）或时间戳（如 2025-01-31 17:00:00），而不是 "{value}"',
  },
} as const satisfies Catalogue;

export const ANALYSIS_ERRORS = {
  windowDays: {
    en: '--window-days must be a whole number of days from 1 to 3650, not {value}',
    zh: '--window-days 必须是 1 到 3650 之间的整数天数，而不是 {value}',
  },
  byMonthOrQuarter: { en: '--by must be month or quarter, not "{value}"', zh: '--by 必须是 month 或 quarter，而不是 "{value}"' },
  bySegment: { en: '--by-segment must be one of {choices}, not {value}', zh: '--by-segment 必须是 {choices} 之一，而不是 {value}' },
  mixBy: { en: '--by must be one of {choices}, not "{value}"', zh: '--by 必须是 {choices} 之一，而不是 "{value}"' },
  mixByFiltered: { en: '--by {segment} cannot be combined with a filter on {segment}', zh: '--by {segment} 不能与对 {segment} 的筛选同时使用' },
  limitFrom: {
    en: '{name} must be a whole number from {min} to {max}, not {value}',
    zh: '{name} 必须是 {min} 到 {max} 之间的整数，而不是 {value}',
  },
  casesLimit: {
    en: 'the limit must be a whole number from 1 to {max}, not {value}',
    zh: '数量上限必须是 1 到 {max} 之间的整数，而不是 {value}',
  },
  offset: { en: 'offset must be a whole number ≥ 0, not {value}', zh: 'offset 必须是 ≥ 0 的整数，而不是 {value}' },
  search: { en: 'search must be at most 200 characters', zh: 'search 最多 200 个字符' },
  variantList: { en: 'variant must be a JSON list of activity names', zh: 'variant 必须是活动名称的 JSON 列表' },
  processCasesSelection: {
    en: 'give activity=, or from_activity= and to_activity=, or variant={example}',
    zh: '请给出 activity=，或 from_activity= 和 to_activity=，或 variant={example}',
  },
  transition: {
    en: 'a transition is two milestones in order like order_created→delivered (milestones: {milestones}, or stage:<stage>), not "{value}"',
    zh: '转换是按顺序排列的两个里程碑，如 order_created→delivered（里程碑：{milestones}，或 stage:<stage>），而不是 "{value}"',
  },
  ocelTypeLoaded: {
    en: 'no OCEL object type "{type}" with events is loaded (loaded: {loaded})',
    zh: '未加载带事件的 OCEL 对象类型 "{type}"（已加载：{loaded}）',
  },
  ocelTypeNone: {
    en: 'no OCEL object type "{type}" with events is loaded (no OCEL log is loaded)',
    zh: '未加载带事件的 OCEL 对象类型 "{type}"（未加载任何 OCEL 日志）',
  },
  log: {
    en: '--log must be events, ltc or ocel:<object type>, not "{value}"',
    zh: '--log 必须是 events、ltc 或 ocel:<对象类型>，而不是 "{value}"',
  },
  caseIdExample: {
    en: 'a case id (a lead id, order:<id>, opportunity:<id>, or an order or opportunity id)',
    zh: '一个案例 ID（线索 ID、order:<id>、opportunity:<id>，或订单或商机 ID）',
  },
  noCase: {
    en: 'no case "{id}": it is not a case, order or opportunity id in this database',
    zh: '没有案例 "{id}"：它不是此数据库中的案例、订单或商机 ID',
  },
  cutoverOrRanges: { en: 'give either --cutover or --before and --after, not both', zh: '请给出 --cutover 或 --before 与 --after，不能同时给出' },
  cutoverRequired: {
    en: '--cutover is required (a date like 2025-01-01), or --before FROM..TO with --after FROM..TO',
    zh: '缺少 --cutover（日期，如 2025-01-01），或者给出 --before FROM..TO 与 --after FROM..TO',
  },
  cutoverRequiredAlone: { en: '--cutover is required (a date like 2025-01-01)', zh: '缺少 --cutover（日期，如 2025-01-01）' },
  beforeAfterTogether: {
    en: '--before and --after go together (each FROM..TO, like 2024-01-01..2024-06-30)',
    zh: '--before 与 --after 必须一起给出（各为 FROM..TO，如 2024-01-01..2024-06-30）',
  },
  excludeDaysWithRanges: {
    en: '--exclude-days goes with --cutover; with --before/--after start the after range later instead',
    zh: '--exclude-days 只与 --cutover 一起使用；使用 --before/--after 时，请改为让 after 区间晚些开始',
  },
  rangesOverlap: {
    en: '--before must end before --after starts ({before} overlaps or follows {after})',
    zh: '--before 必须在 --after 开始之前结束（{before} 与 {after} 重叠或在其之后）',
  },
  excludeDays: {
    en: '--exclude-days must be a whole number of days from 0 to 3650, not "{value}"',
    zh: '--exclude-days 必须是 0 到 3650 之间的整数天数，而不是 "{value}"',
  },
  excludeDaysWhole: {
    en: '--exclude-days must be a whole number from 0 to 3650, not "{value}"',
    zh: '--exclude-days 必须是 0 到 3650 之间的整数，而不是 "{value}"',
  },
  dateRange: {
    en: '{name} must be a date range like 2024-01-01..2024-06-30, not "{value}"',
    zh: '{name} 必须是日期区间，如 2024-01-01..2024-06-30，而不是 "{value}"',
  },
  dateRangeOrder: { en: '{name} must start no later than it ends, not "{value}"', zh: '{name} 的开始不能晚于结束，而不是 "{value}"' },
  noOpenSuggestion: {
    en: 'no open suggestion {ids}: ltc links suggest lists them (a decided pair is not suggested again)',
    zh: '没有未决的建议 {ids}：ltc links suggest 会列出它们（已决定的配对不会再次建议）',
  },
  nameSuggestions: { en: 'name suggestion ids, or give a minimum confidence', zh: '请指定建议 ID，或给出最低置信度' },
  minConfidence: {
    en: 'the minimum confidence must be a number from 0 to 1, not {value}',
    zh: '最低置信度必须是 0 到 1 之间的数，而不是 {value}',
  },
} as const satisfies Catalogue;

/** `a or b or c` as each language says it, for a message's list of choices. */
export const orList = (lang: Lang, items: readonly string[]): string => items.join(lang === 'zh' ? ' 或 ' : ' or ');

