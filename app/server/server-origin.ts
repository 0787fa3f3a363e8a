/**
 * The names this server answers to (issue 14). Every request's `Host` must name it — a page whose
 * DNS name was rebound to 127.0.0.1 sends its own name and is refused — and a request that changes
 * the workspace may come only from this server's own origin (scheme, host and port).
 */
import { isIP } from 'node:net';
import { hostname } from 'node:os';
import { UsageError } from '../../models/analysis/errors.ts';
import { sayAll, type Message } from '../../models/messages/catalogue.ts';
import { sayEach } from '../../models/messages/catalogue.ts';
import { SERVER_ERRORS } from '../../models/messages/server-errors.ts';

/** Binds that reach only this machine; their requests may name it in any of LOOPBACK_NAMES. */
const LOOPBACK_BINDS = new Set(['127.0.0.1', 'localhost', '::1']);
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];
/** Binds on every interface: the machine is named by an address, its host name or a loopback name. */
const WILDCARD_BINDS = new Set(['0.0.0.0', '::']);

/** A `Host` value: a name or an IPv4 address, or an IPv6 address in brackets, then an optional port. */
const HOST_HEADER = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i;

export interface ServerOrigin {
  /** The names accepted in `Host`, in words for a message (a wildcard bind's host name is not told). */
  readonly described: string;
  /** the same in every language, for a refusal's message */
  readonly description: Message;
  readonly port: number;
  /** True when `host` (a Host header) names this server, with its port or none. */
  acceptsHost(host: string | undefined): boolean;
  /** True when `origin` (an Origin header) is this server's own: http, an accepted name, this port. */
  acceptsOrigin(origin: string): boolean;
}

/**
 * The origins a reverse proxy serves this server under (LTC_ALLOWED_ORIGINS, comma-separated, e.g.
 * `https://ltc.example.com`): each is read as a URL of scheme, host and port only, or refused.
 */
export function parseAllowedOrigins(text: string | undefined): URL[] {
  const origins: URL[] = [];
  for (const item of (text ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    let url: URL | undefined;
    try {
      url = new URL(item);
    } catch {
      url = undefined;
    }
    if (!url || !['http:', 'https:'].includes(url.protocol) || url.origin !== item.toLowerCase().replace(/\/$/, '')) {
      throw new UsageError(sayAll(SERVER_ERRORS, 'allowedOrigin', { value: JSON.stringify(item.slice(0, 100)) }));
    }
    origins.push(url);
  }
  return origins;
}

/**
 * The origin of a server bound to `bindHost` (as given to `listen`) on `port` (the actual one),
 * and of the proxies' `allowed` origins: their host (with their port or none) is accepted in
 * `Host`, and their origin as the origin of a change.
 */
export function serverOrigin(bindHost: string, port: number, allowed: readonly URL[] = []): ServerOrigin {
  const bind = bindHost.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  const wildcard = WILDCARD_BINDS.has(bind);
  const names: readonly string[] = LOOPBACK_BINDS.has(bind) ? LOOPBACK_NAMES
    : wildcard ? [...LOOPBACK_NAMES, hostname().toLowerCase()]
      : [isIP(bind) === 6 ? `[${bind}]` : bind];
  const acceptsName = (name: string) => names.includes(name) || (wildcard && isIP(name.replace(/^\[(.*)\]$/, '$1')) !== 0);
  const proxied = (name: string, hostPort: number | undefined) => allowed.some((url) => url.hostname === name
    && (hostPort === undefined || hostPort === Number(url.port || (url.protocol === 'https:' ? 443 : 80))));
  const own: Message = wildcard
    ? sayAll(SERVER_ERRORS, 'hostsWildcard', { loopback: LOOPBACK_NAMES.join(', ') })
    : { en: names.join(', '), zh: names.join(', ') };
  const description = allowed.length
    ? sayEach(SERVER_ERRORS, 'hostsAllowed', (lang) => ({ own: own[lang], allowed: allowed.map((url) => url.host).join(', ') }))
    : own;
  return {
    described: description.en,
    description,
    port,
    acceptsHost(host) {
      const match = HOST_HEADER.exec(host ?? '');
      if (!match) return false;
      const name = match[1].toLowerCase();
      const hostPort = match[2] === undefined ? undefined : Number(match[2]);
      return (acceptsName(name) && (hostPort === undefined || hostPort === port)) || proxied(name, hostPort);
    },
    acceptsOrigin(origin) {
      let url: URL;
      try {
        url = new URL(origin);
      } catch {
        return false;
      }
      if (url.origin !== origin.toLowerCase().replace(/\/$/, '')) return false;
      if (allowed.some((own) => own.origin === url.origin)) return true;
      return url.protocol === 'http:' && acceptsName(url.hostname) && Number(url.port || 80) === port;
    },
  };
}
