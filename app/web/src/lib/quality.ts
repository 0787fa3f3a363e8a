/**
 * The Data quality page's client side: the shape of /api/quality (models/quality.ts), its request,
 * and how one finding reads.
 */

import type { QualityCheck, QualityExample, QualityResult } from '../../../../models/quality.ts';
import { ask } from './client.ts';

export type { QualityCheck, QualityExample, QualityResult };

/** Examples asked per check at first, and when the reader asks for more. */
export const QUALITY_FIRST = 10;
export const QUALITY_MORE = 200;

/** The whole workspace's checks: the page's filters do not apply, so none are sent. */
export const getQuality = (limit: number, signal?: AbortSignal) =>
  ask('quality', { limit: String(limit) }, signal);

/** The checks with findings, the most first (ties in their catalogue order), and the ones without. */
export function splitChecks(checks: readonly QualityCheck[]): { failing: QualityCheck[]; passed: QualityCheck[] } {
  const failing = checks.filter((c) => c.count > 0);
  const order = new Map(checks.map((c, i) => [c.code, i]));
  failing.sort((a, b) => b.count - a.count || order.get(a.code)! - order.get(b.code)!);
  return { failing, passed: checks.filter((c) => c.count === 0) };
}
