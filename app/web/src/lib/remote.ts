/** Data fetched for a view: kept while a newer request loads, so charts do not flash empty (lib/loader.svelte.ts). */
export interface Remote<T> {
  loading: boolean;
  data: T | undefined;
  error: string | undefined;
}
