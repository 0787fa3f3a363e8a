/**
 * The parameters of an analysis, declared once and read the same way from `ltc` flags and from a
 * query string: one name (camelCase in code, `--kebab-case` on the command line, `snake_case` in a
 * URL), one default, one validation and one error text, which names the parameter as the asker wrote it.
 */
import { assertDate, assertMoment, SEGMENT_KEYS, type PeriodOptions, type SegmentKey, type Segments } from '../period.ts';
import type { ComparePeriodOptions } from '../compare-periods.ts';
import { orList, PARAM_ERRORS } from '../messages/errors.ts';
import { sayEach } from '../messages/catalogue.ts';
import { sayAll, type Message } from '../messages/catalogue.ts';
import { UsageError } from './errors.ts';

/** Where the values came from: it decides how a parameter is named in an error. */
export type Medium = 'cli' | 'query';

export interface Param<T> {
  /** `text` takes a value, `flag` none; `filters` gathers `--where K=V` (and the dashboard's own filter keys) */
  readonly kind: 'text' | 'flag' | 'filters';
  /** the placeholder of its value in the usage line, e.g. `D` or `month|quarter` */
  readonly placeholder: string;
  /** what it does, for `ltc CMD --help` and docs/api.md */
  readonly help: string;
  /** the first positional argument of the command instead of a flag (`ltc case ID`) */
  readonly positional?: boolean;
  /** other query keys accepted for it, from links made before the names were one */
  readonly queryAliases?: readonly string[];
  read(values: readonly string[], name: string): T;
}

export type ParamSchema = Readonly<Record<string, Param<unknown>>>;
export type ParamValues<S extends ParamSchema> = { readonly [K in keyof S]: S[K] extends Param<infer T> ? T : never };

export const flagName = (key: string): string => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
export const queryName = (key: string): string => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const nameIn = (medium: Medium, key: string): string => (medium === 'cli' ? flagName(key) : queryName(key));

/** The last non-empty value: an empty query value (`from=`) means not given, as a flag not written. */
const last = (values: readonly string[]): string | undefined => values.filter((v) => v !== '').at(-1);

function textParam<T>(placeholder: string, help: string, parse: (value: string, name: string) => T, extra: Partial<Param<T>> = {}): Param<T | undefined> {
  return { kind: 'text', placeholder, help, ...extra, read: (values, name) => { const v = last(values); return v === undefined ? undefined : parse(v, name); } } as Param<T | undefined>;
}

/** Any text; the analysis checks it further where it must. */
export const text = (placeholder: string, help: string, extra: { positional?: boolean } = {}) => textParam(placeholder, help, (v) => v, extra);

/** A value that must be given; `example` in words is said in each language. */
export function required<T>(param: Param<T | undefined>, example: string | Message): Param<T> {
  return { ...param, read: (values, name) => {
    const value = param.read(values, name);
    if (value === undefined) {
      throw new UsageError(sayEach(PARAM_ERRORS, 'required', (lang) => ({ name, example: typeof example === 'string' ? example : example[lang] })));
    }
    return value;
  } };
}

/** A calendar day, YYYY-MM-DD. */
export const date = (help: string) => textParam('D', help, (v, name) => (assertDate(v, name), v));

/** A day or a timestamp. */
export const moment = (help: string) => textParam('D', help, (v, name) => (assertMoment(v, name), v));

/** A whole number within bounds. */
export function whole(help: string, bounds: { min?: number; max?: number; unit?: 'days' } = {}, extra: { queryAliases?: readonly string[] } = {}) {
  const { min = 0, max = Number.MAX_SAFE_INTEGER, unit } = bounds;
  const bounded = max !== Number.MAX_SAFE_INTEGER;
  const id = unit ? (bounded ? 'wholeDaysInRange' : 'wholeDays') : bounded ? 'wholeNumberInRange' : 'wholeNumber';
  return textParam('N', help, (v, name) => {
    const n = /^\d+$/.test(v) ? Number(v) : NaN;
    if (!(n >= min && n <= max)) throw new UsageError(sayAll(PARAM_ERRORS, id, { name, min: String(min), max: String(max), value: v }));
    return n;
  }, extra);
}

/** One of a few words. */
export function choice<const C extends string>(choices: readonly C[], help: string) {
  return textParam(choices.join('|'), help, (v, name) => {
    if (!(choices as readonly string[]).includes(v)) throw new UsageError(sayEach(PARAM_ERRORS, 'choice', (lang) => ({ name, choices: orList(lang, choices), value: v })));
    return v as C;
  });
}

/** Present or not (`--cases`; `cases=1` in a URL). */
export const flag = (help: string): Param<boolean> => ({
  kind: 'flag', placeholder: '', help, read: (values) => values.some((v) => v !== 'false' && v !== '0'),
});

