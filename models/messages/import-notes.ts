/**
 * What an import report says about how a file was read (the report's `notes` and `notes_zh`):
 * which column a field was taken from, which rows a source keeps out and why. Column names, file
 * names, object names and values are placeholders and stay as they are in every language. The
 * notes of SAP exports are in import-notes-sap.ts.
 *
 * Notes are not stored (import_batches keeps counts, not notes): a report is said once, when the
 * file is read, so nothing reads a stored note back.
 */
import { sayEach, type Catalogue, type Message, type ValuesIn } from './catalogue.ts';
import TEXTS from './import-notes.json' with { type: 'json' };

export const IMPORT_NOTES = TEXTS.IMPORT_NOTES satisfies Catalogue;

export type ImportNoteId = keyof typeof IMPORT_NOTES;

/** A note of an import report in every language. */
export function importNote(id: ImportNoteId, values: ValuesIn = {}): Message {
  return sayEach(IMPORT_NOTES, id, values);
}

/** Notes as a report carries them: `notes` in English, `notes_zh` beside them in the same order. */
export function noteFields(notes: readonly Message[] | undefined): { notes?: string[]; notes_zh?: string[] } {
  return notes === undefined ? {} : { notes: notes.map((n) => n.en), notes_zh: notes.map((n) => n.zh) };
}
