/**
 * Value formats: which date, number and boolean spelling a column uses, decided from the evidence of
 * its values, and the SQL that parses text in that format. Detection is per column: a column is
 * written by one system in one format, so a value that does not fit it is a reject, not a guess.
 */
import { VALUE_FORMATS } from '../models/messages/reject-reasons.ts';
import type { ValueFormat } from './adapters/adapter.ts';

export type DateFormat = Extract<ValueFormat,
  'iso' | 'M/D/Y' | 'D/M/Y' | 'D.M.Y' | 'Y/M/D' | 'YYYYMMDD' | 'YYYYMMDDHHMMSS' | 'zh' | 'excel-serial' | 'epoch-ms' | 'epoch-s'>;
export type NumberFormat = Extract<ValueFormat, 'decimal-point' | 'decimal-comma'>;

const TIME = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s?[AaPp][Mm])?)?`;
const DATE_SHAPES: readonly [DateFormat | 'slash', RegExp][] = [
  ['iso', new RegExp(String.raw`^\d{4}-\d{1,2}-\d{1,2}${TIME}\s*(?:Z|[+-]\d{2}:?\d{2})?$`)],
  ['Y/M/D', new RegExp(String.raw`^\d{4}/\d{1,2}/\d{1,2}${TIME}$`)],
  ['slash', new RegExp(String.raw`^\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})${TIME}$`)],
  ['D.M.Y', new RegExp(String.raw`^\d{1,2}\.\d{1,2}\.\d{4}${TIME}$`)],
  ['zh', new RegExp(String.raw`^\d{4}年\d{1,2}月\d{1,2}日(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?$`)],
  ['YYYYMMDDHHMMSS', /^(?:19|20)\d{12}$/],
  ['YYYYMMDD', /^(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$/],
  ['epoch-ms', /^1\d{12}$/],
  ['epoch-s', /^1\d{9}$/],
  ['excel-serial', /^[2-7]\d{4}(?:\.\d+)?$/],
];

export interface Decision<F> {
  readonly format: F;
  /** what a person should know about the decision, e.g. why D/M was chosen */
  readonly note?: string;
}

/**
 * The date format of a column from its values. Day/month order of slash dates is settled by a
 * value whose first part exceeds 12 (D/M) or whose second does (M/D); with no such evidence the
 * column follows `preferDayFirst` (other columns of the file, or the mapping), else US order.
 */
export function detectDateFormat(values: readonly string[], preferDayFirst?: boolean): Decision<DateFormat> | null {
  const counts = new Map<DateFormat | 'slash', number>();
  let dayFirstEvidence = 0;
  let monthFirstEvidence = 0;
  for (const raw of values) {
    const value = raw.trim();
    const shape = DATE_SHAPES.find(([, re]) => re.test(value))?.[0];
    if (!shape) continue;
    counts.set(shape, (counts.get(shape) ?? 0) + 1);
    if (shape === 'slash') {
      const [a, b] = value.split('/').map(Number);
      if (a > 12 && b <= 12) dayFirstEvidence++;
      if (b > 12 && a <= 12) monthFirstEvidence++;
    }
  }
  const best = [...counts.entries()].sort((x, y) => y[1] - x[1])[0]?.[0];
  if (!best) return null;
  if (best !== 'slash') return { format: best };
  if (dayFirstEvidence > 0 && monthFirstEvidence === 0) return { format: 'D/M/Y', note: 'day/month order: a day above 12 comes first' };
  if (monthFirstEvidence > 0 && dayFirstEvidence === 0) return { format: 'M/D/Y', note: 'month/day order: a day above 12 comes second' };
  if (dayFirstEvidence > 0 && monthFirstEvidence > 0) {
    const format = dayFirstEvidence >= monthFirstEvidence ? 'D/M/Y' : 'M/D/Y';
    return { format, note: `values disagree on day/month order; read as ${format}, the others are rejected` };
  }
  if (preferDayFirst !== undefined) {
    return { format: preferDayFirst ? 'D/M/Y' : 'M/D/Y', note: 'every day and month ≤ 12: order taken from the other date columns of the file' };
  }
  return { format: 'M/D/Y', note: 'every day and month ≤ 12, so the values cannot tell: read as month/day (US); if it is day first, say "date_format": "D/M/Y" in a --map file' };
}

/** SQL turning the text expression `v` into a TIMESTAMP in `format` (NULL when it does not fit). */
export function dateSql(v: string, format: DateFormat | 'iso-naive'): string {
  const t = `nullif(trim(${v}), '')`;
  const withTimes = (date: string) => [
    `${date} %I:%M:%S %p`, `${date} %I:%M %p`, `${date} %I:%M:%S%p`, `${date} %I:%M%p`,
    `${date} %H:%M:%S`, `${date} %H:%M`, `${date}T%H:%M:%S`, date,
  ].map((f) => `'${f}'`).join(', ');
  switch (format) {
    case 'iso':
      return `coalesce(try_cast(${t} AS TIMESTAMPTZ)::TIMESTAMP, try_strptime(${t}, [${withTimes('%Y-%m-%d')}]))`;
    case 'iso-naive':
      // ISO without offsets: the plain cast is many times faster than the time-zone-aware one.
      return `coalesce(try_cast(${t} AS TIMESTAMP), try_strptime(${t}, [${withTimes('%Y-%m-%d')}]))`;
    case 'Y/M/D': return `try_strptime(${t}, [${withTimes('%Y/%m/%d')}])`;
    case 'M/D/Y': return `try_strptime(${t}, [${withTimes('%m/%d/%Y')}, ${withTimes('%m/%d/%y')}])`;
    case 'D/M/Y': return `try_strptime(${t}, [${withTimes('%d/%m/%Y')}, ${withTimes('%d/%m/%y')}])`;
    case 'D.M.Y': return `try_strptime(${t}, [${withTimes('%d.%m.%Y')}])`;
    case 'zh': return `try_strptime(regexp_replace(${t}, '日\\s*', '日 '), ['%Y年%m月%d日 %H:%M:%S', '%Y年%m月%d日 %H:%M', '%Y年%m月%d日 '])`;
    case 'YYYYMMDD': return `try_strptime(${t}, '%Y%m%d')`;
    case 'YYYYMMDDHHMMSS': return `try_strptime(${t}, '%Y%m%d%H%M%S')`;
    case 'epoch-ms': return `CASE WHEN regexp_full_match(${t}, '\\d{12,13}') THEN epoch_ms(${t}::BIGINT) END`;
    case 'epoch-s': return `CASE WHEN regexp_full_match(${t}, '\\d{9,10}') THEN to_timestamp(${t}::BIGINT)::TIMESTAMP END`;
    case 'excel-serial':
      // Excel's day 0 is 1899-12-30 (its 1900 leap-year bug makes later serials line up with this).
      return `CASE WHEN regexp_full_match(${t}, '\\d{5}(\\.\\d+)?') THEN TIMESTAMP '1899-12-30' + to_microseconds(round(${t}::DOUBLE * 86400e6)::BIGINT) END`;
  }
}

const CURRENCY = String.raw`(?:[A-Z]{3}|[$¥€£￥₹]|RMB|元)`;
const NUMBER_SHAPE = new RegExp(String.raw`^\(?\s*[-+]?\s*${CURRENCY}?\s*[-+]?\s*\d[\d.,\s'  ]*\s*${CURRENCY}?\s*\)?-?$`);

/** Decimal separator of a number column: comma when values show it (1.234,50 / 12,5), else point. */
export function detectNumberFormat(values: readonly string[]): Decision<NumberFormat> {
  let comma = 0;
  let point = 0;
  for (const raw of values) {
    const digits = raw.replace(/[^\d.,]/g, '');
    if (/,\d{1,2}$/.test(digits) || /\.\d{3},/.test(digits) || /^\d{1,3}(\.\d{3})+$/.test(digits) && /\.\d{3}\./.test(digits)) comma++;
    else if (/\.\d+$/.test(digits) || /,\d{3}\./.test(digits)) point++;
  }
  if (comma > point) return { format: 'decimal-comma', note: 'decimal comma (1.234,50)' };
  return { format: 'decimal-point' };
}

/** SQL turning text into a DOUBLE: currency codes and symbols, group separators and (negatives) understood. */
export function numberSql(v: string, format: NumberFormat): string {
  const t = `nullif(trim(${v}), '')`;
  // (1,234.00), -1,234 and SAP's trailing minus 1.234,56- are negative.
  const negative = `(regexp_full_match(${t}, '\\(.*\\)') OR regexp_full_match(${t}, '.*-\\s*\\d.*') OR regexp_full_match(${t}, '.*\\d-'))`;
  const digits = format === 'decimal-comma'
    ? `replace(regexp_replace(${t}, '[^0-9,]', '', 'g'), ',', '.')`
    : `regexp_replace(${t}, '[^0-9.]', '', 'g')`;
  return `CASE WHEN regexp_full_match(${t}, '${NUMBER_SHAPE.source.replaceAll("'", "''")}')
    THEN (CASE WHEN ${negative} THEN -1 ELSE 1 END) * try_cast(${digits} AS DOUBLE)
    WHEN regexp_full_match(${t}, '[-+]?\\d*\\.?\\d+([eE][-+]?\\d+)?') THEN try_cast(${t} AS DOUBLE) END`;
}

const TRUE_WORDS = ['true', 't', '1', 'yes', 'y', '是', '已转化', '已成交', '赢单', 'won', 'closed won', 'x', '✓'];
const FALSE_WORDS = ['false', 'f', '0', 'no', 'n', '否', '未转化', '未成交', '输单', 'lost', 'closed lost', ''];

export function booleanSql(v: string): string {
  const t = `lower(trim(${v}))`;
  const list = (words: string[]) => words.map((w) => `'${w}'`).join(', ');
  return `CASE WHEN ${t} IN (${list(TRUE_WORDS)}) THEN true WHEN ${t} IN (${list(FALSE_WORDS.filter(Boolean))}) THEN false END`;
}

/** What a user reads when a value does not fit its column's format. */
export function describeFormat(format: DateFormat | NumberFormat | 'boolean' | 'M/D/Y|D/M/Y'): string {
  // load-target passes what a format note starts with; anything else is named as it is
  return Object.hasOwn(VALUE_FORMATS, format) ? VALUE_FORMATS[format].en : format;
}
