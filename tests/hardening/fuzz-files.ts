/**
 * Generated export files for the import fuzz (tests/hardening/fuzz-import.test.ts): canonical CSVs
 * whole or cut anywhere, the same text in wrong encodings or with NUL bytes and stray quotes,
 * random bytes under any name, broken and lying archives, XML with entity declarations, deeply
 * nested JSON, thousands of columns and fields of several MB. Each file says which generator made
 * it, and prints short (a counterexample of several MB stays readable).
 */
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { CONTRACT, TABLE_KINDS, type FieldSpec, type TableKind } from '../../models/db/contract.ts';

export interface FuzzFile {
  /** the name the user knows the file by (its extension may lie) */
  readonly name: string;
  readonly bytes: Uint8Array;
  /** which generator made it */
  readonly generator: string;
}

function fuzzFile(generator: string, name: string, bytes: Uint8Array | string): FuzzFile {
  const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  return {
    name, bytes: data, generator,
    [fc.toStringMethod]: () => `${generator}: ${JSON.stringify(name)} (${data.length} bytes) ${JSON.stringify(Buffer.from(data.subarray(0, 160)).toString('latin1'))}`,
  } as FuzzFile;
}

const ANY_NAME = ['leads.csv', 'orders.csv', 'payments.csv', 'export.txt', 'data', 'bundle.zip', 'leads.csv.gz', 'log.xes',
  'log.xmlocel', 'log.jsonocel', 'log.json', 'log.sqlite', 'book.xlsx', 'x.xml'];

/** A few ids per field, so that generated rows update, repeat and conflict with earlier ones. */
export function idOf(field: string, n: number): string {
  return `${field.replace(/_id$/, '').slice(0, 3).toUpperCase()}${n}`;
}

const day = fc.date({ min: new Date('1995-01-01T00:00:00Z'), max: new Date('2034-12-31T00:00:00Z'), noInvalidDate: true });
const pad = (n: number) => String(n).padStart(2, '0');

const timestampText = fc.oneof(
  { weight: 6, arbitrary: day.map((d) => d.toISOString().slice(0, 10)) },
  { weight: 3, arbitrary: day.map((d) => d.toISOString().slice(0, 19).replace('T', ' ')) },
  { weight: 2, arbitrary: fc.tuple(day, fc.constantFrom('Z', '+02:00', '-05:30', '+0100')).map(([d, z]) => `${d.toISOString().slice(0, 19)}${z}`) },
  { weight: 1, arbitrary: day.map((d) => `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`) },
  { weight: 1, arbitrary: day.map((d) => `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`) },
  { weight: 1, arbitrary: fc.constantFrom('', 'yesterday', '2025-02-30', '9999-99-99', '0000-00-00', '1/1/1', '2025-13-01T25:61:00') },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

const numberText = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -1_000_000, max: 10_000_000 }).map(String) },
  { weight: 3, arbitrary: fc.double({ min: -1e9, max: 1e9, noNaN: true }).map((x) => x.toFixed(2)) },
  { weight: 1, arbitrary: fc.constantFrom('', '1.234,56', '1,234.56', '€12', 'NaN', 'Infinity', '-0', '1e308', '1e999', '12 345') },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);

const text = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 10 }) },
  { weight: 1, arbitrary: fc.constantFrom('Müller', 'Zoë', 'São Paulo', '北京', '=SUM(A1)', '"quoted"', 'a,b', 'line\nbreak', '  padded  ') },
);

function valueOf(field: FieldSpec): fc.Arbitrary<string> {
  switch (field.type) {
    case 'id': return fc.oneof(
      { weight: 8, arbitrary: fc.integer({ min: 0, max: 30 }).map((n) => idOf(field.name, n)) },
      { weight: 1, arbitrary: fc.constantFrom('', ' ', 'NULL') },
      { weight: 1, arbitrary: fc.string({ maxLength: 6 }) });
    case 'timestamp': return timestampText;
    case 'number': return numberText;
    case 'boolean': return fc.constantFrom('true', 'false', 'TRUE', 'yes', 'no', '1', '0', '', 'maybe');
    default: return text;
  }
}

