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
