/** Data fetched for a view: kept while a newer request loads, so charts do not flash empty. */
export interface Remote<T> {
  loading: boolean;
  data: T | undefined;
  error: string | undefined;
}

export function remote<T>(): Remote<T> {
  return { loading: true, data: undefined, error: undefined };
}

/**
 * Starts `load` and writes its outcome into `target` (a $state object); returns the cancel
 * function, so that `$effect(() => loadInto(x, …))` drops answers to outdated filters.
 */
export function loadInto<T>(target: Remote<T>, load: (signal: AbortSignal) => Promise<T>): () => void {
  const controller = new AbortController();
  const { signal } = controller;
  target.loading = true;
  load(signal).then(
    (data) => {
      if (signal.aborted) return;
      target.data = data;
      target.error = undefined;
      target.loading = false;
    },
    (err: unknown) => {
      if (signal.aborted) return;
      target.error = err instanceof Error ? err.message : String(err);
      target.loading = false;
    },
  );
  return () => controller.abort();
}
