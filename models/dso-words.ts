/** A DSO month's notes said in words (models/messages/receivables.ts): the note codes dso.ts finds, joined per language. */
import type { DsoNote } from './dso.ts';
import { count } from './messages/format.ts';
import { sayAll, type Message } from './messages/catalogue.ts';
import { RECEIVABLES_NOTES } from './messages/receivables.ts';
import { joinMessages } from './messages/catalogue.ts';

export function dsoNoteText(notes: readonly DsoNote[]): Message {
  return joinMessages(notes.map(noteText), RECEIVABLES_NOTES.separator);
}

function noteText(note: DsoNote): Message {
  switch (note.code) {
    case 'month_not_over':
      return sayAll(RECEIVABLES_NOTES, note.code, { measured_at: note.measured_at, days: count(note.days) });
    case 'nothing_invoiced':
      return sayAll(RECEIVABLES_NOTES, note.code);
    case 'few_invoices':
      return sayAll(RECEIVABLES_NOTES, note.code, { invoices: count(note.invoices), thin_below: count(note.thin_below) });
    case 'little_invoiced':
      return sayAll(RECEIVABLES_NOTES, note.code, { percent: count(note.percent) });
  }
}
