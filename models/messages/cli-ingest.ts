/**
 * The words of `ltc ingest`'s text report (app/cli/import-report.ts) around what the import found:
 * the table's headings, a failed or repeated file, the headings of the skipped rows, rejects and
 * notes of each file. `--lang zh` prints them in Chinese; file names, counts and commands are values.
 */
import type { Catalogue } from './catalogue.ts';
import TEXTS from './cli-ingest.json' with { type: 'json' };

export const CLI_INGEST = TEXTS.CLI_INGEST satisfies Catalogue;
