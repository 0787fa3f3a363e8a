/**
 * The data-quality checks (docs/quality.md): each one's code, kind and unit, in the order they are
 * reported, with its text in English and Chinese from the message catalogue
 * models/messages/quality-checks.json. The queries that find them are models/sql/quality-*.sql.
 */
import { readFileSync } from 'node:fs';

/** what a check is about: moments out of order, an implausible span, one implausible date, money */
export type QualityCheckKind = 'backwards' | 'duration' | 'date' | 'amount';

/** what an example's `difference` is counted in */
type QualityCheckUnit = 'days' | 'amount' | null;

const CHECKS = [
  ['order_before_lead', 'backwards', 'days'],
  ['order_before_opportunity', 'backwards', 'days'],
  ['quote_before_opportunity', 'backwards', 'days'],
  ['delivery_before_order', 'backwards', 'days'],
  ['invoice_before_order', 'backwards', 'days'],
  ['payment_before_invoice', 'backwards', 'days'],
  ['lead_step_before_created', 'backwards', 'days'],
  ['opportunity_closed_before_created', 'backwards', 'days'],
  ['duration_over_ten_years', 'duration', 'days'],
  ['date_in_future', 'date', 'days'],
  ['date_before_1990', 'date', null],
  ['payment_above_invoice', 'amount', 'amount'],
] as const satisfies readonly (readonly [string, QualityCheckKind, QualityCheckUnit])[];

export type QualityCheckCode = (typeof CHECKS)[number][0];

export interface QualityCheckInfo {
  readonly code: QualityCheckCode;
  readonly kind: QualityCheckKind;
  /** what an example's `difference` is counted in */
  readonly unit: QualityCheckUnit;
  readonly title: string;
  readonly title_zh: string;
  readonly explanation: string;
  readonly explanation_zh: string;
}

/** A duration longer than this many days is absurd. */
export const ABSURD_DAYS = 3650;
/** A date before this day is taken for a placeholder (1900-01-01, 1970-01-01) or a typing slip. */
export const EARLIEST_PLAUSIBLE = '1990-01-01';
/**
 * Amounts within this are the same: the value of ltc_payment_tolerance() (models/sql/macros.sql), in
 * words; tests/models/quality-checks.test.ts holds the two to the same number.
 */
export const PAYMENT_TOLERANCE = 0.01;

interface CheckText {
  readonly title: string;
  readonly explanation: string;
}

/** The catalogue: per check code, its text per language, with `{name}` for the values below. */
export type QualityCheckMessages = Record<QualityCheckCode, Record<'en' | 'zh', CheckText>>;

export const QUALITY_CHECK_MESSAGES = JSON.parse(
  readFileSync(new URL('./messages/quality-checks.json', import.meta.url), 'utf8')) as QualityCheckMessages;

const PLACEHOLDERS: Readonly<Record<string, string>> = {
  absurd_days: String(ABSURD_DAYS),
  earliest_plausible: EARLIEST_PLAUSIBLE,
  earliest_year: EARLIEST_PLAUSIBLE.slice(0, 4),
  payment_tolerance: String(PAYMENT_TOLERANCE),
};

/** A catalogue text with its `{name}` placeholders filled in; an unknown name is an error in the catalogue. */
export function fillMessage(text: string): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = PLACEHOLDERS[name];
    if (value === undefined) throw new Error(`quality-checks.json: no value for {${name}}`);
    return value;
  });
}

export const QUALITY_CHECKS: readonly QualityCheckInfo[] = CHECKS.map(([code, kind, unit]) => {
  const { en, zh } = QUALITY_CHECK_MESSAGES[code];
  return {
    code, kind, unit,
    title: fillMessage(en.title), title_zh: fillMessage(zh.title),
    explanation: fillMessage(en.explanation), explanation_zh: fillMessage(zh.explanation),
  };
});
