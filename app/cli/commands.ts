/** The `ltc` commands: each parses its options, calls the models and prints text or JSON. */
import type { ParseArgsConfig } from 'node:util';
import { openDatabase, type Database } from '../../models/db/database.ts';
import { isTableKind } from '../../models/db/contract.ts';
import { compare } from '../../models/compare.ts';
import { funnel } from '../../models/funnel.ts';
import { kpis } from '../../models/measures.ts';
import { SEGMENT_KEYS, UsageError, assertMoment, type PeriodOptions, type SegmentKey, type Segments } from '../../models/period.ts';
import { adapterIds } from '../../ingest/adapters/registry.ts';
import { listBatches, undoBatch } from '../../ingest/batches.ts';
import { importFiles } from '../../ingest/import-files.ts';
import { readMappingFile } from '../../ingest/mapping-file.ts';
import { formatChange, formatDays, formatRatio, formatValue, table } from './format.ts';
import { serve, startWorkspace } from './serve.ts';

export interface CommandContext {
  readonly values: Record<string, string | boolean | undefined>;
  readonly positionals: string[];
  readonly json: boolean;
  readonly dbPath: string;
  out(text: string): void;
  err(text: string): void;
}

interface Command {
  readonly args: string;
  readonly summary: string;
  readonly options: ParseArgsConfig['options'];
  readonly hidden?: boolean;
  run(context: CommandContext): Promise<number>;
}

const PERIOD_OPTIONS: ParseArgsConfig['options'] = {
  from: { type: 'string' },
  to: { type: 'string' },
  'as-of': { type: 'string' },
  'window-days': { type: 'string' },
  where: { type: 'string', multiple: true },
};

function periodOptions(values: CommandContext['values']): PeriodOptions {
  const window = values['window-days'];
  if (window !== undefined && !/^\d+$/.test(String(window))) throw new UsageError(`--window-days must be a whole number, not "${window}"`);
  const asOf = values['as-of'] as string | undefined;
  if (asOf !== undefined) assertMoment(asOf, '--as-of');
  return {
    segments: parseWhere(values.where as unknown as string[] | undefined),
    from: values.from as string | undefined,
    to: values.to as string | undefined,
    asOf,
    windowDays: window === undefined ? undefined : Number(window),
  };
}

/**
 * `--where source=Web --where "Sales Channel=Partner"` → filters: the four segments by name, any
 * other key as an extra column the data carries (its attributes).
 */
function parseWhere(clauses: readonly string[] | undefined): Segments {
  const segments: Partial<Record<SegmentKey, string>> = {};
  const attributes: Record<string, string> = {};
  for (const clause of clauses ?? []) {
    const at = clause.indexOf('=');
    const key = at > 0 ? clause.slice(0, at).trim() : '';
    if (!key) throw new UsageError(`--where takes KEY=VALUE (KEY one of ${SEGMENT_KEYS.join(', ')} or another column of the data), not "${clause}"`);
    if ((SEGMENT_KEYS as readonly string[]).includes(key)) segments[key as SegmentKey] = clause.slice(at + 1);
    else attributes[key] = clause.slice(at + 1);
  }
  return { ...segments, attributes };
}

async function withDb<T>(context: CommandContext, work: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(context.dbPath);
  try {
    return await work(db);
  } finally {
    db.close();
  }
}

