/**
 * What undo and a mapping file refuse, in every language: a batch that is not there or cannot be
 * undone now, and a mapping (`--map` file or the Import page's choice) that does not fit the
 * contract. Names of fields, formats and zones stay as written: they are what the user types.
 */
import type { Catalogue } from './catalogue.ts';

export const BATCH_ERRORS = {
  noBatch: { en: 'there is no import batch {batch} (ltc imports lists them)', zh: '没有编号为 {batch} 的导入批次（ltc imports 会列出所有批次）' },
  alreadyUndone: { en: 'batch {batch} was already undone at {at}', zh: '批次 {batch} 已于 {at} 撤销' },
  replacedLater: {
    en: 'rows of batch {batch} were since replaced by batch {later}: undo batch {later} first',
    zh: '批次 {batch} 的行此后已被批次 {later} 替换：请先撤销批次 {later}',
  },
} as const satisfies Catalogue;

export const MAPPING_ERRORS = {
  where: { en: '{where}: {why}', zh: '{where}：{why}' },
  notJson: { en: 'not a readable JSON file ({detail})', zh: '不是可读取的 JSON 文件（{detail}）' },
  notObject: { en: 'expected a JSON object', zh: '应为 JSON 对象' },
  kind: { en: '"kind" must be one of {kinds}', zh: '"kind" 必须是以下之一：{kinds}' },
  fields: { en: '"fields" must map canonical fields to column names', zh: '"fields" 必须把标准字段对应到列名' },
  unknownField: { en: '"{field}" is not a field of {kind} ({known})', zh: '"{field}" 不是 {kind} 的字段（{known}）' },
  fieldColumn: { en: '"fields.{field}" must be a column name', zh: '"fields.{field}" 必须是列名' },
  dateOrder: { en: '"date_order" must be "DMY" or "MDY"', zh: '"date_order" 必须是 "DMY" 或 "MDY"' },
  dateFormat: {
    en: '"date_format" must be one of {formats}, or an object of date field → format',
    zh: '"date_format" 必须是以下之一：{formats}，或“日期字段 → 格式”的对象',
  },
  notDateField: { en: '"date_format.{field}": not a date field of {kind} ({dates})', zh: '"date_format.{field}"：不是 {kind} 的日期字段（{dates}）' },
  fieldDateFormat: { en: '"date_format.{field}" must be one of {formats}', zh: '"date_format.{field}" 必须是以下之一：{formats}' },
  decimal: { en: '"decimal" must be "," or "."', zh: '"decimal" 必须是 "," 或 "."' },
  timezoneText: { en: '"timezone" must be an IANA zone like "Asia/Shanghai"', zh: '"timezone" 必须是 IANA 时区，如 "Asia/Shanghai"' },
  timezone: { en: '"timezone" {value} is not an IANA zone like "Asia/Shanghai"', zh: '"timezone" {value} 不是 IANA 时区（如 "Asia/Shanghai"）' },
  encoding: { en: '"encoding" must be one of {encodings}', zh: '"encoding" 必须是以下之一：{encodings}' },
  delimiter: { en: '"delimiter" must be one character', zh: '"delimiter" 必须是单个字符' },
  complete: { en: '"complete" must be true or false', zh: '"complete" 必须是 true 或 false' },
  headerLine: { en: '"header_line" must be a line number from 1', zh: '"header_line" 必须是从 1 起的行号' },
} as const satisfies Catalogue;