function csvCell(value: string, delimiter: string): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export interface CanonicalCsv {
  readonly kind: TableKind;
  readonly text: string;
}

/** A CSV of one canonical table: its required fields, some others, maybe extra columns, any delimiter. */
export const canonicalCsv: fc.Arbitrary<CanonicalCsv> = fc.constantFrom(...TABLE_KINDS).chain((kind) => {
  const spec = CONTRACT[kind];
  const required = spec.fields.filter((f) => f.required);
  const optional = spec.fields.filter((f) => !f.required);
  return fc.record({
    optional: fc.subarray(optional),
    extra: fc.uniqueArray(fc.constantFrom('Region Code', 'note', 'Kunde', '客户', 'x'), { maxLength: 3 }),
    order: fc.nat(),
    delimiter: fc.constantFrom(',', ',', ',', ';', '\t', '|'),
    newline: fc.constantFrom('\n', '\n', '\r\n'),
    bom: fc.boolean(),
    rows: fc.nat({ max: 12 }),
  }).chain((shape) => {
    const fields = [...required, ...shape.optional];
    // rotate the columns so that the id is not always first
    const rotated = fields.map((_, i) => fields[(i + shape.order) % fields.length]);
    const row = fc.tuple(...rotated.map(valueOf), ...shape.extra.map(() => text));
    return fc.array(row, { minLength: shape.rows, maxLength: shape.rows }).map((rows) => {
      const header = [...rotated.map((f) => f.name), ...shape.extra];
      const lines = [header, ...rows].map((cells) => cells.map((c) => csvCell(c, shape.delimiter)).join(shape.delimiter));
      return { kind, text: `${shape.bom ? '\ufeff' : ''}${lines.join(shape.newline)}${shape.newline}` };
    });
  });
});

/** The canonical CSV whole (two in three) or cut at any byte. */
export const canonicalFile: fc.Arbitrary<FuzzFile> = fc.tuple(canonicalCsv, fc.option(fc.nat(), { freq: 2 })).map(([csv, cut]) => {
  const bytes = Buffer.from(csv.text, 'utf8');
  return cut === null
    ? fuzzFile('canonical CSV', `${csv.kind}.csv`, bytes)
    : fuzzFile('truncated CSV', `${csv.kind}.csv`, bytes.subarray(0, cut % (bytes.length + 1)));
});

/** Bytes with `insert` put at the given positions (taken modulo the length). */
function insertAt(bytes: Uint8Array, positions: readonly number[], insert: (i: number) => Uint8Array): Buffer {
  const at = [...positions].map((p) => p % (bytes.length + 1)).sort((a, b) => a - b);
  const parts: Uint8Array[] = [];
  let from = 0;
  at.forEach((p, i) => {
    parts.push(bytes.subarray(from, p), insert(i));
    from = p;
  });
  parts.push(bytes.subarray(from));
  return Buffer.concat(parts);
}

const nonAsciiCsv = canonicalCsv.map((csv) => ({ ...csv, text: csv.text.replace(/\n(?=.)/, '\nMüller Zoë São Paulo 北京 ') }));

/** The text of a canonical CSV as Latin-1, UTF-16 without BOM, GB18030, or UTF-8 with invalid bytes. */
export const wrongEncodingFile: fc.Arbitrary<FuzzFile> = fc.oneof(
  fc.tuple(nonAsciiCsv, fc.constantFrom('latin1', 'utf16le', 'utf16be', 'gb18030')).map(([csv, encoding]) =>
    fuzzFile(`wrong encoding (${encoding})`, `${csv.kind}.csv`, iconv.encode(csv.text.replace(/^\ufeff/, ''), encoding))),
  fc.tuple(nonAsciiCsv, fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), fc.uint8Array({ min: 0x80, max: 0xff, minLength: 6, maxLength: 6 }))
    .map(([csv, positions, high]) => fuzzFile('invalid UTF-8', `${csv.kind}.csv`,
      insertAt(Buffer.from(csv.text, 'utf8'), positions, (i) => Uint8Array.of(high[i])))),
);