export const COMMANDS: Record<string, Command> = {
  ingest: {
    args: '[--kind K | --map FILE] [--adapter A] FILE…',
    summary: 'load exports (source, table and formats detected) and print the import report',
    options: { kind: { type: 'string' }, map: { type: 'string' }, adapter: { type: 'string' } },
    async run(context) {
      const kind = context.values.kind as string | undefined;
      if (kind !== undefined && !isTableKind(kind)) throw new UsageError(`--kind must be one of the canonical tables, not "${kind}"`);
      if (context.positionals.length === 0) throw new UsageError('name at least one file to import');
      const mapping = context.values.map ? readMappingFile(context.values.map as string) : undefined;
      const adapter = context.values.adapter as string | undefined;
      if (adapter !== undefined && !(await adapterIds()).includes(adapter)) {
        throw new UsageError(`--adapter must be one of ${(await adapterIds()).join(', ')}, not "${adapter}"`);
      }
      const report = await withDb(context, (db) => importFiles(db,
        context.positionals.map((path) => ({ path, name: path })),
        { kind, mapping, adapter, onFile: (i, n, name) => { if (!context.json && n > 1) context.err(`[${i + 1}/${n}] ${name}`); } }));
      const failed = report.files.filter((f) => f.error);
      for (const f of failed) context.err(`ltc ingest: ${f.error}`);
      if (context.json) {
        context.out(JSON.stringify(report));
      } else {
        context.out(table(['file', 'read as', 'read', 'new', 'updated', 'unchanged', 'rejected', 'note'], report.files.map((f) => [
          f.path, f.preset ?? f.kind ?? '–', String(f.rows_read), String(f.rows_inserted), String(f.rows_updated),
          String(f.rows_unchanged), String(f.rows_rejected),
          f.error ? 'FAILED — nothing loaded' : f.already_imported_as ? `already imported (batch ${f.already_imported_as})`
            : [f.encoding && f.encoding !== 'utf-8' ? f.encoding : '', ...Object.entries(f.formats ?? {}).map(([k, v]) => `${k}: ${v}`)].filter(Boolean).join('; '),
        ])));
        for (const f of report.files.filter((r) => r.rejects.length > 0)) {
          context.out(`\nrejected rows of ${f.path}:`);
          context.out(table(['line', 'column', 'reason'], f.rejects.map((r) => [String(r.line ?? '?'), r.column ?? '', r.reason])));
          if (f.rows_rejected > f.rejects.length) context.out(`… and ${f.rows_rejected - f.rejects.length} more (all kept in the rejects table)`);
        }
      }
      return failed.length > 0 ? 1 : 0;
    },
  },

  imports: {
    args: '',
    summary: 'list import batches',
    options: {},
    async run(context) {
      const batches = await withDb(context, (db) => listBatches(db));
      if (context.json) {
        context.out(JSON.stringify({ batches }));
        return 0;
      }
      if (batches.length === 0) {
        context.out('no imports yet: ltc ingest FILE… loads exports');
        return 0;
      }
      context.out(table(['batch', 'file', 'read as', 'new', 'updated', 'unchanged', 'rejected', 'imported', 'undone'], batches.map((b) => [
        String(b.batch_id), b.file_name, b.preset ?? b.kind, String(b.rows_inserted), String(b.rows_updated),
        String(b.rows_unchanged), String(b.rows_rejected), b.imported_at, b.undone_at ?? '',
      ])));
      return 0;
    },
  },

  undo: {
    args: 'BATCH',
    summary: 'remove one import batch and restore the rows it replaced',
    options: {},
    async run(context) {
      const id = context.positionals[0];
      if (!id || !/^\d+$/.test(id) || context.positionals.length > 1) throw new UsageError('name one batch number (ltc imports lists them)');
      const result = await withDb(context, (db) => undoBatch(db, Number(id)));
      context.out(context.json ? JSON.stringify(result)
        : `batch ${result.batch_id} undone: ${result.rows_removed} rows removed, ${result.rows_restored} earlier rows restored`);
      return 0;
    },
  },

  kpis: {
    args: '[--from D] [--to D] [--window-days N] [--as-of D] [--where K=V]',
    summary: 'the LTC measures for one period',
    options: PERIOD_OPTIONS,
    async run(context) {
      const result = await withDb(context, (db) => kpis(db, periodOptions(context.values)));
      if (context.json) {
        context.out(JSON.stringify(result));
        return 0;
      }
      context.out(`data end ${result.data_end ?? '–'} · conversion window ${result.window_days} days\n`);
      context.out(table(['measure', 'value', 'median', 'p90', 'n', 'censored'], result.kpis.map((k) => [
        k.label, formatValue(k), k.unit === 'days' ? formatDays(k.median) : '', k.unit === 'days' ? formatDays(k.p90) : '',
        k.unit === 'ratio' ? `${k.count ?? 0}/${k.n}` : String(k.n), String(k.censored),
      ])));
      for (const k of result.kpis.filter((m) => m.note)) context.out(`${k.label}: ${k.note}`);
      return 0;
    },
  },

  funnel: {
    args: '[--from D] [--to D] [--as-of D] [--where K=V]',
    summary: 'leads of the period reaching each milestone',
    options: PERIOD_OPTIONS,
    async run(context) {
      const result = await withDb(context, (db) => funnel(db, periodOptions(context.values)));
      if (context.json) {
        context.out(JSON.stringify(result));
        return 0;
      }
      if (result.stages.length === 0) {
        context.out('no leads loaded: import leads (and orders, payments) first');
        return 0;
      }
      context.out(table(['stage', 'leads', 'step', 'cumulative'], result.stages.map((s) => [
        s.label, String(s.count), formatRatio(s.step_conversion), formatRatio(s.cumulative_conversion),
      ])));
      return 0;
    },
  },

  compare: {
    args: '--cutover D [--window-days N] [--lang zh] [--where K=V]',
    summary: 'every measure before and after a cut-over date',
    options: { ...PERIOD_OPTIONS, cutover: { type: 'string' }, lang: { type: 'string' } },
    async run(context) {
      const lang = (context.values.lang as string | undefined) ?? 'en';
      if (lang !== 'en' && lang !== 'zh') throw new UsageError(`--lang must be en or zh, not "${lang}"`);
      const result = await withDb(context, (db) =>
        compare(db, { ...periodOptions(context.values), cutover: context.values.cutover as string }));
      if (context.json) {
        context.out(JSON.stringify(result));
        return 0;
      }
      const zh = lang === 'zh';
      context.out(zh
        ? `切换日期 ${result.cutover} · 数据截至 ${result.data_end ?? '–'} · 转化窗口 ${result.window_days} 天\n`
        : `cut-over ${result.cutover} · data end ${result.data_end ?? '–'} · conversion window ${result.window_days} days\n`);
      context.out(table(zh ? ['指标', '优化前', '优化后', '提升幅度'] : ['Measure', 'Before', 'After', 'Change'],
        result.kpis.map((k) => [
          zh ? k.label_zh : k.label, formatValue(k.before), formatValue(k.after),
          formatChange(k.change_pct) + verdict(k.improved, k.change_pct, zh),
        ])));
      return 0;
    },
  },

  serve: {
    args: '[--port N] [--host H]',
    summary: 'the dashboard on this database, as it is',
    options: { port: { type: 'string' }, host: { type: 'string' } },
    run: (context) => serve(context),
  },

  start: {
    args: '[--port N]',
    summary: 'the dashboard on the workspace, loading the sample data into an empty one (npm start)',
    options: { port: { type: 'string' }, host: { type: 'string' } },
    hidden: true,
    run: (context) => startWorkspace(context),
  },
};

function verdict(improved: boolean | null, change: number | null, zh: boolean): string {
  if (improved === true) return zh ? ' 改善' : ' better';
  if (improved === false && change !== null && change !== 0) return zh ? ' 变差' : ' worse';
  return '';
}
