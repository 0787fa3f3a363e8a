/**
 * Loads one target table of an adapter's plan from the raw table `ltc_raw`: stages the fields as
 * text, decides each column's value format from its values, parses, rejects what does not parse
 * (with the record's line and the source column), settles duplicates and upserts by the kind's key.
 * Runs inside the caller's transaction.
 */
import { CONTRACT, sqlType, type FieldSpec, type TableKind } from '../models/db/contract.ts';
import type { Database } from '../models/db/database.ts';
import type { FieldSource, TargetPlan } from './adapters/adapter.ts';
import { ImportError } from './errors.ts';
import { rejectReason } from '../models/messages/reject-reasons.ts';
import { importReason } from '../models/messages/import-errors.ts';
import { settleDayMonth } from './day-month.ts';
import { booleanSql, dateSql, describeFormat, detectDateFormat, detectNumberFormat, numberSql, type DateFormat, type NumberFormat } from './formats.ts';
import { upsertStaged, type UpsertCounts } from './upsert.ts';
import { quoteIdent, quoteLiteral } from './quote.ts';
import { dropTemp } from './temp-tables.ts';

export type RecordReject = { rec: number; column: string; reason: string };

export interface TargetResult extends UpsertCounts {
  readonly kind: TableKind;
  /** canonical field → the source column (or expression label) it came from */
  readonly mapping: Record<string, string>;
  /** field → the value format decided for it, with the reason where it was a judgement */
  readonly formats: Record<string, string>;
  readonly rowsStaged: number;
  /** records with at least one reject */
  readonly rowsRejected: number;
  readonly rejects: RecordReject[];
  /** the plan read every record of the file (no `from`, no `where`) */
  readonly readsEveryRecord: boolean;
}

export interface LoadOptions {
  /** day-first evidence from elsewhere (a --map file, or the file's other columns) */
  readonly preferDayFirst?: boolean;
  /** IANA zone in which naive timestamps were written; they are converted to UTC */
  readonly timezone?: string;
  /** the order of slash dates, when the user said it (a --map file) */
  readonly dateOrder?: 'DMY' | 'MDY';
  /** the decimal separator, when the user said it */
  readonly decimal?: ',' | '.';
  /** date formats the user gave (a --map file's date_format), per field */
  readonly dateFormat?: (field: string) => DateFormat | undefined;
}

const SAMPLE = 5000;

