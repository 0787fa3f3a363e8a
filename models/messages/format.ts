/**
 * How the product writes a number for people: one convention for the CLI's text, the dashboard,
 * the evaluation report and the notebooks, in each language (docs/architecture.md#numbers). JSON
 * answers carry the raw values; only text goes through here. Missing is "—" everywhere.
 *
 * Two forms where a medium chooses: the bare number (a table whose header carries the unit, as the
 * dashboard's) and the number with its unit word (`…WithUnit`, "5.0 d" / "5.0 天").
 */
import type { MeasureUnit } from '../measure-catalog.ts';
import type { ValueFormat } from '../notebook/refs.ts';
import type { Lang } from './catalogue.ts';

/** A value that is missing (null, or not a finite number). */
export const MISSING = '—';
/** A measure these data cannot give (e.g. no leads loaded), as the CLI writes it. */
export const NOT_AVAILABLE = 'n/a';
/** U+2212, the minus sign of a signed change or difference (not the hyphen). */
export const MINUS = '−';

type Maybe = number | null | undefined;

const LOCALES: Record<Lang, string> = { en: 'en-US', zh: 'zh-CN' };
const DAY_UNIT: Record<Lang, string> = { en: 'd', zh: '天' };

const present = (value: Maybe): value is number => value != null && Number.isFinite(value);

/** `toFixed` without a "-0.0": a value that rounds to zero is written unsigned. */
function fixed(value: number, digits: number): string {
  const text = value.toFixed(digits);
  return Number(text) === 0 ? text.replace('-', '') : text;
}

const formats = new Map<string, Intl.NumberFormat>();

/**
 * `value.toLocaleString(LOCALES[lang], options)`, with the formatter made once: toLocaleString
 * builds a new Intl.NumberFormat on every call, which a page writing thousands of cells pays for.
 */
