/**
 * Why a row of a file was rejected: the reasons ingest writes (a missing value, a value not in its
 * column's format, a duplicate id, a record DuckDB's reader could not split), in every language.
 *
 * The rejects table keeps a reason as its English text (no column per language: old workspaces and
 * scripts read it as it is). To show it in another language it is read back: each reason's English
 * template becomes a pattern that recovers the values, which are then said in the language asked.
 * A text no template reads (an old workspace, a message of another kind) is shown as stored.
 */
import { say, type Catalogue, type Lang, type Message, type MessageValues } from './catalogue.ts';

export const REJECT_REASONS = {
  missing: { en: '{field} is missing', zh: '缺少 {field}' },
  missing_empty: { en: '{field} is missing ({column} is empty)', zh: '缺少 {field}({column} 为空)' },
  not_in_format: { en: '{field}: "{value}" is not {expected}', zh: '{field}:"{value}" 不是{expected}' },
  duplicate_id: {
    en: 'duplicate {key} {value}: another row of this file has the same id with different values',
    zh: '重复的 {key} {value}:本文件另有一行 id 相同但其他值不同',
  },
  /** DuckDB's reader: the kind of error in our words, its message as DuckDB wrote it */
  unreadable_record: { en: '{type}: {detail}', zh: '{type}:{detail}' },
} as const satisfies Catalogue;

export type RejectReason = keyof typeof REJECT_REASONS;

/** The value formats a column is read in (ingest/formats.ts describeFormat), as a reject names them. */
export const VALUE_FORMATS = {
  iso: { en: 'an ISO date like 2025-03-07 or 2025-03-07 14:05', zh: '形如 2025-03-07 或 2025-03-07 14:05 的 ISO 日期' },
  'M/D/Y': { en: 'a US date like 3/7/2025 or 3/7/2025 2:05 PM', zh: '形如 3/7/2025 或 3/7/2025 2:05 PM 的美式日期(月在前)' },
  'D/M/Y': { en: 'a date like 7/3/2025 (day first)', zh: '形如 7/3/2025 的日期(日在前)' },
  'M/D/Y|D/M/Y': { en: 'a date like 3/15/2025 or 15/3/2025', zh: '形如 3/15/2025 或 15/3/2025 的日期' },
  'D.M.Y': { en: 'a date like 07.03.2025', zh: '形如 07.03.2025 的日期' },
  'Y/M/D': { en: 'a date like 2025/3/7', zh: '形如 2025/3/7 的日期' },
  YYYYMMDD: { en: 'a date like 20250307', zh: '形如 20250307 的日期' },
  YYYYMMDDHHMMSS: { en: 'a timestamp like 20250307140500', zh: '形如 20250307140500 的时间戳' },
  zh: { en: 'a date like 2025年3月7日', zh: '形如 2025年3月7日 的日期' },
  'excel-serial': { en: 'an Excel date serial', zh: 'Excel 日期序列号' },
  'epoch-ms': { en: 'epoch milliseconds', zh: 'Unix 毫秒时间戳' },
  'epoch-s': { en: 'epoch seconds', zh: 'Unix 秒时间戳' },
  'decimal-point': { en: 'a number like 1,234.50', zh: '形如 1,234.50 的数字' },
  'decimal-comma': { en: 'a number like 1.234,50', zh: '形如 1.234,50 的数字' },
  boolean: { en: 'true/false, yes/no or 是/否', zh: 'true/false、yes/no 或 是/否' },
} as const satisfies Catalogue;

/** The kinds of error of DuckDB's CSV reader (its CSV_ERROR_TYPE, lower case), in our words. */
export const READER_ERRORS = {
  cast: { en: 'cast', zh: '类型转换错误' },
  missing_columns: { en: 'missing columns', zh: '列数不足' },
  too_many_columns: { en: 'too many columns', zh: '列数过多' },
  unquoted_value: { en: 'unquoted value', zh: '引号不匹配的值' },
  line_size: { en: 'line size over maximum', zh: '行长度超过上限' },
  invalid_encoding: { en: 'invalid encoding', zh: '编码无效' },
  invalid_state: { en: 'invalid state', zh: '解析状态无效' },
} as const satisfies Catalogue;

/** Placeholders whose value is itself a message: stored in English, said in the language asked. */
const WORDS: Partial<Record<string, Catalogue>> = { expected: VALUE_FORMATS, type: READER_ERRORS };
/** Placeholders of a known shape, so the values around them split where they were joined. */
const SHAPES: Partial<Record<string, string>> = { key: String.raw`\S+(?: \+ \S+)*` };

/** A reason in English, as ingest stores it. */
export function rejectReason(id: RejectReason, values: Readonly<Record<string, string>>): string {
  return say(REJECT_REASONS, id, 'en', values);
}

interface Reading {
  readonly id: RejectReason;
  readonly names: readonly string[];
  readonly pattern: RegExp;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function group(name: string): string {
  const words = WORDS[name];
  if (words) return Object.values(words).map((w) => w.en).sort((a, b) => b.length - a.length).map(escape).join('|');
  return SHAPES[name] ?? String.raw`[\s\S]*?`;
}

/** The pattern of one reason's English template: its literal text, a group per placeholder. */
function readingOf(id: RejectReason): Reading {
  const template = REJECT_REASONS[id].en;
  const names: string[] = [];
  let source = '';
  let last = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    source += `${escape(template.slice(last, m.index))}(${group(m[1])})`;
    names.push(m[1]);
    last = m.index + m[0].length;
  }
  return { id, names, pattern: new RegExp(`^${source}${escape(template.slice(last))}$`) };
}

// The longest templates first: the most literal text decides.
const READINGS = (Object.keys(REJECT_REASONS) as RejectReason[]).map(readingOf)
  .sort((a, b) => REJECT_REASONS[b.id].en.length - REJECT_REASONS[a.id].en.length);

/** The reason and its values that a stored English text was written from; null for any other text. */
export function readReason(text: string): { id: RejectReason; values: Record<string, string> } | null {
  for (const reading of READINGS) {
    const m = reading.pattern.exec(text);
    if (m) return { id: reading.id, values: Object.fromEntries(reading.names.map((name, i) => [name, m[i + 1]])) };
  }
  return null;
}

/** A stored reason in `lang`; a text no reason template reads comes back as stored. */
export function reasonIn(text: string, lang: Lang): string {
  if (lang === 'en') return text;
  const read = readReason(text);
  if (!read) return text;
  const values: MessageValues = Object.fromEntries(Object.entries(read.values).map(([name, value]) => {
    const words = WORDS[name];
    const word = words && Object.values(words).find((w) => w.en === value);
    return [name, word ? word[lang] : value];
  }));
  return say(REJECT_REASONS, read.id, lang, values);
}

/** A stored reason in every language. */
export function reasonTexts(text: string): Message {
  return { en: text, zh: reasonIn(text, 'zh') };
}
