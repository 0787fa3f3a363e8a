/** The words of `ltc rejects` (app/cli/commands/ingest.ts) around the rejects themselves. */
import type { Catalogue } from './catalogue.ts';
import TEXTS from './rejects-text.json' with { type: 'json' };

export const REJECTS_TEXT = TEXTS.REJECTS_TEXT satisfies Catalogue;
