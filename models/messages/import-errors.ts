/**
 * Why a file was refused as a whole (ingest/errors.ts ImportError), in every language, and the
 * frame that names the file, line and column before it. A detail DuckDB, a zip or a JSON reader
 * wrote stays as it was written (`{detail}`); only our words around it are translated.
 */
import { sayEach, type Catalogue, type Message, type ValuesIn } from './catalogue.ts';

export const IMPORT_ERROR_FRAMES = {
  in_file: { en: '{file}: {reason}', zh: '{file}: {reason}' },
  at_line: { en: '{file}:{line}: {reason}', zh: '{file}:{line}: {reason}' },
  at_column: { en: '{file} column "{column}": {reason}', zh: '{file} 列 "{column}": {reason}' },
  at_line_column: { en: '{file}:{line} column "{column}": {reason}', zh: '{file}:{line} 列 "{column}": {reason}' },
} as const satisfies Catalogue;

export const IMPORT_ERRORS = {
  // the file and its archive
  not_readable: { en: 'file not found or not readable', zh: '文件不存在或无法读取' },
  empty_file: { en: 'the file is empty', zh: '文件为空' },
  spreadsheet: { en: 'this format is not read yet: export the data as CSV', zh: '暂不支持此格式:请将数据导出为 CSV' },
  cancelled: { en: 'the import was cancelled: nothing of this file was loaded', zh: '导入已取消:此文件没有载入任何内容' },
  archive_too_deep: { en: 'archives nested more than {depth} deep are not opened', zh: '嵌套超过 {depth} 层的压缩包不会被打开' },
  archive_empty: { en: 'the archive holds no files', zh: '压缩包中没有文件' },
  archive_bomb: {
    en: 'expands to more than {ratio} times its compressed size: refused as an archive bomb',
    zh: '解压后超过压缩大小的 {ratio} 倍:视为压缩炸弹,已拒绝',
  },
  archive_too_many_entries: {
    en: 'holds more than {entries} entries: refused (an export bundle has a few dozen files)',
    zh: '包含超过 {entries} 个条目:已拒绝(导出包通常只有几十个文件)',
  },
  unpacked_over_limit: {
    en: 'expands past the {mb} MB limit for unpacked archives (LTC_MAX_UNPACKED_MB)',
    zh: '解压后超过 {mb} MB 的解压上限(LTC_MAX_UNPACKED_MB)',
  },
  gzip_broken: { en: 'broken gzip file: {detail}', zh: 'gzip 文件已损坏:{detail}' },
  zip_broken: { en: 'broken zip file: {detail}', zh: 'zip 文件已损坏:{detail}' },
  zip_encrypted: { en: 'the entry is encrypted: export it without a password', zh: '该条目已加密:请导出不带密码的文件' },
  zip_size_lie: {
    en: 'expands past the {bytes} bytes its zip header declares: refused as a broken or crafted archive',
    zh: '解压后超过 zip 头声明的 {bytes} 字节:视为损坏或伪造的压缩包,已拒绝',
  },
  // reading a CSV and choosing its table
  csv_unreadable: { en: 'cannot read as CSV: {detail}', zh: '无法按 CSV 读取:{detail}' },
  csv_unsplittable: {
    en: 'cannot read as CSV: the text cannot be split into rows and columns',
    zh: '无法按 CSV 读取:文本无法拆分成行和列',
  },
  mapping_column_missing: {
    en: 'the mapping names column "{column}" for {field}, but the header has {header}',
    zh: '映射为 {field} 指定了列 "{column}",但表头只有 {header}',
  },
  header_ambiguous: {
    en: 'the header ({header}) reads equally well as {readings}; say which with --kind or a --map file',
    zh: '表头({header})既可读作 {readings};请用 --kind 或 --map 文件指明',
  },
  header_unknown: {
    en: 'cannot tell which table this file holds from its header ({header}): each table needs its id and date columns, e.g. lead_id + created_at for leads, invoice_id + order_id + issued_at + amount for invoices (or name the table with ltc ingest --kind, or map the columns with --map)',
    zh: '无法从表头({header})判断此文件属于哪张表:每张表都需要其 id 列和日期列,例如线索表需要 lead_id + created_at,发票表需要 invoice_id + order_id + issued_at + amount(或用 ltc ingest --kind 指定表,或用 --map 映射列)',
  },
  table_needs: { en: 'the {kind} table needs {fields}, which the file does not have', zh: '{kind} 表需要 {fields},但文件中没有' },
  mapping_misfit: { en: 'the {kind} mapping does not fit the file: {detail}', zh: '{kind} 映射与文件不符:{detail}' },
  with_notes: { en: '{reason} ({notes})', zh: '{reason}({notes})' },
  // XES and OCEL logs
  xml_construct_too_long: { en: 'an XML construct is too long (over 16 MB)', zh: 'XML 结构过长(超过 16 MB)' },
  xml_text_too_long: { en: 'an XML text is too long (over 16 MB)', zh: 'XML 文本过长(超过 16 MB)' },
  xml_ends_in_tag: { en: 'the XML ends inside a tag', zh: 'XML 在标签内部意外结束' },
  xml_malformed_tag: { en: 'malformed XML tag', zh: 'XML 标签格式错误' },
  xml_encoding: {
    en: 'the {format} file is encoded as {declared}: only UTF-8 {format} is read',
    zh: '此 {format} 文件的编码为 {declared}:只读取 UTF-8 编码的 {format}',
  },
  xml_wrong_close: { en: '</{closing}> closes <{open}>', zh: '</{closing}> 关闭的却是 <{open}>' },
  xml_close_unopened: { en: '</{closing}> closes <nothing>', zh: '</{closing}> 没有对应的开始标签' },
  xml_too_deep: { en: 'the XML nests deeper than 64 levels', zh: 'XML 嵌套超过 64 层' },
  xml_ends_inside: { en: 'the XML ends inside <{element}>', zh: 'XML 在 <{element}> 内部意外结束' },
  xes_no_log: { en: 'not an XES log: no <log> element', zh: '不是 XES 日志:没有 <log> 元素' },
  xes_no_events: { en: 'the XES log has no events', zh: 'XES 日志中没有事件' },
  ocel_xml_no_log: { en: 'not an OCEL XML log: no <log> element', zh: '不是 OCEL XML 日志:没有 <log> 元素' },
  json_invalid: { en: 'not valid JSON: {detail}', zh: '不是有效的 JSON:{detail}' },
  ocel_json_unknown: {
    en: 'not an OCEL log: the JSON has neither events/objects (OCEL 2.0) nor ocel:events (OCEL 1.0)',
    zh: '不是 OCEL 日志:此 JSON 既没有 events/objects(OCEL 2.0),也没有 ocel:events(OCEL 1.0)',
  },
  not_sqlite: {
    en: 'not an SQLite database (OCEL 2.0 SQLite logs start with "SQLite format 3")',
    zh: '不是 SQLite 数据库(OCEL 2.0 SQLite 日志以 "SQLite format 3" 开头)',
  },
  sqlite_unreadable: { en: 'not a readable SQLite database: {detail}', zh: '无法读取的 SQLite 数据库:{detail}' },
  ocel_tables_unreadable: { en: 'cannot read the OCEL tables: {detail}', zh: '无法读取 OCEL 表:{detail}' },
  ocel_tables_missing: { en: 'not an OCEL 2.0 SQLite database: it has no {tables} table', zh: '不是 OCEL 2.0 SQLite 数据库:缺少 {tables} 表' },
  ocel_stray_event: {
    en: 'event_object relates the event "{event}", which the event table does not have',
    zh: 'event_object 关联了事件 "{event}",但 event 表中没有它',
  },
  ocel_stray_object: {
    en: 'object_object relates the object "{object}", which the object table does not have',
    zh: 'object_object 关联了对象 "{object}",但 object 表中没有它',
  },
  ocel_no_events: { en: 'the OCEL log has no events', zh: 'OCEL 日志中没有事件' },
  ocel_object_without_id: { en: 'object number {n} has no id', zh: '第 {n} 个对象没有 id' },
  ocel_object_without_type: { en: 'object "{id}" has no type', zh: '对象 "{id}" 没有类型' },
  ocel_object_twice: { en: 'the object id "{id}" occurs twice', zh: '对象 id "{id}" 出现了两次' },
  ocel_event_without_id: { en: 'event number {n} has no id', zh: '第 {n} 个事件没有 id' },
  ocel_event_without_activity: { en: 'event "{id}" has no activity (event type)', zh: '事件 "{id}" 没有活动(事件类型)' },
  ocel_event_twice: { en: 'the event id "{id}" occurs twice', zh: '事件 id "{id}" 出现了两次' },
  ocel_event_undefined_object: {
    en: 'event "{id}" relates to the object "{object}", which the file does not define',
    zh: '事件 "{id}" 关联了对象 "{object}",但文件中没有定义它',
  },
  ocel_object_undefined_object: {
    en: 'object "{id}" relates to the object "{object}", which the file does not define',
    zh: '对象 "{id}" 关联了对象 "{object}",但文件中没有定义它',
  },
  ocel_time_invalid: {
    en: 'event "{id}" has no valid time ("{time}" is not an ISO 8601 date-time)',
    zh: '事件 "{id}" 没有有效时间("{time}" 不是 ISO 8601 日期时间)',
  },
  ocel_time_missing: { en: 'event "{id}" has no valid time (none given)', zh: '事件 "{id}" 没有有效时间(未给出)' },
  ocel_event_loaded: {
    en: 'its event "{example}" is already loaded by batch {batch}{source}: loading it again would count them twice; undo batch {batch} first',
    zh: '其事件 "{example}" 已由批次 {batch}{source} 载入:再次载入会重复计数;请先撤销批次 {batch}',
  },
  ocel_events_loaded: {
    en: '{n} of its events (e.g. "{example}") are already loaded by batch {batch}{source}: loading it again would count them twice; undo batch {batch} first',
    zh: '其中 {n} 个事件(如 "{example}")已由批次 {batch}{source} 载入:再次载入会重复计数;请先撤销批次 {batch}',
  },
} as const satisfies Catalogue;

