/**
 * The message catalogue: every sentence the product writes for people, by id, in each language.
 * A catalogue is a TypeScript object `{ id: { en, zh } }` whose texts are ICU messages
 * (`{name}` for a value, `{n, plural, one {…} other {…}}` for a count), so a missing
 * translation is a type error and a third language is one more key per entry. Values are passed
 * in already formatted (models/messages/format.ts) so a number reads the same in a sentence as in
 * a table.
 */
import { IntlMessageFormat } from 'intl-messageformat';

export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

/** One message in every language. */
export type Message = Readonly<Record<Lang, string>>;
export type Catalogue = Readonly<Record<string, Message>>;
/** The values a message's placeholders take: text, or a number for `plural`/`select`. */
export type MessageValues = Readonly<Record<string, string | number>>;

const LOCALES: Record<Lang, string> = { en: 'en-US', zh: 'zh-CN' };
const compiled = new Map<string, IntlMessageFormat>();

/** A message in one language with its placeholders filled; a placeholder without a value is an error. */
export function say<C extends Catalogue>(catalogue: C, id: keyof C & string, lang: Lang, values: MessageValues = {}): string {
  const text = catalogue[id]?.[lang];
  if (text === undefined) throw new Error(`no message "${id}" in ${lang}`);
  // Without braces or apostrophes an ICU message is its own text. Said directly, because the first
  // IntlMessageFormat of a process costs ≈ 0.1 s (Intl's locale data), a third of a small `ltc` command.
  if (!/[{}']/.test(text)) return text;
  const key = `${lang}\u0000${text}`;
  let format = compiled.get(key);
  if (!format) {
    format = new IntlMessageFormat(text, LOCALES[lang], undefined, { ignoreTag: true });
    compiled.set(key, format);
  }
  const out = format.format(values);
  if (typeof out !== 'string') throw new Error(`message "${id}" did not format to text`);
  return out;
}

/** A message in every language, e.g. for an answer's `note` and `note_zh`. */
export function sayAll<C extends Catalogue>(catalogue: C, id: keyof C & string, values: MessageValues = {}): Message {
  return Object.fromEntries(LANGS.map((lang) => [lang, say(catalogue, id, lang, values)])) as Record<Lang, string>;
}

/** A message in every language, each said with the values of its language (a list joined as it reads there, a count written as that language writes it). */
export function sayEach<C extends Catalogue>(catalogue: C, id: keyof C & string, values: ValuesIn = {}): Message {
  return Object.fromEntries(LANGS.map((lang) => [lang, say(catalogue, id, lang, typeof values === 'function' ? values(lang) : values)])) as Record<Lang, string>;
}

/** Values said the same in every language, or per language. */
export type ValuesIn = MessageValues | ((lang: Lang) => MessageValues);

/** Messages joined into one text per language, with each language's separator. */
export function joinMessages(messages: readonly Message[], separator: Message): Message {
  return Object.fromEntries(LANGS.map((lang) => [lang, messages.map((m) => m[lang]).join(separator[lang])])) as Record<Lang, string>;
}

/** The placeholder names a message uses, for the tests that hold every language to the same names. */
export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\s*(\w+)\s*(?:[,}])/g)].map((m) => m[1]))].sort();
}

/**
 * An error people read, said from a catalogue: `message` is its English (logs, the CLI, tests),
 * `texts` the same in every language. The server answers `{ error, error_zh }` from it; the
 * dashboard shows the page's language.
 */
export class SaidError extends Error {
  constructor(readonly texts: Message) {
    super(texts.en);
  }
}

/** An error's text in one language: from its catalogue texts where it has them, else its message. */
export function errorText(error: unknown, lang: Lang): string {
  if (error instanceof Error && 'texts' in error && isMessage(error.texts)) return error.texts[lang];
  return error instanceof Error ? error.message : String(error);
}

function isMessage(value: unknown): value is Message {
  return !!value && typeof value === 'object' && LANGS.every((l) => typeof (value as Record<string, unknown>)[l] === 'string');
}
