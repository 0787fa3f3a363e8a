/**
 * The errors of files and the workspace: exports (models/export/), notebooks (models/notebook/) and
 * opening the workspace file (models/db/instance.ts). Paths, SQL keywords and DuckDB's own words are
 * values, shown as they are.
 */
import type { Catalogue } from './catalogue.ts';
import TEXTS from './workspace-errors.json' with { type: 'json' };

export const EXPORT_ERRORS = TEXTS.EXPORT_ERRORS satisfies Catalogue;

export const NOTEBOOK_ERRORS = TEXTS.NOTEBOOK_ERRORS satisfies Catalogue;

export const WORKSPACE_ERRORS = TEXTS.WORKSPACE_ERRORS satisfies Catalogue;
