/**
 * XES event logs (IEEE 1849): read as a stream by a small hand-written tokenizer (no DOM, no DTD),
 * each <event> of each <trace> turned into one row of a UTF-8 CSV with the canonical event-log
 * header, which the ordinary CSV path then loads as `events` (file order kept for event_index).
 *
 * Safety: a <!DOCTYPE …> (with any internal subset of <!ENTITY …> declarations) is skipped whole;
 * no entity is ever declared, resolved or expanded. Only the five predefined XML entities and
 * numeric character references are decoded; any other `&name;` stays as literal text.
 */
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import type { Database } from '../models/db/database.ts';
import { ImportError, wrongClose } from './errors.ts';
import { importReason } from '../models/messages/import-errors.ts';
import { importNote } from '../models/messages/import-notes.ts';
import type { Message } from '../models/messages/catalogue.ts';
import { loadFile, type FileLoad } from './import-file.ts';

/** One start tag, end tag or empty element, with the 1-based line it starts on. */
export type XmlToken =
  | { readonly type: 'open'; readonly name: string; readonly attrs: Record<string, string>; readonly selfClosing: boolean; readonly line: number }
  | { readonly type: 'close'; readonly name: string; readonly line: number };

/** Character data between two tags (entities decoded, CDATA kept verbatim), with the line it starts on. */
export interface XmlText {
  readonly type: 'text';
  readonly text: string;
  readonly line: number;
}

export interface XmlTokenOptions {
  /** also yield the text between tags (off by default: XES keeps its data in attributes) */
  readonly text?: boolean;
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the predefined entities and character references; anything else is kept verbatim. */
export function decodeText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][\w.-]{0,31});/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return PREDEFINED[ref] ?? whole;
  });
}

const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function parseAttrs(text: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of text.matchAll(ATTR)) attrs[m[1]] = decodeText(m[2] ?? m[3] ?? '');
  return attrs;
}

/** The longest markup construct we buffer before giving up (a tag, comment or DOCTYPE). */
const MAX_MARKUP = 16 * 1024 * 1024;

/**
 * Tokens of an XML text given as chunks. Comments, processing instructions and the DOCTYPE are
 * skipped; so are text content and CDATA unless `options.text` asks for them as text tokens.
 */
