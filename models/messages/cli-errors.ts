/**
 * The refusals of `ltc` commands that do more than ask one analysis (app/cli): importing, undoing,
 * links, exports, the report, notebooks and `serve`. `ltc --lang zh` prints them in Chinese; flags,
 * paths and what was typed are values, shown as they are.
 */
import type { Catalogue } from './catalogue.ts';
import TEXTS from './cli-errors.json' with { type: 'json' };

export const CLI_ERRORS = TEXTS.CLI_ERRORS satisfies Catalogue;
