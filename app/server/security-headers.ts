/**
 * Headers on every answer, pages and API alike (issue 14): the dashboard runs only its own
 * scripts, is never framed, never sniffed as another type, never tells other sites where the user
 * was, and its answers are not loaded by pages of other sites.
 */
import type { ServerResponse } from 'node:http';

/**
 * Inline styles are allowed: Svelte templates and Plot's SVG carry style attributes. Images may
 * be data: (the favicon, notebook charts) or blob: (a chart drawn into a PNG for download).
 * Workers may be blob: too: the Excel download's zip library (fflate, under write-excel-file)
 * compresses a part above 160 kB in a worker it makes from its own code; a blob: URL is made only
 * by a script already running, and scripts stay 'self'.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The headers every answer carries. Never any Access-Control-* header: no other origin may read an answer. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Sets the headers before anything is answered (writeHead keeps them). */
export function setSecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}