export function xmlTokens(chunks: AsyncIterable<string>, name?: string): AsyncGenerator<XmlToken>;
export function xmlTokens(chunks: AsyncIterable<string>, name: string, options: XmlTokenOptions): AsyncGenerator<XmlToken | XmlText>;
export async function* xmlTokens(chunks: AsyncIterable<string>, name = 'file', options: XmlTokenOptions = {}): AsyncGenerator<XmlToken | XmlText> {
  const keepText = options.text === true;
  let rawText = ''; // text since the last markup, entities not yet decoded (a reference may span chunks)
  let text = ''; // decoded text since the last tag
  let textLine = 0;
  let buf = '';
  let pos = 0;
  let line = 1;
  let counted = 0; // buf index up to which newlines are counted into `line`
  const countTo = (index: number) => {
    let nl = buf.indexOf('\n', counted);
    while (nl !== -1 && nl < index) {
      line++;
      nl = buf.indexOf('\n', nl + 1);
    }
    counted = index;
  };
  let done = false;
  const iterator = chunks[Symbol.asyncIterator]();
  const more = async (): Promise<boolean> => {
    if (done) return false;
    const next = await iterator.next();
    if (next.done) {
      done = true;
      return false;
    }
    countTo(pos);
    buf = buf.slice(pos) + next.value;
    counted -= pos;
    pos = 0;
    if (buf.length > MAX_MARKUP + 1024 * 1024) throw new ImportError(name, importReason('xml_construct_too_long'), line);
    return true;
  };
  /** Index just past `end` searched from `from`, reading more as needed; -1 at the end of input. */
  const findEnd = async (end: string, from: number): Promise<number> => {
    for (;;) {
      const at = buf.indexOf(end, pos + from);
      if (at !== -1) return at - pos + end.length;
      if (!(await more())) return -1;
    }
  };

  for (;;) {
    const lt = buf.indexOf('<', pos);
    if (keepText && (lt === -1 ? buf.length : lt) > pos) {
      if (!text && !rawText) textLine = (countTo(pos), line);
      rawText += buf.slice(pos, lt === -1 ? buf.length : lt);
      if (rawText.length + text.length > MAX_MARKUP) throw new ImportError(name, importReason('xml_text_too_long'), textLine);
    }
    if (lt === -1) {
      pos = buf.length;
      if (!(await more())) return;
      continue;
    }
    pos = lt;
    while (buf.length - pos < 9 && (await more()));
    const head = buf.slice(pos, pos + 9);
    let length: number;
    if (head.startsWith('<!--')) length = await findEnd('-->', 4);
    else if (head.startsWith('<![CDATA[')) length = await findEnd(']]>', 9);
    else if (head.startsWith('<?')) length = await findEnd('?>', 2);
    else if (head.startsWith('<!')) length = await skipDeclaration();
    else length = await tagEnd();
    if (length === -1) throw new ImportError(name, importReason('xml_ends_in_tag'), (countTo(pos), line));
    countTo(pos);
    const tagLine = line;
    const raw = buf.slice(pos, pos + length);
    pos += length;
    if (keepText) {
      if (!text && !rawText) textLine = tagLine;
      text += decodeText(rawText) + (raw.startsWith('<![CDATA[') ? raw.slice(9, -3) : '');
      rawText = '';
      if (raw[1] !== '!' && raw[1] !== '?' && text) {
        yield { type: 'text', text, line: textLine };
        text = '';
      }
    }
    if (raw[1] === '!' || raw[1] === '?') continue;
    if (raw[1] === '/') {
      yield { type: 'close', name: raw.slice(2, -1).trim(), line: tagLine };
      continue;
    }
    const selfClosing = raw.endsWith('/>');
    const inner = raw.slice(1, selfClosing ? -2 : -1);
    const m = /^[^\s/>]+/.exec(inner);
    if (!m) throw new ImportError(name, importReason('xml_malformed_tag'), tagLine);
    yield { type: 'open', name: m[0], attrs: parseAttrs(inner.slice(m[0].length)), selfClosing, line: tagLine };
  }

  /** A start or end tag: up to the first `>` outside quotes. */
  async function tagEnd(): Promise<number> {
    let i = 1;
    let quote = '';
    for (;;) {
      for (; pos + i < buf.length; i++) {
        const c = buf[pos + i];
        if (quote) {
          if (c === quote) quote = '';
        } else if (c === '"' || c === "'") quote = c;
        else if (c === '>') return i + 1;
      }
      if (i > MAX_MARKUP || !(await more())) return -1;
    }
  }

  /** <!DOCTYPE …> or another declaration, internal subset included: skipped, never interpreted. */
  async function skipDeclaration(): Promise<number> {
    let i = 2;
    let quote = '';
    let depth = 0;
    for (;;) {
      for (; pos + i < buf.length; i++) {
        const c = buf[pos + i];
        if (quote) {
          if (c === quote) quote = '';
        } else if (c === '"' || c === "'") quote = c;
        else if (c === '[') depth++;
        else if (c === ']') depth = Math.max(0, depth - 1);
        else if (c === '>' && depth === 0) return i + 1;
      }
      if (i > MAX_MARKUP || !(await more())) return -1;
    }
  }
}

/**
 * The text of an XML file as chunks, without a byte-order mark. XML files declare their encoding;
 * anything but UTF-8 (or its ASCII subset) is refused.
 */
