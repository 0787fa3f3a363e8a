/**
 * The bottleneck in one sentence (models/bottleneck-words.ts) and the days a case waits in a
 * transition (models/bottlenecks.ts WAITING_BUCKETS).
 */
import type { Catalogue } from './catalogue.ts';
import TEXTS from './bottlenecks.json' with { type: 'json' };

/** The parts of the bottleneck sentence; counts come formatted (`count`), `n` chooses the plural. */
export const BOTTLENECK_SENTENCE = TEXTS.BOTTLENECK_SENTENCE satisfies Catalogue;

/**
 * What waits at a start milestone, counted: "no leads", "1 lead", "12 leads" / "线索", "12 条线索"
 * (with its measure word; none after 没有). A stage of a stage history waits as an opportunity.
 */
export const WAITING_CASES = TEXTS.WAITING_CASES satisfies Catalogue;

/** The segment keys as a sentence names them. */
export const SEGMENT_KEY_NAMES = TEXTS.SEGMENT_KEY_NAMES satisfies Catalogue;

/** Days waited in a transition, by bucket id. */
export const WAITING_BUCKET_LABELS = TEXTS.WAITING_BUCKET_LABELS satisfies Catalogue;
