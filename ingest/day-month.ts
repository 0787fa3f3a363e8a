/**
 * Slash dates written in both orders within one file (03/15/2024 next to 15/03/2024): never read
 * silently one way. Each value that is valid in one order only is read that way. A value valid
 * both ways (04/05/2024) is read in the order its row's other dates show: a record is typed by one
 * person in one locale, so a row whose other slash dates are all day-first (or all month-first)
 * settles it. When some such value has no row to settle it, the file is refused, naming the column
 * with an example of each reading and of the value left open, and how to say the order.
 */
import { say, type Lang, type Message } from '../models/messages/catalogue.ts';
import { MIXED_DAY_MONTH } from '../models/messages/import-errors.ts';
import { sayEach } from '../models/messages/catalogue.ts';
import { dateSql } from './formats.ts';
import { quoteIdent } from './quote.ts';
import type { Database } from '../models/db/database.ts';

const SLASH = String.raw`^\s*(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})\b`;

const part = (v: string, i: 1 | 2) => `try_cast(nullif(regexp_extract(${v}, '${SLASH}', ${i}), '') AS INTEGER)`;
/** valid only day first: 15/03/2024 */
const dayFirstOnly = (v: string) => `coalesce(${part(v, 1)} BETWEEN 13 AND 31 AND ${part(v, 2)} BETWEEN 1 AND 12, false)`;
/** valid only month first: 03/15/2024 */
const monthFirstOnly = (v: string) => `coalesce(${part(v, 2)} BETWEEN 13 AND 31 AND ${part(v, 1)} BETWEEN 1 AND 12, false)`;
/** two different valid dates: 04/05/2024 */
const eitherWay = (v: string) => `coalesce(${part(v, 1)} BETWEEN 1 AND 12 AND ${part(v, 2)} BETWEEN 1 AND 12 AND ${part(v, 1)} <> ${part(v, 2)}, false)`;

/** How a file's slash dates are read value by value, when it mixes both orders. */
export interface PerValueReading {
  /** SQL parsing the text `v` of a date field (a column of ltc_src, aliased `s`) */
  sql(v: string): string;
  /** the report's words for a field's reading */
  note(field: string): string;
  readonly fields: ReadonlySet<string>;
}

interface Example {
  readonly rec: number;
  readonly value: string;
}

