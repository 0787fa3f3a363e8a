/** History API routing: the path picks the page, the query string holds its state (docs/api.md). */

export interface Place {
  path: string;
  search: string;
}

const NAVIGATE = 'ltc:navigate';

export function currentPlace(): Place {
  return { path: location.pathname, search: location.search };
}

/** Goes to `path` with the given query string; `replace` edits the current history entry. */
export function navigate(path: string, search: string, { replace = false } = {}): void {
  const href = path + (search && !search.startsWith('?') ? `?${search}` : search);
  if (href === location.pathname + location.search) return;
  if (replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  window.dispatchEvent(new Event(NAVIGATE));
}

/** Calls `onChange` after every navigation (links, back/forward); returns the unsubscribe. */
export function onNavigate(onChange: (place: Place) => void): () => void {
  const handler = () => onChange(currentPlace());
  window.addEventListener('popstate', handler);
  window.addEventListener(NAVIGATE, handler);
  return () => {
    window.removeEventListener('popstate', handler);
    window.removeEventListener(NAVIGATE, handler);
  };
}

/** True for a plain left click that the router may take over (not a new-tab click). */
export function isPlainClick(event: MouseEvent): boolean {
  return (
    event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey
  );
}
