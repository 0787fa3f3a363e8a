/**
 * The dashboard's typed client: an analysis by its name (models/analyses/), its query from the page
 * state, its answer typed by the analysis's own declaration (analyses.generated.ts, written by
 * `npm run codegen`). Arrow answers (cohorts, cases.arrow) are read by their own functions.
 */
import type { Table } from 'apache-arrow';
import { ANALYSIS_PATHS, type Analyses } from './analyses.generated.ts';
import { getJson, type ApiParams } from './api.ts';

/** The analyses that answer JSON. */
export type JsonAnalysis = { [N in keyof Analyses]: Analyses[N]['result'] extends Table ? never : N }[keyof Analyses];

/** What an analysis answers. */
export type Answer<N extends keyof Analyses> = Analyses[N]['result'];

/** Asks one analysis with the page's query (a query string, or its keys and values). */
export function ask<N extends JsonAnalysis>(name: N, query: ApiParams | string, signal?: AbortSignal): Promise<Answer<N>> {
  return getJson<Answer<N>>(ANALYSIS_PATHS[name], query, signal);
}

/** The route of an analysis, for a link or a download. */
export const analysisPath = (name: keyof Analyses): string => ANALYSIS_PATHS[name];