function localeNumber(value: number, lang: Lang, options: Intl.NumberFormatOptions): string {
  const key = `${lang} ${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.NumberFormat(LOCALES[lang], options)));
  return format.format(value);
}

/** Grouped in the language's way, a fixed number of decimals; no "-0" either. */
function grouped(value: number, digits: number, lang: Lang): string {
  return localeNumber(Number(value.toFixed(digits)) === 0 ? 0 : value, lang, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A fraction as a percent with one decimal: 0.3 → "30.0%". */
export function percent(value: Maybe): string {
  return present(value) ? `${fixed(value * 100, 1)}%` : MISSING;
}

/** A share as a whole percent: 0.4027 → "40%"; a share above 0 that would round to 0% is "<1%". */
export function wholePercent(value: Maybe): string {
  if (!present(value)) return MISSING;
  return value > 0 && value < 0.005 ? '<1%' : `${fixed(value * 100, 0)}%`;
}

/** Days with one decimal, bare: 5.04 → "5.0". */
export function days(value: Maybe): string {
  return present(value) ? fixed(value, 1) : MISSING;
}

/** Days with one decimal and the unit word: "5.0 d", zh "5.0 天". */
export function daysWithUnit(value: Maybe, lang: Lang): string {
  return present(value) ? `${fixed(value, 1)} ${DAY_UNIT[lang]}` : MISSING;
}

/** A whole count, grouped: 12345 → "12,345". */
export function count(value: Maybe, lang: Lang = 'en'): string {
  return present(value) ? grouped(value, 0, lang) : MISSING;
}

/** An amount as loaded, no currency: grouped; whole units from 100 up and for whole numbers, two decimals below. */
export function amount(value: Maybe, lang: Lang = 'en'): string {
  if (!present(value)) return MISSING;
  return grouped(value, Math.abs(value) >= 100 || Number.isInteger(value) ? 0 : 2, lang);
}

/** An amount to the cent, grouped: 1234.5 → "1,234.50" (receivables, a payment's difference). */
export function cents(value: Maybe, lang: Lang = 'en'): string {
  return present(value) ? grouped(value, 2, lang) : MISSING;
}

/** An amount as recorded, grouped, at most two decimals: 1234.5 → "1,234.5" (a tooltip's exact value, an event's amount). */
export function exactAmount(value: Maybe, lang: Lang = 'en'): string {
  return present(value) ? localeNumber(value, lang, { maximumFractionDigits: 2 }) : MISSING;
}

/** An amount for a headline, compact in the language's own way: 1,736,000 → "1.7M", zh "173.6万". */
export function compactAmount(value: Maybe, lang: Lang): string {
  return present(value) ? localeNumber(value, lang, { notation: 'compact', maximumFractionDigits: 1 }) : MISSING;
}

/** A ratio of two values: 1.46 → "1.5×" (how much slower a segment is). */
export function times(value: Maybe, digits = 1): string {
  return present(value) ? `${fixed(value, digits)}×` : MISSING;
}

/** A measure's value in its unit, bare (the header carries the unit): "30.0%", "5.0", "2,361". */
export function measureNumber(unit: MeasureUnit, value: Maybe): string {
  return unit === 'ratio' ? percent(value) : unit === 'amount' ? amount(value) : days(value);
}

/** A measure's value with its unit word: "30.0%", "5.0 d" / "5.0 天", "2,361" (amounts carry none). */
export function measureWithUnit(unit: MeasureUnit, value: Maybe, lang: Lang): string {
  return unit === 'days' ? daysWithUnit(value, lang) : measureNumber(unit, value);
}

/** A number with a sign in front: "+3.0", "−0.2" (U+2212); one that rounds to zero has none, "0.0". */
export function signed(value: number, digits = 1): string {
  const text = fixed(Math.abs(value), digits);
  if (Number(text) === 0) return text;
  return `${value > 0 ? '+' : MINUS}${text}`;
}

/** A relative change: 0.333 → "+33.3%", −0.5 → "−50.0%", 0 → "0.0%"; with ▲/▼ in front when `arrow`. */
export function change(value: Maybe, arrow = false): string {
  if (!present(value)) return MISSING;
  const text = signed(value * 100);
  const mark = arrow && text !== '0.0' ? (value > 0 ? '▲ ' : '▼ ') : '';
  return `${mark}${text}%`;
}

/**
 * A difference after − before in the measure's unit, bare: rates in percentage points
 * (0.071 → "+7.1"), days (−10.36 → "−10.4"), amounts grouped (1520 → "+1,520", 0 → "0").
 */
export function difference(unit: MeasureUnit, value: Maybe): string {
  if (!present(value)) return MISSING;
  if (unit === 'amount') {
    const whole = amount(Math.abs(value));
    return Number(whole.replace(/,/g, '')) === 0 ? whole : `${value > 0 ? '+' : MINUS}${whole}`;
  }
  return signed(unit === 'ratio' ? value * 100 : value);
}

/** The interval of a difference, bare: "+5.2 … +33.4". */
export function interval(unit: MeasureUnit, ci: readonly [number, number] | null | undefined): string {
  if (!ci) return MISSING;
  return `${difference(unit, ci[0])} … ${difference(unit, ci[1])}`;
}

/** The interval of a difference with its unit: "+5.2 … +33.4 pp", "−3.0 … +1.2 d" (zh "天"), "+1,200 … +3,400". */
export function intervalWithUnit(unit: MeasureUnit, ci: readonly [number, number] | null | undefined, lang: Lang): string {
  if (!ci) return MISSING;
  const word = unit === 'ratio' ? ' pp' : unit === 'days' ? ` ${DAY_UNIT[lang]}` : '';
  return `${interval(unit, ci)}${word}`;
}

/** A p-value as a table cell: "<0.001", else three decimals, "0.008". */
export function pValue(p: Maybe): string {
  if (!present(p)) return MISSING;
  return p < 0.001 ? '<0.001' : p.toFixed(3);
}

/** A p-value in a sentence: "p < 0.001", "p = 0.008". */
export function pPhrase(p: Maybe): string {
  if (!present(p)) return MISSING;
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

const SECOND_UNITS: Record<Lang, { s: string; m: string; h: string; d: string }> = {
  en: { s: 's', m: 'm', h: 'h', d: 'd' },
  zh: { s: '秒', m: '分', h: '小时', d: '天' },
};

/**
 * Seconds as a short duration in the largest fitting unit, one decimal: "45s" (seconds without a
 * trailing ".0"), "12.5m", "3.0h", "24.6d"; "秒/分/小时/天" in zh.
 */
export function seconds(value: Maybe, lang: Lang = 'en'): string {
  if (!present(value)) return MISSING;
  const units = SECOND_UNITS[lang];
  const [shown, unit] =
    value < 60 ? [value, units.s]
    : value < 3600 ? [value / 60, units.m]
    : value < 86400 ? [value / 3600, units.h]
    : [value / 86400, units.d];
  const text = fixed(shown, 1);
  return `${unit === units.s ? text.replace(/\.0$/, '') : text}${unit}`;
}

/**
 * A naive timestamp as written ("2025-12-30T16:00:00" → "2025-12-30 16:00", midnight → the date),
 * never shifted through a time zone: the data's own clock. Text that is no timestamp is kept.
 */
export function timestamp(value: string | null | undefined): string {
  if (!value) return MISSING;
  const match = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?/.exec(value);
  if (!match) return value;
  return match[2] && match[2] !== '00:00' ? `${match[1]} ${match[2]}` : match[1];
}

/** A file size: "812 B", "14.2 KB", "3.4 MB" (1 KB = 1024 B). */
export function fileSize(bytes: Maybe): string {
  if (!present(bytes)) return MISSING;
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${fixed(bytes / 1024, 1)} KB`;
  return `${fixed(bytes / 1024 / 1024, 1)} MB`;
}

/**
 * A number from a notebook's data in the format its author chose (models/notebook/refs.ts), or by
 * what it is: whole numbers grouped, below 1 up to three decimals, else one decimal. NaN and
 * infinities are written as such: they are in the data, not missing from it.
 */
export function notebookNumber(value: Maybe, format: ValueFormat | undefined, lang: Lang = 'en'): string {
  if (value == null) return MISSING;
  if (!Number.isFinite(value)) return String(value);
  switch (format) {
    case 'percent':
      return percent(value);
    case 'days':
      return daysWithUnit(value, lang);
    case 'number':
      return grouped(value, 1, lang);
    case 'int':
      return grouped(Math.round(value), 0, lang);
    default:
      if (Number.isInteger(value)) return grouped(value, 0, lang);
      return Math.abs(value) < 1 ? localeNumber(value, lang, { maximumFractionDigits: 3 }) : grouped(value, 1, lang);
  }
}

/**
 * A measure's value in a text table: "n/a" when these data cannot give it, "—" when there is no
 * value, else the value with its unit word and " *" when thin (from fewer items than is safe).
 */
export function measureCell(m: { unit: MeasureUnit; value: number | null; available: boolean; thin?: boolean }, lang: Lang): string {
  if (!m.available) return NOT_AVAILABLE;
  if (!present(m.value)) return MISSING;
  return `${measureWithUnit(m.unit, m.value, lang)}${m.thin ? ' *' : ''}`;
}
