/** Receivables: the aging buckets and the notes of aging and DSO (models/aging.ts, models/dso.ts). */
import type { Catalogue } from './catalogue.ts';
import TEXTS from './receivables.json' with { type: 'json' };

/** Days past due, by aging bucket id. */
export const AGING_BUCKET_LABELS = TEXTS.AGING_BUCKET_LABELS satisfies Catalogue;

/** Why aging or DSO has no figures, and what a DSO month's figure rests on. */
export const RECEIVABLES_NOTES = TEXTS.RECEIVABLES_NOTES satisfies Catalogue;
