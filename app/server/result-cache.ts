/**
 * Answers of GET requests kept per data generation (Database.generation): the same URL asked again,
 * or by many clients at once, is computed once until an import, undo or other write changes the
 * data (an analysis's key is its path and the parameters it reads: routes.ts, answerKey). Requests
 * for the same key in flight share one computation. Files written per request
 * (exports, reports) and notebooks (read from disk each time) are never kept.
 */
import type { ApiResult } from './routes.ts';

const UNCACHED = /^\/api\/(?:import|undo|notebook|export|report)/;

interface Entry {
  readonly answer: Promise<ApiResult | null>;
  /** aborts the computation when every client waiting for it has gone */
  readonly work: AbortController;
  waiting: number;
  settled: boolean;
}

export class ResultCache {
  private readonly entries = new Map<string, Entry>();
  private generation = -1;

  constructor(private readonly limit = 256) {}

  static cacheable(method: string | undefined, path: string): boolean {
    return (method === 'GET' || method === 'HEAD') && path.startsWith('/api/') && !UNCACHED.test(path);
  }

  /**
   * The answer for `key` at `generation`, computed once. `gone` aborts when this client leaves:
   * its wait ends, and when no one else waits for an unfinished answer the computation is told to
   * stop (the dashboard drops answers it no longer needs; they should not hold the reader).
   */
  answer(
    key: string, generation: number, compute: (signal: AbortSignal) => Promise<ApiResult | null>, gone?: AbortSignal,
  ): Promise<ApiResult | null> {
    if (gone?.aborted) return Promise.reject(gone.reason);
    if (generation !== this.generation) {
      this.entries.clear();
      this.generation = generation;
    }
    let entry = this.entries.get(key);
    if (entry) {
      // Most recently used last: the oldest go first when the cache is full.
      this.entries.delete(key);
      this.entries.set(key, entry);
    } else {
      const work = new AbortController();
      const answer = compute(work.signal);
      const started: Entry = { answer, work, waiting: 0, settled: false };
      entry = started;
      this.entries.set(key, started);
      const forget = () => {
        if (this.entries.get(key) === started) this.entries.delete(key);
      };
      answer.then((result) => { if (!result || result.kind === 'file') forget(); }, forget)
        .finally(() => { started.settled = true; });
      if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value!);
    }
    return this.wait(key, entry, gone);
  }

  private wait(key: string, entry: Entry, gone?: AbortSignal): Promise<ApiResult | null> {
    if (!gone) {
      // A caller that cannot leave keeps the computation going whoever else leaves.
      entry.waiting = Infinity;
      return entry.answer;
    }
    entry.waiting++;
    return new Promise((resolve, reject) => {
      const leave = () => {
        reject(gone.reason);
        if (--entry.waiting > 0 || entry.settled) return;
        entry.work.abort();
        if (this.entries.get(key) === entry) this.entries.delete(key);
      };
      gone.addEventListener('abort', leave, { once: true });
      entry.answer.then(resolve, reject).finally(() => gone.removeEventListener('abort', leave));
    });
  }
}
