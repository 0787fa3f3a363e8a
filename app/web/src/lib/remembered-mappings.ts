/**
 * Mappings the user corrected, kept in localStorage by header signature, so that the next file with
 * the same columns is read the same way.
 */
import { headerSignature } from './mapping.ts';
import type { ColumnMapping } from './types.ts';

const STORAGE_KEY = 'ltc-lens.mappings';
const KEPT = 100;

interface Stored {
  [signature: string]: ColumnMapping & { saved_at: number };
}

function load(): Stored {
  try {
    const data: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}');
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as Stored) : {};
  } catch {
    return {};
  }
}

function save(stored: Stored): void {
  const newest = Object.entries(stored).sort(([, a], [, b]) => b.saved_at - a.saved_at).slice(0, KEPT);
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(Object.fromEntries(newest)));
  } catch {
    // storage full or disabled: the mapping is simply not remembered
  }
}

/** The mapping chosen before for a file with exactly these headers, if any. */
export function recallMapping(headers: readonly string[]): ColumnMapping | undefined {
  const entry = load()[headerSignature(headers)];
  if (!entry || typeof entry.kind !== 'string' || typeof entry.fields !== 'object' || entry.fields === null) return undefined;
  return { kind: entry.kind, fields: { ...entry.fields } };
}

export function rememberMapping(headers: readonly string[], mapping: ColumnMapping): void {
  const stored = load();
  stored[headerSignature(headers)] = { ...mapping, saved_at: Date.now() };
  save(stored);
}

export function forgetMapping(headers: readonly string[]): void {
  const stored = load();
  delete stored[headerSignature(headers)];
  save(stored);
}
