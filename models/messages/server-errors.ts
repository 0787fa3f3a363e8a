/**
 * What the dashboard's server answers when it refuses a request (app/server): the guards, the
 * token, the address, the routes' own checks. Sent as `{ "error": en, "error_zh": zh }`; header
 * names, paths and what the request carried are values, shown as they came.
 */
import type { Catalogue } from './catalogue.ts';
import TEXTS from './server-errors.json' with { type: 'json' };

export const SERVER_ERRORS = TEXTS.SERVER_ERRORS satisfies Catalogue;
