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
import TEXTS from './reject-reasons.json' with { type: 'json' };

export const REJECT_REASONS = TEXTS.REJECT_REASONS satisfies Catalogue;

export type RejectReason = keyof typeof REJECT_REASONS;

/** The value formats a column is read in (ingest/formats.ts describeFormat), as a reject names them. */
export const VALUE_FORMATS = TEXTS.VALUE_FORMATS satisfies Catalogue;

/** The kinds of error of DuckDB's CSV reader (its CSV_ERROR_TYPE, lower case), in our words. */
export const READER_ERRORS = TEXTS.READER_ERRORS satisfies Catalogue;

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

/**
 * The longest stored reason read back. A reason quotes the cell it refused, and a hostile file can
 * make that cell megabytes of the templates' own words, which would cost a lazy group per placeholder
 * time quadratic in its length; a longer reason is shown as stored.
 */
export const MAX_READ_REASON = 2000;

/** The reason and its values that a stored English text was written from; null for any other text. */
export function readReason(text: string): { id: RejectReason; values: Record<string, string> } | null {
  if (text.length > MAX_READ_REASON) return null;
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