/** Canonical CSVs with quotes that never close. */
export const unterminatedQuoteFile: fc.Arbitrary<FuzzFile> = fc.tuple(canonicalCsv, fc.array(fc.nat(), { minLength: 1, maxLength: 3 }))
  .map(([csv, positions]) => fuzzFile('unterminated quote', `${csv.kind}.csv`,
    insertAt(Buffer.from(csv.text, 'utf8'), positions, () => Buffer.from('"'))));

/** Canonical CSVs with NUL bytes anywhere (header, ids, dates). */
export const nulFile: fc.Arbitrary<FuzzFile> = fc.tuple(canonicalCsv, fc.array(fc.nat(), { minLength: 1, maxLength: 8 }))
  .map(([csv, positions]) => fuzzFile('NUL bytes', `${csv.kind}.csv`, insertAt(Buffer.from(csv.text, 'utf8'), positions, () => Uint8Array.of(0))));

/** Random bytes under any name. */
export const randomBytesFile: fc.Arbitrary<FuzzFile> = fc.tuple(fc.constantFrom(...ANY_NAME), fc.uint8Array({ maxLength: 3000 }))
  .map(([name, bytes]) => fuzzFile('random bytes', name, bytes));

const ZIP_MAGIC = Uint8Array.of(0x50, 0x4b, 0x03, 0x04);
const GZIP_MAGIC = Uint8Array.of(0x1f, 0x8b, 0x08, 0x00);
const csvBytes = canonicalCsv.map((csv) => ({ name: `${csv.kind}.csv`, bytes: Buffer.from(csv.text, 'utf8') }));
const entryName = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('leads.csv', 'orders.csv', 'data/payments.csv', '__MACOSX/._leads.csv', '../../etc/x.csv', 'dir/', 'inner.zip', 'inner.gz') },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 12 }) },
);
const entryBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  { weight: 3, arbitrary: csvBytes.map((c) => c.bytes) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 400 }) },
  { weight: 1, arbitrary: csvBytes.map((c) => gzipSync(c.bytes)) },
  { weight: 1, arbitrary: fc.constant(new Uint8Array(0)) },
);

/** Zip and gzip files: random or truncated content behind the magic bytes, names that lie, real archives of fuzz. */
export const archiveFile: fc.Arbitrary<FuzzFile> = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom('x.zip', 'x.gz', 'leads.csv.gz', 'exports.zip'), fc.uint8Array({ maxLength: 600 }))
    .map(([name, bytes]) => fuzzFile('archive name, random bytes', name, bytes)) },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom(ZIP_MAGIC, GZIP_MAGIC), fc.uint8Array({ maxLength: 600 }), fc.constantFrom('x.zip', 'x.gz', 'leads.csv'))
    .map(([magic, bytes, name]) => fuzzFile('archive magic, random bytes', name, Buffer.concat([magic, bytes]))) },
  { weight: 2, arbitrary: fc.tuple(fc.array(fc.tuple(entryName, entryBytes), { minLength: 1, maxLength: 4 }), fc.option(fc.nat(), { freq: 4 }),
    fc.constantFrom('bundle.zip', 'bundle.gz', 'leads.csv'))
    .map(([entries, cut, name]) => {
      const zip = Buffer.from(zipSync(Object.fromEntries(entries), { level: 1 }));
      return cut === null ? fuzzFile('zip of fuzz entries', name, zip) : fuzzFile('truncated zip', name, zip.subarray(0, cut % (zip.length + 1)));
    }) },
  { weight: 2, arbitrary: fc.tuple(fc.oneof(csvBytes.map((c) => c.bytes), fc.string({ unit: 'binary', maxLength: 400 }).map((s) => Buffer.from(s, 'utf8'))),
    fc.option(fc.nat(), { freq: 4 }), fc.constantFrom('leads.csv.gz', 'x.gz', 'x.zip', 'orders.csv'))
    .map(([inner, cut, name]) => {
      const gz = gzipSync(inner);
      return cut === null ? fuzzFile('gzip of text', name, gz) : fuzzFile('truncated gzip', name, gz.subarray(0, cut % (gz.length + 1)));
    }) },
);

