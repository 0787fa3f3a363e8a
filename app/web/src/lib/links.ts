/** The Links page's data: open link suggestions and the decisions on them (docs/api.md, /api/links/*). */
import { DASHBOARD_HEADERS } from '../../../server/dashboard-request.ts';
import type { DecisionResult } from '../../../../models/stitch/decide.ts';
import type { LinkSuggestion } from '../../../../models/stitch/suggest.ts';
import { ApiError } from './api.ts';
import { getApiJson } from './filters.ts';

export { describeEvidence } from '../../../../models/stitch/evidence-text.ts';
export type { DecisionResult, LinkSuggestion };

export interface SuggestionsResponse {
  readonly suggestions: LinkSuggestion[];
}

/** The confidence from which "accept all" starts, and the step of its control. */
export const DEFAULT_THRESHOLD = 0.9;

export const getSuggestions = (signal?: AbortSignal) => getApiJson<SuggestionsResponse>('/api/links/suggestions', {}, signal);

async function decide(path: string, body: { ids?: string[]; min_confidence?: number }): Promise<DecisionResult> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST', body: JSON.stringify(body),
      headers: { ...DASHBOARD_HEADERS, Accept: 'application/json', 'Content-Type': 'application/json' },
    });
  } catch {
    throw new ApiError('Cannot reach the LTC Lens server.', 0);
  }
  const text = await res.text();
  if (!res.ok) {
    let reason = `HTTP ${res.status}`;
    try {
      reason = (JSON.parse(text) as { error?: string }).error ?? reason;
    } catch {
      // not JSON: the status line says it
    }
    throw new ApiError(reason, res.status);
  }
  return JSON.parse(text) as DecisionResult;
}

export const acceptLinks = (ids: string[]) => decide('/api/links/accept', { ids });
export const acceptAbove = (minConfidence: number) => decide('/api/links/accept', { min_confidence: minConfidence });
export const rejectLinks = (ids: string[]) => decide('/api/links/reject', { ids });

/** Suggestions at or above `threshold`. */
export const atOrAbove = (suggestions: readonly LinkSuggestion[], threshold: number) =>
  suggestions.filter((s) => s.confidence >= threshold);
