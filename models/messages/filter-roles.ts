/** Why an extra column is or is not offered as a segment (models/filter-column-roles.ts), by reason code. */
import type { Catalogue } from './catalogue.ts';
import TEXTS from './filter-roles.json' with { type: 'json' };

export const COLUMN_ROLE_REASONS = TEXTS.COLUMN_ROLE_REASONS satisfies Catalogue;