const XES_EVENT = (activity: string, time = '2024-01-01T00:00:00Z') =>
  `<event><string key="concept:name" value="${activity}"/><date key="time:timestamp" value="${time}"/></event>`;

function billionLaughs(levels: number): string {
  const decl = ['<!ENTITY lol "lol">'];
  for (let i = 1; i <= levels; i++) decl.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
  return decl.join('\n');
}

/**
 * XES and OCEL XML files whose DOCTYPE declares entities: billion laughs, external SYSTEM entities
 * (the secret file as a path and as a file: URL, parameter entities), used in attributes and text;
 * whole or cut anywhere.
 */
export function xmlEntityFile(secretPaths: readonly string[]): fc.Arbitrary<FuzzFile> {
  const target = fc.constantFrom(...secretPaths).chain((path) => fc.constantFrom(path, `file://${path}`));
  const doctype = fc.oneof(
    fc.integer({ min: 3, max: 12 }).map((levels) => ({ decl: billionLaughs(levels), ref: `&lol${levels};` })),
    target.map((t) => ({ decl: `<!ENTITY e SYSTEM "${t}">`, ref: '&e;' })),
    target.map((t) => ({ decl: `<!ENTITY % p SYSTEM "${t}"> %p; <!ENTITY e "&p;">`, ref: '&e;' })),
    target.map((t) => ({ decl: `<!ENTITY e PUBLIC "-//X//Y" "${t}">`, ref: '&e;' })),
  );
  return fc.record({
    doctype, format: fc.constantFrom('xes', 'xes', 'xmlocel'), cut: fc.option(fc.nat(), { freq: 5 }),
    // few ids: some files repeat (already imported) or reuse an event id (refused)
    name: fc.constantFrom('log', 'a b', 'events'), internalSubset: fc.boolean(), id: fc.integer({ min: 0, max: 40 }),
  }).map(({ doctype: d, format, cut, name, internalSubset, id }) => {
    const dt = internalSubset ? `<!DOCTYPE log [\n${d.decl}\n]>` : `<!DOCTYPE log SYSTEM "${d.ref === '&e;' ? 'file:///etc/passwd' : 'x.dtd'}">`;
    const xml = format === 'xes'
      ? `<?xml version="1.0" encoding="UTF-8"?>\n${dt}\n<log xes.version="1.0"><trace><string key="concept:name" value="c${id}${d.ref}"/>`
        + `${XES_EVENT(d.ref)}${XES_EVENT(`x${d.ref}y`, '2024-01-02T00:00:00Z')}</trace></log>\n`
      : `<?xml version="1.0" encoding="UTF-8"?>\n${dt}\n<log><object-types><object-type name="order"><attributes>`
        + '<attribute name="note" type="string"/></attributes></object-type></object-types><event-types><event-type name="place"/></event-types>'
        + `<objects><object id="o1" type="order"><attributes><attribute name="note" time="1970-01-01T00:00:00Z">${d.ref}</attribute></attributes></object></objects>`
        + `<events><event id="e${id}" type="place${d.ref}" time="2024-01-01T00:00:00Z"><objects><relationship object-id="o1" qualifier="${d.ref}"/></objects></event></events></log>\n`;
    const bytes = Buffer.from(xml, 'utf8');
    return fuzzFile(cut === null ? `XML entities (${format})` : `truncated XML entities (${format})`, `${name}.${format}`,
      cut === null ? bytes : bytes.subarray(0, cut % (bytes.length + 1)));
  });
}