export async function loadTarget(db: Database, plan: TargetPlan, batchId: number, options: LoadOptions = {}): Promise<TargetResult> {
  const spec = CONTRACT[plan.kind];
  const missing = spec.fields.filter((f) => f.required && plan.fields[f.name] === undefined).map((f) => f.name);
  if (missing.length) throw new ImportError('', importReason('table_needs', { kind: plan.kind, fields: missing.join(', ') }), 1);
  const fields = spec.fields.filter((f) => plan.fields[f.name] !== undefined);
  const labels = Object.fromEntries(fields.map((f) => [f.name, labelOf(plan.fields[f.name])]));

  samples.clear();
  await stage(db, plan, fields);
  // A plan that reads ltc_raw as it is uses every record; the others say which they used.
  const plain = !plan.from && !plan.where;
  if (!plain) await db.exec('INSERT INTO ltc_used SELECT DISTINCT ltc_rec FROM ltc_src');
  const formats: Record<string, string> = {};
  const parse: Record<string, string> = {};
  let preferDayFirst = options.preferDayFirst;
  const given = (name: string) => (plan.formats?.[name] as DateFormat | undefined) ?? options.dateFormat?.(name);
  // Slash dates in both orders are read value by value, or the file is refused (day-month.ts).
  const slashDates: string[] = [];
  for (const f of fields) {
    if (f.type === 'timestamp' && !given(f.name) && (await sampleValues(db, f.name)).some((x) => /^\d{1,2}\/\d{1,2}\//.test(x))) slashDates.push(f.name);
  }
  const perValue = options.dateOrder ? null : await settleDayMonth(db, plan.kind, slashDates, labels);
  for (const field of fields) {
    const v = `s.${quoteIdent(field.name)}`;
    if (field.type === 'timestamp' && perValue?.fields.has(field.name)) {
      formats[field.name] = `M/D/Y|D/M/Y (${perValue.note(field.name)})`;
      parse[field.name] = inZone(perValue.sql(v), options.timezone);
    } else if (field.type === 'timestamp') {
      const mapped = options.dateFormat?.(field.name);
      const hinted = plan.formats?.[field.name] as DateFormat | undefined;
      let decision = mapped ? { format: mapped, note: 'set by the mapping' } : hinted ? { format: hinted, note: 'set by the adapter' }
        : detectDateFormat(await sampleValues(db, field.name), preferDayFirst);
      if (!mapped && options.dateOrder && (decision?.format === 'M/D/Y' || decision?.format === 'D/M/Y')) {
        decision = { format: options.dateOrder === 'DMY' ? 'D/M/Y' : 'M/D/Y', note: 'set by the mapping' };
      }
      const format: DateFormat = decision?.format ?? 'iso';
      if (format === 'D/M/Y') preferDayFirst = true;
      if (format === 'M/D/Y' && preferDayFirst === undefined) preferDayFirst = false;
      formats[field.name] = decision?.note ? `${format} (${decision.note})` : format;
      const values = format === 'iso' ? await sampleValues(db, field.name) : [];
      const offsets = values.some((x) => /(?:Z|[+-]\d{2}:?\d{2})$/.test(x));
      parse[field.name] = inZone(dateSql(v, format === 'iso' && !offsets ? 'iso-naive' : format), options.timezone);
    } else if (field.type === 'number') {
      const hinted = plan.formats?.[field.name] as NumberFormat | undefined;
      const decision = options.decimal ? { format: options.decimal === ',' ? 'decimal-comma' as const : 'decimal-point' as const }
        : hinted ? { format: hinted } : detectNumberFormat(await sampleValues(db, field.name));
      if (decision.format !== 'decimal-point') formats[field.name] = decision.format;
      parse[field.name] = numberSql(v, decision.format);
    } else if (field.type === 'boolean') {
      parse[field.name] = booleanSql(v);
    } else {
      parse[field.name] = `nullif(trim(${v}), '')`;
    }
  }
  await typeRows(db, plan.kind, parse);
  const rejects = await valueRejects(db, fields, labels, formats);
  // ord is unique per row unless a `from` plan makes several rows of one record without a sequence.
  // A plain plan's typed rows are ltc_raw's, in its order; without rejects nothing filters them.
  const counts = await upsertStaged(db, plan.kind, batchId, {
    ordUnique: !plan.from || plan.from.includes('ltc_seq'), inFileOrder: plain && rejects.length === 0,
  });
  const [{ staged }] = await db.query<{ staged: number }>('SELECT count(*)::INTEGER AS staged FROM ltc_src');
  const all = [...rejects, ...counts.keyRejects];
  return {
    kind: plan.kind, mapping: labels, formats, rowsStaged: staged,
    rowsRejected: new Set(all.map((r) => r.rec)).size, rejects: all, readsEveryRecord: plain, ...counts,
  };
}

function labelOf(source: FieldSource): string {
  return typeof source === 'string' ? source : source.label ?? source.sql;
}

function sourceSql(source: FieldSource): string {
  return typeof source === 'string' ? quoteIdent(source) : `(${source.sql})`;
}

/** ltc_src: the plan's rows with every mapped field as text, and the kept columns as attributes. */
async function stage(db: Database, plan: TargetPlan, fields: readonly FieldSpec[]): Promise<void> {
  const rawHeaders = (await db.query<{ column_name: string }>(
    "SELECT column_name FROM (DESCRIBE ltc_raw) WHERE column_name <> 'ltc_rec'")).map((r) => r.column_name);
  // A header is used when a field names it, or an expression quotes it.
  const expressions = Object.values(plan.fields).filter((s) => typeof s !== 'string').map((s) => (s as { sql: string }).sql).join(' ');
  const used = (h: string) => Object.values(plan.fields).includes(h) || expressions.includes(quoteIdent(h));
  const kept = plan.attributes ?? rawHeaders.filter((h) => !used(h));
  const from = plan.from ? `(${plan.from})` : 'ltc_raw';
  const available = plan.from
    ? new Set((await db.query<{ column_name: string }>(`SELECT column_name FROM (DESCRIBE SELECT * FROM ${from} AS t)`)).map((r) => r.column_name))
    : new Set([...rawHeaders, 'ltc_rec']);
  const attributes = kept.filter((h) => available.has(h)).map((h) => `${quoteLiteral(h)}, nullif(trim(r.${quoteIdent(h)}::VARCHAR), '')`);
  const hasSeq = available.has('ltc_seq');
  const columns = [
    'r.ltc_rec',
    // The order events of one record were unpivoted in (ltc_seq), so equal timestamps keep it.
    hasSeq ? 'row_number() OVER (ORDER BY r.ltc_rec, r.ltc_seq) AS ltc_ord' : 'r.ltc_rec AS ltc_ord',
    ...fields.map((f) => `(${sourceSql(plan.fields[f.name])})::VARCHAR AS ${quoteIdent(f.name)}`),
    attributes.length ? `json_object(${attributes.join(', ')}) AS attributes` : 'NULL::JSON AS attributes',
  ];
  await dropTemp(db, 'ltc_src');
  try {
    // A view: only the typed table is written out as rows, and samples read just the columns they need.
    await db.exec(`CREATE TEMP VIEW ltc_src AS SELECT ${columns.join(',\n  ')} FROM ${from} AS r WHERE ${plan.where ?? 'true'}`);
    await db.query('SELECT * FROM ltc_src LIMIT 0');
  } catch (error) {
    throw new ImportError('', importReason('mapping_misfit', { kind: plan.kind, detail: (error as Error).message.split('\n')[0] }), 1);
  }
}

const samples = new Map<string, Promise<string[]>>();

function sampleValues(db: Database, field: string): Promise<string[]> {
  let sample = samples.get(field);
  if (!sample) {
    sample = readSample(db, field);
    samples.set(field, sample);
  }
  return sample;
}

async function readSample(db: Database, field: string): Promise<string[]> {
  // The first 200,000 filled values carry all the evidence a column's format needs.
  const rows = await db.query<{ v: string }>(`SELECT DISTINCT v FROM (
      SELECT trim(${quoteIdent(field)}) AS v FROM ltc_src WHERE nullif(trim(${quoteIdent(field)}), '') IS NOT NULL LIMIT 200000
    ) LIMIT ${SAMPLE}`);
  return rows.map((r) => r.v);
}

/** Naive timestamps written in another zone become UTC (docs/data-contract.md). */
function inZone(expression: string, timezone?: string): string {
  if (!timezone) return expression;
  return `timezone('UTC', timezone(${quoteLiteral(timezone)}, ${expression}))::TIMESTAMP`;
}

/** Field types whose text is parsed into a value, so a value can fail to parse. */
const PARSED = new Set(['timestamp', 'number', 'boolean']);

/**
 * ltc_typed: ltc_rec, the kind's columns parsed (unmapped ones NULL), attributes, and for each parsed
 * field its text where the value did not parse (raw__<field>, for the reject's reason; dropped
 * before upsert). A view, not a table: parsing again in the two reads that need values (the
 * checks, the insert) costs less than writing a million typed rows out once more, and each read
 * computes only the columns it uses. A text field's value is its text (nullif(trim(…), '')).
 */
async function typeRows(db: Database, kind: TableKind, parse: Record<string, string>): Promise<void> {
  const parsed = CONTRACT[kind].fields.filter((f) => PARSED.has(f.type) && parse[f.name] !== undefined).map((f) => f.name);
  const text = (f: string) => quoteIdent(`text__${f}`);
  const values = ['s.ltc_rec AS rec', 's.ltc_ord AS ord', ...CONTRACT[kind].fields.map((f) =>
    `${parse[f.name] ?? `NULL::${sqlType(f.type)}`} AS ${f.name}`), 's.attributes',
  ...parsed.map((f) => `nullif(trim(s.${quoteIdent(f)}), '') AS ${text(f)}`)];
  const kept = parsed.map((f) => `CASE WHEN v.${f} IS NULL THEN v.${text(f)} END AS ${quoteIdent(`raw__${f}`)}`);
  await dropTemp(db, 'ltc_typed');
  // No ORDER BY: the inserts order by `ord` where it matters (a sort of millions of rows saved here).
  // The parse runs once per read, in the inner SELECT (DuckDB's common-subexpression pass is off: instance.ts).
  await db.exec(`CREATE TEMP VIEW ltc_typed AS SELECT v.*${parsed.length ? ` EXCLUDE (${parsed.map(text).join(', ')}), ${kept.join(', ')}` : ''}
    FROM (SELECT ${values.join(',\n  ')} FROM ltc_src s) v`);
}

/** Where a reject's SQL puts the value into its reason. */
const VALUE = '\u0000value\u0000';

/** Missing required values and values that do not fit their format; ltc_valid holds the rest. */
async function valueRejects(
  db: Database, fields: readonly FieldSpec[], labels: Record<string, string>, formats: Record<string, string>,
): Promise<RecordReject[]> {
  const checks: string[] = [];
  const conditions: string[] = [];
  for (const field of fields) {
    const parsed = PARSED.has(field.type);
    const text = `t.${quoteIdent(`raw__${field.name}`)}`;
    const column = quoteLiteral(labels[field.name]);
    if (field.required) {
      const missing = labels[field.name] === field.name ? rejectReason('missing', { field: field.name })
        : rejectReason('missing_empty', { field: field.name, column: labels[field.name] });
      // Empty: no value, and (for a parsed field) no text that failed to parse either.
      const empty = `t.${field.name} IS NULL${parsed ? ` AND ${text} IS NULL` : ''}`;
      conditions.push(`(${empty})`);
      checks.push(`SELECT t.rec, ${column} AS "column", ${quoteLiteral(missing)} AS reason FROM ltc_failing t WHERE ${empty}`);
    }
    if (parsed) {
      const format = field.type === 'boolean' ? 'boolean' : (formats[field.name]?.split(' ')[0] ?? (field.type === 'number' ? 'decimal-point' : 'iso'));
      const expected = describeFormat(format as Parameters<typeof describeFormat>[0]);
      const [before, after] = rejectReason('not_in_format', { field: field.name, value: VALUE, expected }).split(VALUE);
      conditions.push(`${text} IS NOT NULL`);
      checks.push(`SELECT t.rec, ${column}, ${quoteLiteral(before)} || ${text} || ${quoteLiteral(after)}
        FROM ltc_failing t WHERE ${text} IS NOT NULL`);
    }
  }
  // One read of the typed rows finds the records that fail some check (few); the checks then
  // name their reasons from those alone, instead of each parsing the whole file again.
  const checked = [...new Set(['rec', ...fields.map((f) => f.name), ...fields.filter((f) => PARSED.has(f.type)).map((f) => quoteIdent(`raw__${f.name}`))])];
  await dropTemp(db, 'ltc_failing');
  await db.exec(`CREATE TEMP TABLE ltc_failing AS SELECT ${checked.map((c) => `t.${c}`).join(', ')}
    FROM ltc_typed t WHERE ${conditions.length ? conditions.join(' OR ') : 'false'}`);
  await dropTemp(db, 'ltc_value_rejects');
  await db.exec(`CREATE TEMP TABLE ltc_value_rejects AS ${checks.length ? checks.join('\nUNION ALL\n')
    : 'SELECT NULL::BIGINT AS rec, NULL::VARCHAR AS "column", NULL::VARCHAR AS reason WHERE false'}`);
  await dropTemp(db, 'ltc_valid');
  const raw = fields.filter((f) => PARSED.has(f.type)).map((f) => quoteIdent(`raw__${f.name}`));
  const [{ any }] = await db.query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM ltc_value_rejects) AS any');
  // Without rejects every typed row is valid: no anti-join for the several reads that follow.
  await db.exec(`CREATE TEMP VIEW ltc_valid AS SELECT *${raw.length ? ` EXCLUDE (${raw.join(', ')})` : ''}
    FROM ltc_typed t${any ? ' WHERE NOT EXISTS (SELECT 1 FROM ltc_value_rejects r WHERE r.rec = t.rec)' : ''}`);
  return db.query<RecordReject>(
    'SELECT rec::DOUBLE AS rec, "column", min(reason) AS reason FROM ltc_value_rejects GROUP BY rec, "column" ORDER BY rec');
}
