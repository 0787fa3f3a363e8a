/** The names of the LTC milestones: the funnel's stages and an opportunity's outcomes (models/funnel.ts, transitions.ts). */
import type { Catalogue } from './catalogue.ts';
import TEXTS from './stages.json' with { type: 'json' };

export const STAGE_LABELS = TEXTS.STAGE_LABELS satisfies Catalogue;

/** A transition named by its two milestones, "Order → Delivered". */
export const TRANSITION_LABEL = TEXTS.TRANSITION_LABEL satisfies Catalogue;
