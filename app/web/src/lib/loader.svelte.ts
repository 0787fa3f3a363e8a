/**
 * How a view loads its data: declare the request, the loader does the rest — it asks again when
 * what the request reads changes (aborting the request still under way), keeps the last answer on
 * screen while the next one loads, and asks once more on `reload` (the retry button).
 */
import { ApiError, errorIn } from './api.ts';
import { pageLang } from './page-lang.svelte.ts';
import type { Remote } from './remote.ts';

/** What a view asks for; `undefined` while there is nothing to ask yet (the loader then waits). */
export type Load<T> = (signal: AbortSignal) => Promise<T> | undefined;

export class Loader<T> implements Remote<T> {
  loading = $state(true);
  data = $state<T>();
  /** why the last request failed (kept as it came: an ApiError says it in every language) */
  #failure = $state.raw<{ reason: unknown }>();
  #attempt = $state(0);

  /** Must be made while a component initialises: the requests live as long as it does. */
  constructor(load: Load<T>) {
    $effect(() => {
      void this.#attempt;
      const controller = new AbortController();
      const { signal } = controller;
      // Called here, not later, so that the state `load` reads decides when it runs again.
      const pending = load(signal);
      if (!pending) return;
      this.loading = true;
      pending.then(
        (data) => {
          if (signal.aborted) return;
          this.data = data;
          this.#failure = undefined;
          this.loading = false;
        },
        (err: unknown) => {
          if (signal.aborted) return;
          this.#failure = { reason: err };
          this.loading = false;
        },
      );
      return () => controller.abort();
    });
  }

  /** Why the last request failed, in the page's language; undefined when it did not. */
  get error(): string | undefined {
    return this.#failure && errorIn(this.#failure.reason, pageLang.lang);
  }

  /** The HTTP status the last request failed with (0: the server was not reached); undefined otherwise. */
  get errorStatus(): number | undefined {
    return this.#failure?.reason instanceof ApiError ? this.#failure.reason.status : undefined;
  }

  /** Asks again with the same parameters. */
  reload = () => {
    this.#attempt++;
  };
}

/** A loader for `load` (see Loader). */
export const loader = <T>(load: Load<T>) => new Loader(load);
