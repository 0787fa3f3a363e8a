/** The address of a request, read strictly: a malformed one is the client's mistake (400), never a crash. */
import { UsageError } from '../../models/analysis/errors.ts';
import { sayAll } from '../../models/messages/catalogue.ts';
import { SERVER_ERRORS } from '../../models/messages/server-errors.ts';

/** `%` not followed by two hex digits */
const BROKEN_ESCAPE = /%(?![0-9a-f]{2})/i;

/**
 * The request target as a URL. It must be a path (`/…`); every `%` escape in it must be well formed
 * and spell UTF-8, in the path and in each query parameter (URLSearchParams would quietly keep or
 * replace a broken one, and the static files would throw on it).
 */
export function requestUrl(target: string | undefined): URL {
  const raw = target ?? '/';
  if (!raw.startsWith('/')) throw new UsageError(sayAll(SERVER_ERRORS, 'targetPath'));
  let url: URL;
  try {
    url = new URL(`http://localhost${raw}`);
  } catch {
    throw new UsageError(sayAll(SERVER_ERRORS, 'targetInvalid'));
  }
  const parts = [url.pathname, ...url.search.slice(1).split('&').flatMap((pair) => pair.split('='))];
  for (const part of parts) {
    if (BROKEN_ESCAPE.test(part)) throw new UsageError(sayAll(SERVER_ERRORS, 'brokenEscape'));
    try {
      decodeURIComponent(part);
    } catch {
      throw new UsageError(sayAll(SERVER_ERRORS, 'escapeNotUtf8'));
    }
  }
  return url;
}
