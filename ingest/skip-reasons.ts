/**
 * Why rows of a file were left out on purpose (they are neither loaded nor rejected): a code per
 * reason; its words in English and Chinese are a catalogue (models/messages/skip-reasons.ts).
 */
import { SKIP_REASONS } from '../models/messages/skip-reasons.ts';

export { SKIP_REASONS };

export type SkipReason = keyof typeof SKIP_REASONS;

/** Rows of one file left out for one reason. */
export interface SkippedRows {
  readonly reason: SkipReason;
  readonly label: string;
  readonly label_zh: string;
  readonly rows: number;
  /** 1-based line of the first such row, where known */
  readonly first_line: number | null;
}

export function skipped(reason: SkipReason, rows: number, firstLine: number | null): SkippedRows {
  const text = SKIP_REASONS[reason] ?? SKIP_REASONS.not_used;
  return { reason, label: text.en, label_zh: text.zh, rows, first_line: firstLine };
}

export function isSkipReason(code: string): code is SkipReason {
  return Object.hasOwn(SKIP_REASONS, code);
}

