/**
 * The notes of SAP SD exports in an import report (ingest/adapters/sap.ts, sap-flow.ts), in every
 * language. SAP's field names (VBELN, FKDAT …) and document categories (C, J, M …) stay as SAP
 * writes them.
 */
import { sayEach, type Catalogue, type Message, type ValuesIn } from './catalogue.ts';
import TEXTS from './import-notes-sap.json' with { type: 'json' };

export const SAP_NOTES = TEXTS.SAP_NOTES satisfies Catalogue;

/** A note of an SAP export in every language. */
export function sapNote(id: keyof typeof SAP_NOTES, values: ValuesIn = {}): Message {
  return sayEach(SAP_NOTES, id, values);
}
