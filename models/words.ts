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

