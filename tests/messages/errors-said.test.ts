/**
 * Every error the command line and the server say to people is said from a catalogue, in every
 * language (issue 17): no `new UsageError('…')` or template text in models/, ingest/ or app/, and
 * no `{ error: '…' }` body written by hand in app/server. A new untranslated one fails here.
 * (ImportError, said through ingest/errors.ts, is held to its own test.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SAID_ERRORS = ['UsageError', 'NothingSelected', 'NotFound', 'Conflict', 'RefusedSql', 'WorkspaceUnavailable', 'UploadTooLarge'];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(path);
    return /\.(ts|svelte)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The text between the parenthesis at `open` and its match. */
function argumentAt(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return text.slice(open + 1, i);
  }
  return text.slice(open + 1);
}

/** The argument with every `sayAll(…)` / `sayEach(…)` taken out: what is left must hold no text of its own. */
function unsaid(argument: string): string {
  let rest = argument;
  for (let at = rest.search(/\bsay(All|Each)\(/); at >= 0; at = rest.search(/\bsay(All|Each)\(/)) {
    const open = rest.indexOf('(', at);
    rest = rest.slice(0, at) + rest.slice(open + argumentAt(rest, open).length + 2);
  }
  return rest;
}

const files = ['models', 'ingest', 'app'].flatMap((dir) => sources(join(ROOT, dir)));

describe('errors said from a catalogue', () => {
  it('finds the error classes thrown (the check reads real code)', () => {
    const thrown = files.filter((f) => /new UsageError\(/.test(readFileSync(f, 'utf8')));
    expect(thrown.length).toBeGreaterThan(30);
  });

  it('every new UsageError, NothingSelected, NotFound, Conflict, RefusedSql, WorkspaceUnavailable, UploadTooLarge takes catalogue texts', () => {
    const bare: string[] = [];
    const pattern = new RegExp(`new (${SAID_ERRORS.join('|')})\\(`, 'g');
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(pattern)) {
        const argument = argumentAt(text, match.index + match[0].length - 1);
        if (/['"`]/.test(unsaid(argument))) bare.push(`${relative(ROOT, file)}: ${match[0]}${argument.slice(0, 80)}`);
      }
    }
    expect(bare).toEqual([]);
  });

  it('the server writes no error body by hand', () => {
    const byHand = files.filter((f) => f.includes('/app/server/'))
      .flatMap((f) => readFileSync(f, 'utf8').split('\n').map((line, i) => ({ f, i, line })))
      .filter(({ line }) => !/^\s*(\*|\/\/|\/\*)/.test(line) && /\berror:\s*['"`]/.test(line))
      .map(({ f, i, line }) => `${relative(ROOT, f)}:${i + 1}: ${line.trim()}`);
    expect(byHand).toEqual([]);
  });
});