const VALID_OCEL = (attribute: string, id: number) => `{"objectTypes":[{"name":"order","attributes":[]}],"eventTypes":[{"name":"place","attributes":[]}],`
  + `"objects":[{"id":"o1","type":"order"}],"events":[{"id":"e${id}","type":"place","time":"2024-01-01T00:00:00Z",`
  + `"attributes":[{"name":"deep","value":${attribute}}],"relationships":[{"objectId":"o1","qualifier":"q"}]}]}`;

/** `.jsonocel` files nested thousands deep: at the top, in an OCEL 2.0 attribute value, in keys; whole or cut. */
export const deepJsonFile: fc.Arbitrary<FuzzFile> = fc.record({
  depth: fc.oneof(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1000, max: 100_000 })),
  open: fc.constantFrom('[', '{"a":'),
  where: fc.constantFrom('top', 'attribute', 'events'),
  cut: fc.option(fc.nat(), { freq: 3 }),
  id: fc.nat(),
}).map(({ depth, open, where, cut, id }) => {
  const close = open === '[' ? ']' : '}';
  const nested = `${open.repeat(depth)}${id}${close.repeat(depth)}`;
  const json = where === 'top' ? nested : where === 'attribute' ? VALID_OCEL(nested, id) : `{"objectTypes":[],"objects":[],"events":${nested}}`;
  const bytes = Buffer.from(json, 'utf8');
  return fuzzFile(cut === null ? 'deep JSON' : 'truncated deep JSON', 'log.jsonocel', cut === null ? bytes : bytes.subarray(0, cut % (bytes.length + 1)));
});

/** A leads CSV of 1,000 to 3,000 columns (one or two rows), whole or cut. */
export const wideFile: fc.Arbitrary<FuzzFile> = fc.record({
  columns: fc.integer({ min: 1000, max: 3000 }), rows: fc.integer({ min: 1, max: 2 }), cut: fc.option(fc.nat(), { freq: 3 }),
}).map(({ columns, rows, cut }) => {
  const header = ['lead_id', 'created_at', ...Array.from({ length: columns }, (_, i) => `c${i}`)].join(',');
  const lines = Array.from({ length: rows }, (_, r) => [idOf('lead_id', r), '2025-01-01', ...Array.from({ length: columns }, (_, i) => String(i * r))].join(','));
  const bytes = Buffer.from(`${header}\n${lines.join('\n')}\n`, 'utf8');
  return fuzzFile('thousands of columns', 'leads.csv', cut === null ? bytes : bytes.subarray(0, cut % (bytes.length + 1)));
});

/** A leads CSV with one field of 1 to 3 MB (DuckDB's line limit is 2 MB), plain or quoted with line breaks. */
export const hugeFieldFile: fc.Arbitrary<FuzzFile> = fc.record({
  megabytes: fc.double({ min: 1, max: 3, noNaN: true }), quoted: fc.boolean(), column: fc.constantFrom('note', 'lead_id', 'created_at'),
}).map(({ megabytes, quoted, column }) => {
  const size = Math.round(megabytes * 1024 * 1024);
  const big = quoted ? `"${'word, "" and\n'.repeat(Math.ceil(size / 15)).slice(0, size)}"` : 'x'.repeat(size);
  const cells = { lead_id: idOf('lead_id', 1), created_at: '2025-01-01', note: 'n' };
  const row = (['lead_id', 'created_at', 'note'] as const).map((c) => (c === column ? big : cells[c]));
  return fuzzFile('field of several MB', 'leads.csv', `lead_id,created_at,note\n${idOf('lead_id', 2)},2025-01-02,small\n${row.join(',')}\n`);
});