/** Slash dates read both ways in one column (ingest/day-month.ts): the refusal and its parts. */
export const MIXED_DAY_MONTH = {
  refusal: {
    en: 'dates are written both month first and day first — {monthFirst} reads only as {monthFirstReading}, {dayFirst} only as {dayFirstReading}; {open} reads as {openMonthFirst} or as {openDayFirst} and no other date of its row says which. Nothing was loaded. Say the column\'s order in a mapping file, {mapping} (ltc ingest --map FILE; "D/M/Y" for day first; values that do not fit it are rejected), or correct the export.',
    zh: '日期既有月在前、也有日在前的写法 —— {monthFirst} 只能读作 {monthFirstReading},{dayFirst} 只能读作 {dayFirstReading};{open} 既可读作 {openMonthFirst} 也可读作 {openDayFirst},而该行没有其他日期能说明是哪一种。没有载入任何内容。请在映射文件中写明该列的日期顺序,{mapping}(ltc ingest --map FILE;"D/M/Y" 表示日在前;不符合的值会被拒绝),或修正导出文件。',
  },
  at: { en: 'line {line} "{value}"', zh: '第 {line} 行 "{value}"' },
  at_in: { en: 'line {line} "{value}" in "{column}"', zh: '第 {line} 行 "{value}"(列 "{column}")' },
  month_first: { en: '{month} {day}, {year}', zh: '{year}年{month}月{day}日' },
  day_first: { en: '{day} {month} {year}', zh: '{year}年{month}月{day}日' },
} as const satisfies Catalogue;

export type ImportErrorId = keyof typeof IMPORT_ERRORS;


/** Why a file was refused, in every language (values as text, so a number reads as ingest wrote it). */
export function importReason(id: ImportErrorId, values: ValuesIn = {}): Message {
  return sayEach(IMPORT_ERRORS, id, values);
}
