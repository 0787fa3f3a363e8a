/** Response shapes of the server's /api endpoints (SPEC §6, app/server). */

export type Lang = 'en' | 'zh';

export interface Status {
  /** the workspace's file name */
  workspace: string;
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
  line: number | null;
  column: string | null;
  reason: string;
}

/** One table a file was read into: canonical field → source column (or a label for derived values). */
export interface TargetReading {
  kind: string;
  fields: Record<string, string>;
}

/** The server's preview of one file (or one entry of an archive): what an import would do. */
export interface FilePreview {
  path: string;
  encoding?: string;
  delimiter?: string;
  header_line?: number;
  headers?: string[];
  rows?: Record<string, string | null>[];
  adapter?: string;
  preset?: string;
  confidence?: number;
  targets?: TargetReading[];
  error?: string;
}

export interface PreviewResponse {
  files: FilePreview[];
}

export interface ContractField {
  name: string;
  type: 'id' | 'text' | 'timestamp' | 'number' | 'boolean';
  required?: boolean;
}

export interface ContractTable {
  kind: string;
  key: string[];
  fields: ContractField[];
}

export interface ContractResponse {
  tables: ContractTable[];
}

/** The explicit mapping sent with an upload (ingest/mapping-file.ts); only `kind` is required. */
export interface ColumnMapping {
  kind: string;
  fields: Record<string, string>;
  /** the fields named are the whole mapping (nothing else is matched by name) */
  complete?: boolean;
}

export interface ImportCounts {
  rows_loaded: number;
  rows_inserted: number;
  rows_updated: number;
  rows_unchanged: number;
}

export interface ImportedTarget extends ImportCounts {
  kind: string;
  mapping: Record<string, string>;
  formats: Record<string, string>;
}

export interface ImportedFile extends ImportCounts {
  path: string;
  kind: string | null;
  adapter?: string | null;
  preset: string | null;
  confidence?: number | null;
  encoding: string | null;
  delimiter?: string;
  header_line?: number;
  rows_read: number;
  rows_rejected: number;
  rows_duplicate?: number;
  batch_id?: number | null;
  /** Set when the same file (by checksum) was loaded before: that batch's id. */
  already_imported_as?: number | null;
  mapping?: Record<string, string>;
  formats?: Record<string, string>;
  targets?: ImportedTarget[];
  notes?: string[];
  rejects: RejectedRow[];
  /** Why this file (or archive entry) was not loaded at all. */
  error?: string;
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

/** One import batch (`ltc imports`). */
export interface ImportBatch {
  batch_id: number;
  file_name: string;
  source_file: string | null;
  kind: string;
  adapter: string | null;
  preset: string | null;
  rows_read: number;
  rows_loaded: number;
  rows_inserted: number;
  rows_updated: number;
  rows_unchanged: number;
  rows_rejected: number;
  imported_at: string;
  undone_at: string | null;
}

export interface ImportsResponse {
  batches: ImportBatch[];
}

export interface UndoResult {
  batch_id: number;
  rows_removed: number;
  rows_restored: number;
}