export async function* utf8XmlChunks(path: string, name: string, format: string): AsyncGenerator<string> {
  let first = true;
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1024 * 1024 }) as AsyncIterable<string>) {
    if (first) {
      first = false;
      const declared = /^\uFEFF?<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/.exec(chunk)?.[1];
      if (declared && !/^(utf-?8|us-ascii|ascii)$/i.test(declared)) {
        throw new ImportError(name, importReason('xml_encoding', { format, declared }), 1);
      }
      yield chunk.replace(/^\uFEFF/, '');
    } else yield chunk;
  }
}

/** Attribute element names of XES; their `key` and `value` make one attribute. */
const ATTRIBUTE_TAGS = new Set(['string', 'date', 'int', 'float', 'boolean', 'id', 'list', 'container']);

/**
 * The CSV's first columns, named by their XES keys (case_id, activity, timestamp, lifecycle,
 * resource in that order): DuckDB column names are case-insensitive, so plain canonical names would
 * clash with the attributes "Activity" or "Resource" many logs also carry.
 */
const FIXED = ['case:concept:name', 'concept:name', 'time:timestamp', 'lifecycle:transition', 'org:resource'] as const;
const CASE_KEY = FIXED[0];
const TIMESTAMP_KEY = FIXED[2];

/**
 * Timestamps some logs keep as strings (`<string key="time:timestamp" value="2019/11/03 01:11:19.000"/>`):
 * year-first slashed dates become ISO, as pm4py's pandas parsing reads them; everything else is left to the loader.
 */
