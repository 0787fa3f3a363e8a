/**
 * Days sales outstanding per month (docs/measures.md): open receivables at month end ÷ amount invoiced in
 * the month × days in the month. The definitions are in models/sql/dso.sql. A month with little
 * invoiced is thin: its DSO is shown, marked, and never the headline.
 */
import type { Database } from './db/database.ts';
import { THIN_BELOW } from './measure-catalog.ts';
import { asOfMoment, dataFacts } from './measures.ts';
import { filterParam, periodBounds, type PeriodOptions } from './period.ts';
import { dsoNoteText } from './dso-words.ts';
import { sayAll } from './messages/catalogue.ts';
import { RECEIVABLES_NOTES } from './messages/receivables.ts';
import { sqlFile } from './sql-files.ts';
import { fieldPair } from './words.ts';

export interface DsoMonth {
  /** YYYY-MM */
  readonly month: string;
  /** the calendar month's first and last day, YYYY-MM-DD */
  readonly first_day: string;
  readonly last_day: string;
  /** true for the month of as_of: measured at as_of over its days so far */
  readonly partial: boolean;
  /** the moment receivables were measured: the month's last second, or as_of in the partial month */
  readonly measured_at: string;
  /** days in the month; in the partial month, days up to and including as_of's date */
  readonly days: number;
  /** invoices issued in the month (up to as_of) and their amount (amounts rounded to cents; dso uses the exact sums) */
  readonly invoices: number;
  readonly invoiced: number;
  /** invoices still open at measured_at and what is left of them */
  readonly open_invoices: number;
  readonly open_receivables: number;
  /** open_receivables ÷ invoiced × days; null when nothing was invoiced in the month */
  readonly dso: number | null;
  /** a DSO from little invoiced (see DsoThinReason): shown, marked, never the headline */
  readonly thin: boolean;
  readonly thin_reason: DsoThinReason | null;
  readonly note?: string;
  readonly note_zh?: string;
}

/**
 * Why a month is thin: fewer than THIN_BELOW invoices issued in it, or invoiced less than
 * DSO_THIN_SHARE of the median complete month (pro-rated to its days for the month of as_of).
 */
export type DsoThinReason = 'few_invoices' | 'little_invoiced';

/** What a month's figure rests on, as a code and its values (said in words by dso-words.ts). */
export type DsoNote =
  | { readonly code: 'month_not_over'; readonly measured_at: string; readonly days: number }
  | { readonly code: 'nothing_invoiced' }
  | { readonly code: 'few_invoices'; readonly invoices: number; readonly thin_below: number }
  | { readonly code: 'little_invoiced'; readonly percent: number };

/** A month invoicing less than this share of the median month is thin. */
export const DSO_THIN_SHARE = 0.1;

export interface DsoHeadline {
  readonly month: string;
  readonly dso: number;
  readonly invoices: number;
  readonly partial: boolean;
}

export interface DsoResult {
  readonly data_end: string | null;
  /** the moment everything is measured at: --as-of, else data_end */
  readonly as_of: string | null;
  readonly available: boolean;
  readonly note?: string;
  readonly note_zh?: string;
  /** the thin rule: fewer invoices than this… */
  readonly thin_below: number;
  /** …or invoiced below this share of the median complete month (median_invoiced; null without one) */
  readonly thin_share: number;
  readonly median_invoiced: number | null;
  /** the latest listed month with a DSO that is not thin; null when every one is thin */
  readonly headline: DsoHeadline | null;
  readonly months: DsoMonth[];
}

/** DSO of every month from the first invoice to as_of (only those overlapping --from/--to). */
export async function dso(db: Database, options: PeriodOptions = {}): Promise<DsoResult> {
  const facts = await dataFacts(db);
  const asOf = asOfMoment(facts, options);
  const bounds = periodBounds(options);
  if (asOf === null || facts.invoices === 0) {
    return {
      data_end: facts.data_end, as_of: momentLabel(asOf), available: false,
      thin_below: THIN_BELOW, thin_share: DSO_THIN_SHARE, median_invoiced: null, headline: null, months: [],
      ...fieldPair('note', sayAll(RECEIVABLES_NOTES, 'dso_needs_invoices')),
    };
  }
  const rows = await db.query<Record<string, unknown>>(sqlFile('dso.sql'), { ...bounds, as_of: asOf, ...filterParam(options) });
  const median = rows.length && rows[0].median_invoiced !== null ? Number(rows[0].median_invoiced) : null;
  const months = rows.map((r): DsoMonth => {
    const invoiced = Number(r.invoiced);
    const invoices = Number(r.invoices);
    const open = Number(r.open_receivables);
    const days = Number(r.days);
    const partial = r.partial === true;
    const measuredAt = String(r.measured_at);
    const dso = invoiced > 0 ? (open / invoiced) * days : null;
    const thinReason = dso === null ? null : thinness(invoices, invoiced, median, days / Number(r.calendar_days));
    const notes: DsoNote[] = [];
    if (partial) notes.push({ code: 'month_not_over', measured_at: measuredAt, days });
    if (invoiced <= 0) notes.push({ code: 'nothing_invoiced' });
    if (thinReason) notes.push(thinNote(thinReason, invoices));
    return {
      month: String(r.month), first_day: String(r.first_day), last_day: String(r.last_day),
      partial, measured_at: measuredAt, days,
      invoices, invoiced: cents(invoiced),
      open_invoices: Number(r.open_invoices), open_receivables: cents(open),
      dso, thin: thinReason !== null, thin_reason: thinReason,
      ...(notes.length ? fieldPair('note', dsoNoteText(notes)) : {}),
    };
  });
  const latest = months.findLast((m) => m.dso !== null && !m.thin);
  return {
    data_end: facts.data_end, as_of: momentLabel(asOf), available: true,
    thin_below: THIN_BELOW, thin_share: DSO_THIN_SHARE, median_invoiced: median === null ? null : cents(median),
    headline: latest ? { month: latest.month, dso: latest.dso!, invoices: latest.invoices, partial: latest.partial } : null,
    months,
  };
}

/** Why a month's DSO is thin, or null: few invoices first, then little invoiced against the median month. */
function thinness(invoices: number, invoiced: number, median: number | null, shareOfMonth: number): DsoThinReason | null {
  if (invoices < THIN_BELOW) return 'few_invoices';
  if (median !== null && invoiced < DSO_THIN_SHARE * median * shareOfMonth) return 'little_invoiced';
  return null;
}

function thinNote(reason: DsoThinReason, invoices: number): DsoNote {
  return reason === 'few_invoices'
    ? { code: reason, invoices, thin_below: THIN_BELOW }
    : { code: reason, percent: DSO_THIN_SHARE * 100 };
}

/** Money as reported: rounded to cents (sums of floating-point amounts carry noise in the last digits). */
export function cents(amount: number): number {
  return Math.round(amount * 100) / 100;
}

/** A SQL moment (`2025-06-30 23:59:59.999999`, `2025-06-30T17:00`) as `2025-06-30T23:59:59`. */
export function momentLabel(moment: string | null): string | null {
  if (moment === null) return null;
  const [date, time = ''] = moment.split(/[T ]/);
  const [h = '00', m = '00', s = '00'] = time.split(':');
  return `${date}T${h.padStart(2, '0')}:${m.padStart(2, '0')}:${s.slice(0, 2).padStart(2, '0')}`;
}
