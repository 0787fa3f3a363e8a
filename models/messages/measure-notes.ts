/**
 * What a measure's value rests on, said by models/measures.ts beside the notes the measure's own
 * declaration carries (models/measure-catalog.ts: what it needs, how it is measured).
 */
import type { Catalogue } from './catalogue.ts';
import TEXTS from './measure-notes.json' with { type: 'json' };

export const MEASURE_NOTES = TEXTS.MEASURE_NOTES satisfies Catalogue;
