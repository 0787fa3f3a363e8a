/** The opportunity pipeline and its funnel (models/pipeline.ts): step names and notes. */
import type { Catalogue } from './catalogue.ts';
import TEXTS from './pipeline.json' with { type: 'json' };

/** The opportunity funnel's own steps; a stage step is named as the CRM names it. */
export const PIPELINE_STEPS = TEXTS.PIPELINE_STEPS satisfies Catalogue;

export const PIPELINE_NOTES = TEXTS.PIPELINE_NOTES satisfies Catalogue;
