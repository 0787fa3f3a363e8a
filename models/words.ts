/**
 * How a catalogue message becomes an answer's pair of fields: `label` and `label_zh`, `note` and
 * `note_zh` … (the API keeps one field per language), and a message said with values that differ by
 * language (a count written 1,234 in English and 1234 in Chinese).
 */
import { LANGS, say, type Catalogue, type Lang, type Message, type MessageValues } from './messages/catalogue.ts';

/** `{ label, label_zh }` (or note, reason …) from a message in every language. */
export function fieldPair<K extends string>(key: K, message: Message): Record<K | `${K}_zh`, string> {
  return { [key]: message.en, [`${key}_zh`]: message.zh } as Record<K | `${K}_zh`, string>;
}

/** A message in every language, each with the values of its language. */
export function sayEach<C extends Catalogue>(catalogue: C, id: keyof C & string, values: (lang: Lang) => MessageValues): Message {
  return Object.fromEntries(LANGS.map((lang) => [lang, say(catalogue, id, lang, values(lang))])) as Record<Lang, string>;
}

/** Messages joined into one text per language, with each language's separator. */
export function joinMessages(messages: readonly Message[], separator: Message): Message {
  return Object.fromEntries(LANGS.map((lang) => [lang, messages.map((m) => m[lang]).join(separator[lang])])) as Record<Lang, string>;
}
