/** The opportunity pipeline and funnel for the pages (GET /api/pipeline, models/pipeline.ts). */
import type { FunnelStage, PipelineResult } from './types.ts';
import { ask } from './client.ts';

export type { OpportunityFunnel, OpportunityFunnelStep, PipelineGroup, PipelineResult } from './types.ts';

export const getPipeline = (query: string, signal?: AbortSignal) => ask('pipeline', query, signal);

/** The funnel's steps in the shape the lead funnel's chart draws (id: the step's kind and stage). */
export function funnelStages(pipeline: PipelineResult): FunnelStage[] {
  return pipeline.funnel.steps.map((step) => ({
    id: (step.kind === 'stage' ? `stage:${step.stage}` : step.kind) as FunnelStage['id'],
    label: step.label, label_zh: step.label_zh, count: step.count,
    step_conversion: step.step_conversion, cumulative_conversion: step.cumulative_conversion,
  }));
}
