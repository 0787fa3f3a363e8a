/**
 * The before/after evaluation: why a comparison carries no statistics or a caution
 * (models/compare-evidence.ts), the mix note (models/mix.ts) and the survival curves' names
 * (models/survival.ts).
 */
import type { Catalogue } from './catalogue.ts';
import TEXTS from './before-after.json' with { type: 'json' };

export const EVIDENCE_NOTES = TEXTS.EVIDENCE_NOTES satisfies Catalogue;

/** The words a rate's note uses where its declaration names no denominator (models/measure-catalog.ts). */
export const RATE_WORDS = TEXTS.RATE_WORDS satisfies Catalogue;

/** The two sides of a cut-over. */
export const SIDES = TEXTS.SIDES satisfies Catalogue;

export const MIX_NOTES = TEXTS.MIX_NOTES satisfies Catalogue;

export const SURVIVAL_CURVES = TEXTS.SURVIVAL_CURVES satisfies Catalogue;
