/** The Links page's data: open link suggestions and the decisions on them (docs/api.md, /api/links/*). */
import type { DecisionResult } from '../../../../models/stitch/decide.ts';
import type { LinkSuggestion } from '../../../../models/stitch/suggest.ts';
import { getJson, postJson } from './api.ts';

export { describeEvidence } from '../../../../models/stitch/evidence-text.ts';
export type { DecisionResult, LinkSuggestion };

export interface SuggestionsResponse {
  readonly suggestions: LinkSuggestion[];
}

/** The confidence from which "accept all" starts, and the step of its control. */
export const DEFAULT_THRESHOLD = 0.9;

export const getSuggestions = (signal?: AbortSignal) => getJson<SuggestionsResponse>('/api/links/suggestions', {}, signal);

const decide = (path: string, body: { ids?: string[]; min_confidence?: number }) => postJson<DecisionResult>(path, {}, body);

export const acceptLinks = (ids: string[]) => decide('/api/links/accept', { ids });
export const acceptAbove = (minConfidence: number) => decide('/api/links/accept', { min_confidence: minConfidence });
export const rejectLinks = (ids: string[]) => decide('/api/links/reject', { ids });

/** Suggestions at or above `threshold`. */
export const atOrAbove = (suggestions: readonly LinkSuggestion[], threshold: number) =>
  suggestions.filter((s) => s.confidence >= threshold);
