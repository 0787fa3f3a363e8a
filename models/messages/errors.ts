/**
 * The errors of asking an analysis: its parameters as the parser reads them (models/analysis/params.ts)
 * and the checks the models make (UsageError, NotFound). `name` is the parameter as the asker wrote
 * it (`--by` on the command line, `by` in a URL); `value` what they wrote, shown as typed.
 */
import type { Catalogue, Lang } from './catalogue.ts';
import TEXTS from './errors.json' with { type: 'json' };

export const PARAM_ERRORS = TEXTS.PARAM_ERRORS satisfies Catalogue;

export const ANALYSIS_ERRORS = TEXTS.ANALYSIS_ERRORS satisfies Catalogue;

/** `a or b or c` as each language says it, for a message's list of choices. */
export const orList = (lang: Lang, items: readonly string[]): string => items.join(lang === 'zh' ? ' 或 ' : ' or ');

