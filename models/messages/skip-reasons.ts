/**
 * Why rows of a file were left out on purpose (neither loaded nor rejected): the words of each
 * reason code (ingest/skip-reasons.ts) that the import report, the CLI and the Import page show.
 */
import type { Catalogue } from './catalogue.ts';
import TEXTS from './skip-reasons.json' with { type: 'json' };

export const SKIP_REASONS = TEXTS.SKIP_REASONS satisfies Catalogue;
