/**
 * Link quality and suggested links: the orphans' names (models/links.ts, by table and kind) and a
 * suggestion's evidence in words (models/stitch/evidence-text.ts).
 */
import type { Catalogue } from './catalogue.ts';
import TEXTS from './links.json' with { type: 'json' };

/** Records that trace to nothing, by `table.kind`. */
export const ORPHAN_LABELS = TEXTS.ORPHAN_LABELS satisfies Catalogue;

/** How two records' names compare, by the scoring rule. */
export const NAME_RULES = TEXTS.NAME_RULES satisfies Catalogue;

/** A piece of a suggestion's evidence; amounts and percents come as the scoring wrote them. */
export const EVIDENCE_WORDS = TEXTS.EVIDENCE_WORDS satisfies Catalogue;
