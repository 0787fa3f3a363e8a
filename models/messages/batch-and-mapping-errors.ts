/**
 * What undo and a mapping file refuse, in every language: a batch that is not there or cannot be
 * undone now, and a mapping (`--map` file or the Import page's choice) that does not fit the
 * contract. Names of fields, formats and zones stay as written: they are what the user types.
 */
import type { Catalogue } from './catalogue.ts';
import TEXTS from './batch-and-mapping-errors.json' with { type: 'json' };

export const BATCH_ERRORS = TEXTS.BATCH_ERRORS satisfies Catalogue;

export const MAPPING_ERRORS = TEXTS.MAPPING_ERRORS satisfies Catalogue;
