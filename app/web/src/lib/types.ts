/**
 * Answers of the server's /api endpoints (docs/api.md, app/server): the types of the models and
 * ingest functions that compute them, imported as types only, so nothing of Node enters the page.
 */
import type { Batch, UndoResult } from '../../../../ingest/batches.ts';
import type { Reject } from '../../../../ingest/errors.ts';
import type { FileReport, TargetReport } from '../../../../ingest/import-files.ts';
import type { importAndRebuild } from '../../../workspace.ts';
import type { Preview } from '../../../../ingest/preview.ts';
import type { CompareResult, ComparedValues, Comparison } from '../../../../models/compare.ts';
import type { FieldSpec, TableSpec } from '../../../../models/db/contract.ts';
import type { FunnelStage, funnel } from '../../../../models/funnel.ts';
import type { kpis, MeasureValue } from '../../../../models/measures.ts';
import type { Answer } from './client.ts';

/** What a model function answers (as the server sends it, JSON). */
export type AnswerOf<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;

export type { Lang } from '../../../../models/messages/catalogue.ts';

/** /api/status: the workspace's file name, rows per table, OCEL events, and whether anything is loaded (models/analyses/status.ts). */
export type Status = Answer<'status'>;

export type KpiValue = MeasureValue;
export type Kpi = MeasureValue;
export type KpisResponse = AnswerOf<typeof kpis>;
export type { FunnelStage };
export type FunnelResponse = AnswerOf<typeof funnel>;
export type { MeasureUnit } from '../../../../models/measures.ts';
export type { OpportunityFunnel, OpportunityFunnelStep, PipelineGroup, PipelineResult } from '../../../../models/pipeline.ts';
export type CompareRow = Comparison;
/** A row of compare without its evidence (/api/compare/values). */
export type { ComparedValues };
export type CompareResponse = CompareResult;

export interface CohortMonth {
  month: string;
  leads: number;
  converted: number;
  /** Leads old enough to observe for the whole window; all of them when the server omits it. */
  observable: number;
  conversion_rate: number | null;
}

export type RejectedRow = Reject;

/** One table a file was read into: canonical field → source column (or a label for derived values). */
export type TargetReading = NonNullable<Preview['targets']>[number];

/** The server's preview of one file (or one entry of an archive): what an import would do. */
export type FilePreview = Preview;

export interface PreviewResponse {
  files: Preview[];
}

export type ContractField = FieldSpec;
export type ContractTable = TableSpec;

export interface ContractResponse {
  tables: TableSpec[];
}

/** The explicit mapping sent with an upload (ingest/mapping-file.ts); only `kind` is required. */
export interface ColumnMapping {
  kind: string;
  fields: Record<string, string>;
  /** the fields named are the whole mapping (nothing else is matched by name) */
  complete?: boolean;
  /** how slash dates are read: day first (DMY) or month first (MDY) */
  date_order?: DateOrder;
}

export type DateOrder = 'DMY' | 'MDY';

export type ImportedTarget = TargetReport;
export type ImportedFile = FileReport;
export type ImportResponse = AnswerOf<typeof importAndRebuild>;

/** What happened to one uploaded file: the server's report, or its error in words. */
export interface ImportOutcome {
  name: string;
  files: ImportedFile[];
  error?: string;
}

/** One import batch (`ltc imports`). */
export type ImportBatch = Batch;

export interface ImportsResponse {
  batches: Batch[];
}

export type { UndoResult };
