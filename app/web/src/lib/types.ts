/** Response shapes of the server's /api endpoints (SPEC §6, app/server). */

export type Lang = 'en' | 'zh';

export interface Status {
  data_end: string | null;
  tables: Record<string, number>;
  empty: boolean;
}

export interface KpiValue {
  value: number | null;
  n: number;
  count?: number;
  mean?: number | null;
  median?: number | null;
  p90?: number | null;
  censored: number;
  available?: boolean;
  note?: string;
  note_zh?: string;
}

export interface Kpi extends KpiValue {
  id: string;
  label: string;
  label_zh: string;
  unit: 'ratio' | 'days';
  better: 'higher' | 'lower';
}

export interface KpisResponse {
  data_end: string | null;
  window_days: number;
  kpis: Kpi[];
}

export interface FunnelStage {
  id: string;
  label: string;
  label_zh: string;
  count: number;
  step_conversion: number | null;
  cumulative_conversion: number | null;
}

export interface FunnelResponse {
  stages: FunnelStage[];
}

export interface CompareRow {
  id: string;
  label: string;
  label_zh: string;
  unit: 'ratio' | 'days';
  better: 'higher' | 'lower';
  before: KpiValue;
  after: KpiValue;
  change_pct: number | null;
  improved: boolean | null;
  p_value?: number | null;
  ci95?: [number, number] | null;
  test?: string;
}

export interface CompareResponse {
  cutover: string;
  data_end: string | null;
  window_days: number;
  kpis: CompareRow[];
}

export interface CohortMonth {
  month: string;
  leads: number;
  converted: number;
  /** Leads old enough to observe for the whole window; all of them when the server omits it. */
  observable: number;
  conversion_rate: number | null;
}

export interface RejectedRow {
  line: number;
  column: string | null;
  reason: string;
}

export interface ImportedFile {
  path: string;
  kind: string;
  preset: string | null;
  encoding: string;
  rows_read: number;
  rows_loaded: number;
  rows_rejected: number;
  rows_duplicate?: number;
  batch_id?: number | null;
  /** Set when the same file (by checksum) was loaded before: that batch's id. */
  already_imported_as?: number | null;
  rejects: RejectedRow[];
}

export interface ImportResponse {
  files: ImportedFile[];
}

/** What happened to one uploaded file: the server's report, or its error in words. */
export interface ImportOutcome {
  name: string;
  files: ImportedFile[];
  error?: string;
}
