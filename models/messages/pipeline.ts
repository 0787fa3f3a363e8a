/** The opportunity pipeline and its funnel (models/pipeline.ts): step names and notes. */
import type { Catalogue } from './catalogue.ts';

/** The opportunity funnel's own steps; a stage step is named as the CRM names it. */
export const PIPELINE_STEPS = {
  created: { en: 'Opportunity created', zh: '商机创建' },
  won: { en: 'Won', zh: '赢单' },
} as const satisfies Catalogue;

export const PIPELINE_NOTES = {
  needs_opportunities: { en: 'needs opportunities', zh: '需要商机数据' },
  stage_history: {
    en: 'From the stage history: an opportunity counts at every stage it entered, or a later one.',
    zh: '依据阶段变更记录：商机计入其进入过的每个阶段（或更后的阶段）。',
  },
  current_stage: {
    en: 'From each opportunity\'s current stage (no stage history loaded): a lost opportunity counts as created only, as the export does not say how far it got.',
    zh: '依据商机当前阶段（未导入阶段变更记录）：输单的商机只计入“创建”，因为导出数据未记录其曾到达的阶段。',
  },
} as const satisfies Catalogue;
