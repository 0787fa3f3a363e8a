/**
 * The column mapping the user checks and corrects on the Import page before loading: the server's
 * reading of a file, the user's edits, and the mapping sent with the upload (ingest/mapping-file.ts).
 */
import type { ColumnMapping, ContractTable, DateOrder, TargetReading } from './types.ts';

export interface MappingDraft {
  /** The server's reading of the file; empty when it could not tell which table the file holds. */
  readonly detected: readonly TargetReading[];
  /** The tables and columns shown in the editor. */
  readonly targets: readonly TargetReading[];
  /** True once the user changed something (or a remembered mapping was applied): it is sent. */
  readonly changed: boolean;
  /** True when `targets` came from a mapping remembered for the same header. */
  readonly remembered: boolean;
  /** The order of day and month in slash dates, when the user said it; else the server decides (or refuses a mix). */
  readonly dateOrder?: DateOrder;
}

/** The key under which a mapping is remembered: files with the same header get the same one. */
export function headerSignature(headers: readonly string[]): string {
  return headers.join('\t');
}

export function draftFromDetected(detected: readonly TargetReading[]): MappingDraft {
  return { detected, targets: detected.map(copyTarget), changed: false, remembered: false };
}

/** The remembered mapping, kept to the columns this header still has. */
export function draftFromRemembered(
  detected: readonly TargetReading[],
  remembered: ColumnMapping,
  headers: readonly string[],
): MappingDraft {
  const fields = Object.fromEntries(Object.entries(remembered.fields).filter(([, column]) => headers.includes(column)));
  return { detected, targets: [{ kind: remembered.kind, fields }], changed: true, remembered: true };
}

/** The table the editor's kind select shows: '' while the detected reading (of any number of tables) stands. */
export function chosenKind(draft: MappingDraft): string {
  return draft.targets.length === 1 ? draft.targets[0].kind : '';
}

/**
 * Maps `field` of the `index`-th table to `column` ('' = not mapped). A mapping names one table, so
 * editing one table of a multi-table reading keeps only that table.
 */
export function withField(draft: MappingDraft, index: number, field: string, column: string): MappingDraft {
  const target = draft.targets[index];
  if (!target) return draft;
  const fields = { ...target.fields };
  if (column) fields[field] = column;
  else delete fields[field];
  return { ...draft, targets: [{ kind: target.kind, fields }], changed: true, remembered: false };
}

/** Reads the file as `kind` with the given starting columns; '' goes back to the detected reading. */
export function withKind(draft: MappingDraft, kind: string, fields: Record<string, string>): MappingDraft {
  if (!kind) return draftFromDetected(draft.detected);
  return { ...draft, targets: [{ kind, fields: { ...fields } }], changed: true, remembered: false };
}

/** Says how slash dates are read ('' = as the server decides); the columns stay as they are. */
export function withDateOrder(draft: MappingDraft, order: DateOrder | ''): MappingDraft {
  return { ...draft, dateOrder: order || undefined };
}

/**
 * The mapping to send with the upload: only when the user changed something, so that an adapter's
 * own reading (several tables, derived values) is kept otherwise. Labels of derived values are not
 * columns and are left to the server. A date order alone is sent with the table's columns as read,
 * not as the whole mapping, so the server still matches what the reading named by name.
 */
export function mappingToSend(draft: MappingDraft, headers: readonly string[]): ColumnMapping | undefined {
  if (draft.targets.length !== 1 || (!draft.changed && !draft.dateOrder)) return undefined;
  const [target] = draft.targets;
  const fields = Object.fromEntries(Object.entries(target.fields).filter(([, column]) => headers.includes(column)));
  const order = draft.dateOrder ? { date_order: draft.dateOrder } : {};
  // The editor shows every field: what the user left unmapped stays unmapped.
  return draft.changed ? { kind: target.kind, fields, complete: true, ...order } : { kind: target.kind, fields, ...order };
}

/** Required fields of the table that no column is mapped to. */
export function missingRequired(target: TargetReading, table: ContractTable | undefined): string[] {
  if (!table) return [];
  return table.fields.filter((f) => f.required && !target.fields[f.name]).map((f) => f.name);
}

/** Columns whose names equal a field of the table (ignoring case, spaces and underscores). */
export function fieldsByName(table: ContractTable | undefined, headers: readonly string[]): Record<string, string> {
  if (!table) return {};
  const norm = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');
  const fields: Record<string, string> = {};
  for (const field of table.fields) {
    const column = headers.find((h) => norm(h) === norm(field.name));
    if (column) fields[field.name] = column;
  }
  return fields;
}

function copyTarget(target: TargetReading): TargetReading {
  return { kind: target.kind, fields: { ...target.fields } };
}
