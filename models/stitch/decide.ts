/**
 * Accepting and rejecting suggested links (docs/linking.md#links-by-matching). Each decision call is
 * one import batch of kind `links` whose rows are in `record_links`: `ltc undo BATCH` takes it back.
 * decideAndRebuild (app/workspace.ts) rebuilds the model in the same transaction, so that accepted
 * links count like id links at once.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database.ts';
import { UsageError } from '../analysis/errors.ts';
import { suggestLinks, type LinkSuggestion } from './suggest.ts';
import { sayAll } from '../messages/catalogue.ts';
import { ANALYSIS_ERRORS } from '../messages/errors.ts';

export type Decision = 'accepted' | 'rejected';

export interface DecisionResult {
  /** the import batch holding these decisions (null when there was nothing to decide) */
  readonly batch_id: number | null;
  readonly decision: Decision;
  readonly links: LinkSuggestion[];
}

export interface DecideOptions {
  /** suggestion ids (`ltc links suggest`) */
  readonly ids?: readonly string[];
  /** every open suggestion at or above this confidence (accept only) */
  readonly minConfidence?: number;
}

/** Which open suggestions the options name; an id that names none is refused. */
function pick(open: readonly LinkSuggestion[], options: DecideOptions): LinkSuggestion[] {
  if (options.ids && options.ids.length > 0) {
    const byId = new Map(open.map((s) => [s.id, s]));
    const unknown = options.ids.filter((id) => !byId.has(id));
    if (unknown.length > 0) {
      throw new UsageError(sayAll(ANALYSIS_ERRORS, 'noOpenSuggestion', { ids: unknown.join(', ') }));
    }
    return [...new Set(options.ids)].map((id) => byId.get(id)!);
  }
  if (options.minConfidence !== undefined) return open.filter((s) => s.confidence >= options.minConfidence!);
  throw new UsageError(sayAll(ANALYSIS_ERRORS, 'nameSuggestions'));
}

/** Records `decision` for the suggestions the options name, as one batch (in one transaction). */
export function decideLinks(db: Database, decision: Decision, options: DecideOptions): Promise<DecisionResult> {
  if (options.minConfidence !== undefined && !(options.minConfidence >= 0 && options.minConfidence <= 1)) {
    throw new UsageError(sayAll(ANALYSIS_ERRORS, 'minConfidence', { value: String(options.minConfidence) }));
  }
  return db.writing(async () => {
    const links = pick(await suggestLinks(db), options);
    if (links.length === 0) return { batch_id: null, decision, links };
    const batchId = await db.transaction(async () => {
      const [{ batch_id }] = await db.query<{ batch_id: number }>(
        `INSERT INTO import_batches (file_name, kind, checksum, rows_read, rows_loaded, rows_rejected, rows_duplicate, adapter, preset, rows_inserted)
         VALUES ($1, 'links', $2, $3, $3, 0, 0, 'links', $4, $3) RETURNING batch_id`,
        [`links ${decision}: ${links.length}`, `links:${randomUUID()}`, links.length, decision]);
      for (const link of links) {
        await db.exec(`INSERT INTO record_links (from_table, from_id, to_table, to_id, decision, confidence, evidence, batch_id)
          VALUES ($1, $2, $3, $4, $5, $6, $7::JSON, $8)`,
        [link.from_table, link.from_id, link.to_table, link.to_id, decision, link.confidence, JSON.stringify(link.evidence), batch_id]);
      }
      return batch_id;
    });
    return { batch_id: batchId, decision, links };
  });
}
