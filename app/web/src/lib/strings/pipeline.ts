/** Text of the pipeline card and the opportunity funnel (Overview, Funnel page), English and Simplified Chinese. */

import { bilingual } from './bilingual.ts';

export const pipelineStrings = bilingual({
  en: {
    title: 'Pipeline',
    caption: 'Opportunities open at the data’s end, by stage and by owner; amounts as loaded, no currency conversion.',
    open: 'Open opportunities',
    amount: 'Amount',
    noAmount: '—',
    undated: (n: string) => `${n} open opportunities without a date (not yet engaged): counted here, left out of every dated measure.`,
    byStage: 'By stage',
    byOwner: 'By owner',
    stage: 'Stage',
    owner: 'Owner',
    count: 'Open',
    none: '(none)',
    moreOwners: (n: number) => `Showing the ${n} owners with the most open opportunities.`,
    nothingOpen: 'No opportunity is open at the data’s end.',
    needs: 'The pipeline needs opportunities: import an opportunity or deal export.',
    funnelTitle: 'Opportunity funnel',
    funnelCaption: 'No leads are loaded, so the funnel follows the opportunities: how many reached each stage (or a later one) and how many were won.',
    step: 'Step',
    opportunities: 'Opportunities',
    ofCreated: 'of created',
    lost: (n: string) => `Lost: ${n}.`,
    chartLabel: 'Opportunity funnel chart',
  },
  zh: {
    title: '销售管道',
    caption: '数据截止时仍未关闭的商机，按阶段和负责人统计；金额按导入原值，不做币种换算。',
    open: '进行中的商机',
    amount: '金额',
    noAmount: '—',
    undated: (n: string) => `${n} 个进行中的商机没有日期（尚未接洽）：在此计数，不计入任何按日期统计的指标。`,
    byStage: '按阶段',
    byOwner: '按负责人',
    stage: '阶段',
    owner: '负责人',
    count: '进行中',
    none: '（无）',
    moreOwners: (n: number) => `仅显示进行中商机最多的 ${n} 位负责人。`,
    nothingOpen: '数据截止时没有进行中的商机。',
    needs: '销售管道需要商机数据：请导入商机或交易导出文件。',
    funnelTitle: '商机漏斗',
    funnelCaption: '未导入线索，漏斗按商机展示：到达每个阶段（或更后阶段）的商机数量，以及赢单数量。',
    step: '步骤',
    opportunities: '商机',
    ofCreated: '占创建',
    lost: (n: string) => `输单：${n} 个。`,
    chartLabel: '商机漏斗图',
  },
});

export type PipelineStrings = (typeof pipelineStrings)['en'];
export default pipelineStrings;