/** A column whose dates read both ways, with a value no row settles: the file is refused. */
export class MixedDayMonth extends Error {
  constructor(
    readonly kind: string,
    /** the field and source column left open, and those that show both orders */
    readonly open: { field: string; column: string; example: Example },
    readonly monthFirst: { column: string; example: Example },
    readonly dayFirst: { column: string; example: Example },
  ) {
    super(`${open.column}: dates written both month first and day first`);
  }
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A slash date read month first (MD) or day first (DM), in words of `lang`. */
function reading(value: string, order: 'MD' | 'DM', lang: Lang): string {
  const [a, b, y] = value.trim().split(/[/\s]/).map(Number);
  const [month, day] = order === 'MD' ? [a, b] : [b, a];
  const values = { month: lang === 'en' ? `${MONTHS[month - 1]}` : String(month), day: String(day), year: String(y) };
  return say(MIXED_DAY_MONTH, order === 'MD' ? 'month_first' : 'day_first', lang, values);
}

/** The refusal, in one line and every language; `lineOf` turns a record into its line in the file. */
export function mixedDayMonthMessage(e: MixedDayMonth, lineOf: (rec: number) => number | null): Message {
  const at = (x: Example, column: string, lang: Lang) => column === e.open.column
    ? say(MIXED_DAY_MONTH, 'at', lang, { line: String(lineOf(x.rec) ?? '?'), value: x.value })
    : say(MIXED_DAY_MONTH, 'at_in', lang, { line: String(lineOf(x.rec) ?? '?'), value: x.value, column });
  const mapping = JSON.stringify({ kind: e.kind, date_format: { [e.open.field]: 'M/D/Y' } });
  return sayEach(MIXED_DAY_MONTH, 'refusal', (lang) => ({
    monthFirst: at(e.monthFirst.example, e.monthFirst.column, lang),
    monthFirstReading: reading(e.monthFirst.example.value, 'MD', lang),
    dayFirst: at(e.dayFirst.example, e.dayFirst.column, lang),
    dayFirstReading: reading(e.dayFirst.example.value, 'DM', lang),
    open: at(e.open.example, e.open.column, lang),
    openMonthFirst: reading(e.open.example.value, 'MD', lang),
    openDayFirst: reading(e.open.example.value, 'DM', lang),
    mapping,
  }));
}

/**
 * Null when no field of the staged table (ltc_src) holds both orders; else how to read each
 * slash-date field value by value. Throws MixedDayMonth when a value valid both ways is not settled.
 */
export async function settleDayMonth(
  db: Database, kind: string, fields: readonly string[], labels: Readonly<Record<string, string>>,
): Promise<PerValueReading | null> {
  if (fields.length === 0) return null;
  const v = (f: string) => `s.${quoteIdent(f)}`;
  const counts = await db.query<Record<string, number>>(`SELECT ${fields.flatMap((f, i) => [
    `count(*) FILTER (WHERE ${monthFirstOnly(v(f))})::INTEGER AS m${i}`,
    `count(*) FILTER (WHERE ${dayFirstOnly(v(f))})::INTEGER AS d${i}`,
    `count(*) FILTER (WHERE regexp_matches(${v(f)}, '${SLASH}'))::INTEGER AS s${i}`,
  ]).join(', ')} FROM ltc_src s`);
  const c = counts[0];
  if (!fields.some((_, i) => c[`m${i}`] > 0 && c[`d${i}`] > 0)) return null;

  const slash = fields.filter((_, i) => c[`s${i}`] > 0);
  const rowDay = `(${slash.map((f) => dayFirstOnly(v(f))).join(' OR ')})`;
  const rowMonth = `(${slash.map((f) => monthFirstOnly(v(f))).join(' OR ')})`;
  const settled = `(${rowDay} <> ${rowMonth})`;
  for (const field of slash) {
    const [open] = await db.query<Example>(`SELECT s.ltc_rec::DOUBLE AS rec, trim(${v(field)}) AS value FROM ltc_src s
      WHERE ${eitherWay(v(field))} AND NOT ${settled} ORDER BY s.ltc_rec LIMIT 1`);
    if (!open) continue;
    const first = async (test: (x: string) => string) => {
      for (const f of [field, ...slash.filter((g) => g !== field)]) {
        const [hit] = await db.query<Example>(`SELECT s.ltc_rec::DOUBLE AS rec, trim(${v(f)}) AS value FROM ltc_src s
          WHERE ${test(v(f))} ORDER BY s.ltc_rec LIMIT 1`);
        if (hit) return { column: labels[f] ?? f, example: hit };
      }
      throw new Error('unreachable: a field holds both orders');
    };
    throw new MixedDayMonth(kind, { field, column: labels[field] ?? field, example: open }, await first(monthFirstOnly), await first(dayFirstOnly));
  }

  const index = new Map(fields.map((f, i) => [f, i]));
  return {
    fields: new Set(slash),
    sql: (text) => `CASE WHEN ${dayFirstOnly(text)} THEN ${dateSql(text, 'D/M/Y')}
      WHEN ${monthFirstOnly(text)} THEN ${dateSql(text, 'M/D/Y')}
      WHEN ${rowDay} AND NOT ${rowMonth} THEN ${dateSql(text, 'D/M/Y')}
      ELSE ${dateSql(text, 'M/D/Y')} END`,
    note: (field) => {
      const i = index.get(field) ?? 0;
      return `per value, the file mixing both orders: ${c[`m${i}`]} month first only, ${c[`d${i}`]} day first only, the rest as their row's other dates`;
    },
  };
}