export function normalizeTimestamp(value: string): string {
  const m = /^\s*(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*$/.exec(value);
  if (!m) return value;
  const date = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return m[4] === undefined ? date : `${date} ${m[4].padStart(2, '0')}:${m[5]}:${m[6] ?? '00'}${m[7] ?? ''}`;
}

export interface XesToCsv {
  readonly traces: number;
  readonly events: number;
  /** 1-based CSV line of each record → XML line of its <event> */
  readonly xmlLineOfCsvLine: Map<number, number>;
  readonly notes: Message[];
}

async function write(out: WriteStream, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

function csvField(value: string | undefined): string {
  if (value === undefined) return '';
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Streams an XES file into a CSV at `csvPath`. Two passes over disk, none over memory: the rows go
 * to a JSON-lines file first (the set of extra columns is only known at the end), then to the CSV.
 */
export async function xesToCsv(xesPath: string, name: string, csvPath: string): Promise<XesToCsv> {
  const jsonl = `${csvPath}.jsonl`;
  const rows = createWriteStream(jsonl, 'utf8');
  const extra = new Map<string, true>(); // insertion-ordered set of extra column names
  const notes: Message[] = [];
  let traces = 0;
  let events = 0;
  let sawLog = false;

  const stack: string[] = [];
  let trace: Record<string, string> | null = null;
  let event: Record<string, string> | null = null;
  let eventLine = 0;
  try {
    for await (const token of xmlTokens(utf8XmlChunks(xesPath, name, 'XES'), name)) {
      if (token.type === 'close') {
        const open = stack.pop();
        if (open !== token.name) throw new ImportError(name, wrongClose(token.name, open), token.line);
        if (open === 'event' && event && trace) {
          const row: Record<string, string> = { [CASE_KEY]: trace['concept:name'] ?? '' };
          for (const [key, value] of Object.entries(event)) {
            // An event attribute named like a trace attribute's column keeps its own name under "event:".
            const column = key.startsWith('case:') ? `event:${key}` : key;
            row[column] = column === TIMESTAMP_KEY ? normalizeTimestamp(value) : value;
            if (!FIXED.includes(column as never)) extra.set(column, true);
          }
          for (const [key, value] of Object.entries(trace)) {
            if (key === 'concept:name') continue;
            row[`case:${key}`] = value;
            extra.set(`case:${key}`, true);
          }
          events++;
          await write(rows, `${JSON.stringify([eventLine, row])}\n`);
          event = null;
        } else if (open === 'trace') {
          trace = null;
        }
        continue;
      }
      const parent = stack[stack.length - 1];
      if (token.name === 'log' && stack.length === 0) sawLog = true;
      if (!token.selfClosing) stack.push(token.name);
      if (token.name === 'trace' && parent === 'log') {
        trace = {};
        traces++;
      } else if (token.name === 'event' && parent === 'trace') {
        event = {};
        eventLine = token.line;
      } else if (ATTRIBUTE_TAGS.has(token.name) && token.attrs.key !== undefined) {
        // Only attributes directly under <event> or <trace>; nested (meta-)attributes are left out.
        const target = parent === 'event' ? event : parent === 'trace' ? trace : null;
        if (target && token.name !== 'list' && token.name !== 'container') target[token.attrs.key] = token.attrs.value ?? '';
      }
      if (stack.length > 64) throw new ImportError(name, importReason('xml_too_deep'), token.line);
    }
  } finally {
    rows.end();
    await once(rows, 'close');
  }
  if (!sawLog) throw new ImportError(name, importReason('xes_no_log'), 1);
  if (stack.length > 0) throw new ImportError(name, importReason('xml_ends_inside', { element: stack[stack.length - 1] }));

  const header = [...FIXED, ...extra.keys()];
  const out = createWriteStream(csvPath, 'utf8');
  const xmlLineOfCsvLine = new Map<number, number>();
  let csvLine = 1;
  await write(out, `${header.map(csvField).join(',')}\n`);
  csvLine++;
  try {
    for await (const jsonLine of createInterface({ input: createReadStream(jsonl, 'utf8'), crlfDelay: Infinity })) {
      if (!jsonLine) continue;
      const [xmlLine, row] = JSON.parse(jsonLine) as [number, Record<string, string>];
      const record = `${header.map((h) => csvField(row[h])).join(',')}\n`;
      xmlLineOfCsvLine.set(csvLine, xmlLine);
      csvLine += record.split('\n').length - 1;
      await write(out, record);
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
  return { traces, events, xmlLineOfCsvLine, notes };
}

/** True when the XML text had a DOCTYPE (reported in the notes: it was skipped, not read). */
export async function hasDoctype(path: string): Promise<boolean> {
  const stream = createReadStream(path, { encoding: 'utf8', start: 0, end: 64 * 1024 - 1 });
  let head = '';
  for await (const chunk of stream as AsyncIterable<string>) head += chunk;
  return /<!DOCTYPE/i.test(head);
}

/** Loads one XES file as `events`, through the CSV path; rejects carry the line of their <event>. */
export async function loadXes(db: Database, path: string, name: string, tmpDir: string, batchId: number): Promise<FileLoad> {
  const csv = join(tmpDir, `xes-${batchId}-${Date.now()}.csv`);
  const converted = await xesToCsv(path, name, csv);
  if (converted.events === 0) throw new ImportError(name, importReason('xes_no_events'));
  const load = await loadFile(db, csv, name, tmpDir, batchId, {
    mapping: {
      kind: 'events', encoding: 'utf-8', delimiter: ',', header_line: 1, complete: true,
      fields: { case_id: FIXED[0], activity: FIXED[1], timestamp: FIXED[2], lifecycle: FIXED[3], resource: FIXED[4] },
    },
  });
  const notes = [...(load.match.notes ?? []), ...converted.notes,
    importNote('xes_counts', { traces: String(converted.traces), events: String(converted.events) })];
  if (await hasDoctype(path)) notes.push(importNote('xes_doctype'));
  return {
    ...load,
    encoding: 'utf-8',
    // The CSV is ours, not the user's: its delimiter and header line are not reported.
    delimiter: undefined as unknown as string,
    headerLine: undefined as unknown as number,
    match: { ...load.match, adapter: 'xes', preset: 'xes', confidence: 1, notes },
    rejects: load.rejects.map((r) => ({ ...r, line: r.line === null ? null : converted.xmlLineOfCsvLine.get(r.line) ?? null })),
  };
}
