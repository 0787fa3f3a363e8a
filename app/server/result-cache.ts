/**
 * Answers of GET requests kept per data generation (Database.generation): the same URL asked again,
 * or by many clients at once, is computed once until an import, undo or other write changes the
 * data. Requests for the same URL in flight share one computation. Files written per request
 * (exports, reports) and notebooks (read from disk each time) are never kept.
 */
import type { ApiResult } from './routes.ts';

const UNCACHED = /^\/api\/(?:import|undo|notebook|export|report)/;

export class ResultCache {
  private readonly entries = new Map<string, Promise<ApiResult | null>>();
  private generation = -1;

  constructor(private readonly limit = 256) {}

  static cacheable(method: string | undefined, path: string): boolean {
    return (method === 'GET' || method === 'HEAD') && path.startsWith('/api/') && !UNCACHED.test(path);
  }

  answer(key: string, generation: number, compute: () => Promise<ApiResult | null>): Promise<ApiResult | null> {
    if (generation !== this.generation) {
      this.entries.clear();
      this.generation = generation;
    }
    const kept = this.entries.get(key);
    if (kept) {
      // Most recently used last: the oldest go first when the cache is full.
      this.entries.delete(key);
      this.entries.set(key, kept);
      return kept;
    }
    const computed = compute();
    this.entries.set(key, computed);
    const forget = () => {
      if (this.entries.get(key) === computed) this.entries.delete(key);
    };
    computed.then((result) => { if (!result || result.kind === 'file') forget(); }, forget);
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value!);
    return computed;
  }
}