/**
 * The case filters: `--where source=Web --where "Sales Channel=Partner"`; in a URL the dashboard's
 * page state `source=Web&attr.Sales%20Channel=Partner` (docs/api.md), or `where=KEY=VALUE` as well.
 * The four segments by name, any other key as an extra column of the data.
 */
export const filters = (): Param<Segments> => ({
  kind: 'filters', placeholder: 'K=V', help: `keep the cases whose KEY (${SEGMENT_KEYS.join(', ')} or another column of the data) is VALUE`,
  read(values, name) {
    const segments: Partial<Record<SegmentKey, string>> = {};
    const attributes: Record<string, string> = {};
    for (const clause of values) {
      const at = clause.indexOf('=');
      const key = at > 0 ? clause.slice(0, at).trim() : '';
      if (!key) throw new UsageError(sayAll(PARAM_ERRORS, 'filter', { name, keys: SEGMENT_KEYS.join(', '), value: clause }));
      const value = clause.slice(at + 1);
      if (value === '') continue;
      if ((SEGMENT_KEYS as readonly string[]).includes(key)) segments[key as SegmentKey] = value;
      else attributes[key] = value;
    }
    return { ...segments, attributes };
  },
});

/** The period and the filters every measure reads. */
export const PERIOD = {
  from: date('first day of the period (by the start event of each item)'),
  to: date('last day of the period, whole'),
  asOf: moment('the moment the data is read at (default: the last event loaded)'),
  windowDays: whole('conversion window in days (default 90)', { min: 1, max: 3650, unit: 'days' }, { queryAliases: ['window'] }),
  where: filters(),
} as const;

/** Before and after: a cut-over (and days after it left out), or two date ranges. */
export const BEFORE_AFTER = {
  cutover: date('the day the new process started'),
  excludeDays: text('N', 'days after the cut-over left out as transition'),
  before: text('FROM..TO', 'the period before, instead of a cut-over'),
  after: text('FROM..TO', 'the period after, instead of a cut-over'),
} as const;

/** Which event log: the one loaded by default, `ltc` for the LTC cases, `ocel:TYPE` for an object type. */
export const EVENT_LOG = text('events|ltc|ocel:TYPE', 'the event log (default: the one loaded)');

/** The period and filters only (no conversion window): for analyses that have none. */
export const { windowDays: _window, ...PERIOD_NO_WINDOW } = PERIOD;

export function periodOf(p: { from?: string; to?: string; asOf?: string; windowDays?: number; where: Segments }): PeriodOptions {
  return { segments: p.where, from: p.from, to: p.to, asOf: p.asOf, windowDays: p.windowDays };
}

/** The options of compare (and its two halves) from PERIOD and BEFORE_AFTER. */
export function beforeAfterOf(p: ParamValues<typeof PERIOD & typeof BEFORE_AFTER>): PeriodOptions & ComparePeriodOptions {
  return { ...periodOf(p), cutover: p.cutover, before: p.before, after: p.after, excludeDays: p.excludeDays };
}

/** The values of each parameter, gathered from parsed `ltc` flags (node:util parseArgs) and positionals. */
export function fromCli(schema: ParamSchema, flags: Record<string, unknown>, positionals: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, param] of Object.entries(schema)) {
    const raw = param.positional ? positionals : flags[param.kind === 'filters' ? key : flagName(key).slice(2)];
    if (param.positional && positionals.length > 1) throw new UsageError(sayAll(PARAM_ERRORS, 'onePositional', { what: param.placeholder, count: String(positionals.length) }));
    const values = raw === undefined ? [] : Array.isArray(raw) ? raw.map(String) : raw === true ? ['true'] : [String(raw)];
    out.set(key, values);
  }
  return out;
}

/** The values of each parameter from a query string; the filters also from the dashboard's page-state keys. */
export function fromQuery(schema: ParamSchema, q: URLSearchParams): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, param] of Object.entries(schema)) {
    const names = [queryName(key), ...(param.queryAliases ?? [])];
    const values = names.flatMap((n) => q.getAll(n));
    if (param.kind === 'filters') {
      for (const segment of SEGMENT_KEYS) for (const v of q.getAll(segment)) values.push(`${segment}=${v}`);
      for (const [k, v] of q) if (k.startsWith('attr.') && k.length > 5) values.push(`${k.slice(5)}=${v}`);
    }
    out.set(key, values);
  }
  return out;
}

/** Reads every parameter of the schema: the one parser of the command line and the query string. */
export function readParams<S extends ParamSchema>(schema: S, raw: Map<string, string[]>, medium: Medium): ParamValues<S> {
  const out: Record<string, unknown> = {};
  for (const [key, param] of Object.entries(schema)) {
    const name = param.positional ? param.placeholder : param.kind === 'filters' && medium === 'cli' ? '--where' : nameIn(medium, key);
    out[key] = param.read(raw.get(key) ?? [], name);
  }
  return out as ParamValues<S>;
}
