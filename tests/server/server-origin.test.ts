/** The names a server answers to, by the address it listens on (app/server/server-origin.ts). */
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { parseAllowedOrigins, serverOrigin } from '../../app/server/server-origin.ts';

describe('serverOrigin', () => {
  it('answers a loopback bind by its loopback names, with its port or none', () => {
    for (const bind of ['127.0.0.1', 'localhost', '::1']) {
      const origin = serverOrigin(bind, 3000);
      for (const host of ['localhost', '127.0.0.1', '[::1]', 'localhost:3000', 'LocalHost:3000', '127.0.0.1:3000', '[::1]:3000']) {
        expect(origin.acceptsHost(host), `${bind} ← ${host}`).toBe(true);
      }
      for (const host of [undefined, '', 'localhost:3001', 'attacker.example', 'attacker.example:3000', '127.0.0.2:3000', '0.0.0.0:3000',
        'localhost.:3000', 'user@localhost:3000', 'localhost:3000/x', '127.0.0.1:03000x']) {
        expect(origin.acceptsHost(host), `${bind} ← ${host}`).toBe(false);
      }
    }
  });

  it('takes as its own origin only http, an accepted name and the same port', () => {
    const origin = serverOrigin('127.0.0.1', 3000);
    for (const own of ['http://127.0.0.1:3000', 'http://localhost:3000', 'http://[::1]:3000']) expect(origin.acceptsOrigin(own), own).toBe(true);
    for (const other of ['https://127.0.0.1:3000', 'http://127.0.0.1:3001', 'http://127.0.0.1', 'http://attacker.example:3000', 'null', '',
      'http://127.0.0.1:3000/path', 'http://user@127.0.0.1:3000']) {
      expect(origin.acceptsOrigin(other), other).toBe(false);
    }
    expect(serverOrigin('127.0.0.1', 80).acceptsOrigin('http://localhost')).toBe(true);
  });

  it('answers another bind by that name only; a bind on every interface by any address, its host name or loopback', () => {
    const named = serverOrigin('lens.example.org', 8080);
    expect(['lens.example.org', 'LENS.example.org:8080'].map((h) => named.acceptsHost(h))).toEqual([true, true]);
    expect(['localhost:8080', '10.0.0.5:8080', 'lens.example.org:80'].map((h) => named.acceptsHost(h))).toEqual([false, false, false]);
    const v6 = serverOrigin('fd00::5', 8080);
    expect([v6.acceptsHost('[fd00::5]:8080'), v6.acceptsHost('[fd00::6]:8080')]).toEqual([true, false]);

    const every = serverOrigin('0.0.0.0', 8080);
    for (const host of ['10.0.0.5:8080', '[fe80::1]:8080', `${hostname()}:8080`, 'localhost:8080']) expect(every.acceptsHost(host), host).toBe(true);
    expect(every.acceptsHost('attacker.example:8080')).toBe(false);
    expect(every.acceptsOrigin('http://10.0.0.5:8080')).toBe(true);
    expect(every.acceptsOrigin('http://attacker.example:8080')).toBe(false);
  });

  it('answers a reverse proxy\'s origins from LTC_ALLOWED_ORIGINS: their host in Host, their origin for changes, nothing more', () => {
    const origin = serverOrigin('127.0.0.1', 3000, parseAllowedOrigins(' https://ltc.example.com , http://lens.internal:8080'));
    for (const host of ['ltc.example.com', 'ltc.example.com:443', 'LTC.example.com', 'lens.internal:8080', 'lens.internal', 'localhost:3000']) {
      expect(origin.acceptsHost(host), host).toBe(true);
    }
    for (const host of ['ltc.example.com:80', 'ltc.example.com:3000', 'lens.internal:80', 'evil.ltc.example.com', 'attacker.example']) {
      expect(origin.acceptsHost(host), host).toBe(false);
    }
    for (const own of ['https://ltc.example.com', 'http://lens.internal:8080', 'http://localhost:3000']) expect(origin.acceptsOrigin(own), own).toBe(true);
    for (const other of ['http://ltc.example.com', 'https://ltc.example.com:8443', 'https://evil.ltc.example.com', 'http://lens.internal']) {
      expect(origin.acceptsOrigin(other), other).toBe(false);
    }
    expect(origin.described).toContain('ltc.example.com');
  });

  it('refuses an LTC_ALLOWED_ORIGINS entry that is not an origin, naming it', () => {
    expect(parseAllowedOrigins(undefined)).toEqual([]);
    expect(parseAllowedOrigins('')).toEqual([]);
    for (const bad of ['ltc.example.com', 'https://ltc.example.com/path', 'ftp://ltc.example.com', 'https://user@ltc.example.com', '*']) {
      expect(() => parseAllowedOrigins(bad), bad).toThrow(/LTC_ALLOWED_ORIGINS: .* is not an origin like https:\/\/ltc\.example\.com/);
    }
  });
});
