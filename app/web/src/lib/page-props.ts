/** What App hands every page. */
import type { Strings } from './i18n.ts';
import type { Loader } from './loader.svelte.ts';
import type { Lang, Status } from './types.ts';

export interface PageProps {
  /** the query string, parsed */
  params: URLSearchParams;
  /** the query string as it stands, for links that keep the page state */
  search: string;
  lang: Lang;
  text: Strings;
  /** the workspace's status; `reload` after a change to the data */
  status: Loader<Status>;
  /** changes page state in the current history entry; every other query key is kept */
  setParams: (updates: Record<string, string | undefined>) => void;
}

/** What a section of a page reads of it: the query state, the language and the common strings. */
export type SectionProps = Pick<PageProps, 'params' | 'lang' | 'text'>;

/** What a part with strings of its own (as `text`) reads of the page: the query state, kept by its links, and the language. */
export type PageState = Pick<PageProps, 'params' | 'search' | 'lang'>;
