// Written by `npm run codegen` from models/analyses/: do not edit by hand.
import type { ResultOf } from '../../../../models/analysis/define.ts';
import type agingAnalysis from '../../../../models/analyses/aging.ts';
import type bottleneckCasesAnalysis from '../../../../models/analyses/bottleneck-cases.ts';
import type bottlenecksAnalysis from '../../../../models/analyses/bottlenecks.ts';
import type caseAnalysis from '../../../../models/analyses/case.ts';
import type casesArrowAnalysis from '../../../../models/analyses/cases-arrow.ts';
import type casesAnalysis from '../../../../models/analyses/cases.ts';
import type changePointAnalysis from '../../../../models/analyses/change-point.ts';
import type cohortsAnalysis from '../../../../models/analyses/cohorts.ts';
import type compareEvidenceAnalysis from '../../../../models/analyses/compare-evidence.ts';
import type compareValuesAnalysis from '../../../../models/analyses/compare-values.ts';
import type compareAnalysis from '../../../../models/analyses/compare.ts';
import type conformanceAnalysis from '../../../../models/analyses/conformance.ts';
import type cutoverDefaultAnalysis from '../../../../models/analyses/cutover-default.ts';
import type dsoAnalysis from '../../../../models/analyses/dso.ts';
import type eventLogsAnalysis from '../../../../models/analyses/event-logs.ts';
import type filtersAnalysis from '../../../../models/analyses/filters.ts';
import type funnelCohortsAnalysis from '../../../../models/analyses/funnel-cohorts.ts';
import type funnelAnalysis from '../../../../models/analyses/funnel.ts';
import type kpisAnalysis from '../../../../models/analyses/kpis.ts';
import type linksAnalysis from '../../../../models/analyses/links.ts';
import type logOverviewAnalysis from '../../../../models/analyses/log-overview.ts';
import type mixAnalysis from '../../../../models/analyses/mix.ts';
import type pipelineAnalysis from '../../../../models/analyses/pipeline.ts';
import type processMapCasesAnalysis from '../../../../models/analyses/process-map-cases.ts';
import type processMapAnalysis from '../../../../models/analyses/process-map.ts';
import type qualityAnalysis from '../../../../models/analyses/quality.ts';
import type statusAnalysis from '../../../../models/analyses/status.ts';
import type survivalAnalysis from '../../../../models/analyses/survival.ts';
import type transitionsAnalysis from '../../../../models/analyses/transitions.ts';
import type trendsAnalysis from '../../../../models/analyses/trends.ts';
import type variantsAnalysis from '../../../../models/analyses/variants.ts';

/** Every analysis by name: its route, the query keys it reads and what it answers. */
export interface Analyses {
  'aging': { path: '/api/aging'; query: 'as_of' | 'where'; result: ResultOf<typeof agingAnalysis> };
  'bottleneck-cases': { path: '/api/bottlenecks/cases'; query: 'from' | 'to' | 'as_of' | 'where' | 'transition' | 'limit'; result: ResultOf<typeof bottleneckCasesAnalysis> };
  'bottlenecks': { path: '/api/bottlenecks'; query: 'from' | 'to' | 'as_of' | 'where'; result: ResultOf<typeof bottlenecksAnalysis> };
  'case': { path: '/api/case'; query: 'id'; result: ResultOf<typeof caseAnalysis> };
  'cases-arrow': { path: '/api/cases.arrow'; query: 'from' | 'to' | 'as_of' | 'where' | 'search' | 'sort' | 'status' | 'milestone' | 'limit' | 'offset'; result: ResultOf<typeof casesArrowAnalysis> };
  'cases': { path: '/api/cases'; query: 'from' | 'to' | 'as_of' | 'where' | 'search' | 'sort' | 'status' | 'milestone' | 'limit' | 'offset'; result: ResultOf<typeof casesAnalysis> };
  'change-point': { path: '/api/change-point'; query: 'from' | 'to' | 'as_of' | 'window_days' | 'where' | 'cutover'; result: ResultOf<typeof changePointAnalysis> };
  'cohorts': { path: '/api/cohorts'; query: 'from' | 'to' | 'as_of' | 'window_days' | 'where'; result: ResultOf<typeof cohortsAnalysis> };
  'compare-evidence': { path: '/api/compare/evidence'; query: 'from' | 'to' | 'as_of' | 'window_days' | 'where' | 'cutover' | 'exclude_days' | 'before' | 'after'; result: ResultOf<typeof compareEvidenceAnalysis> };
  'compare-values': { path: '/api/compare/values'; query: 'from' | 'to' | 'as_of' | 'window_days' | 'where' | 'cutover' | 'exclude_days' | 'before' | 'after'; result: ResultOf<typeof compareValuesAnalysis> };
  'compare': { path: '/api/compare'; query: 'from' | 'to' | 'as_of' | 'window_days' | 'where' | 'cutover' | 'exclude_days' | 'before' | 'after'; result: ResultOf<typeof compareAnalysis> };
  'conformance': { path: '/api/conformance'; query: 'from' | 'to' | 'as_of' | 'where' | 'by'; result: ResultOf<typeof conformanceAnalysis> };
  'cutover-default': { path: '/api/cutover-default'; query: never; result: ResultOf<typeof cutoverDefaultAnalysis> };
  'dso': { path: '/api/dso'; query: 'from' | 'to' | 'as_of' | 'where'; result: ResultOf<typeof dsoAnalysis> };
  'event-logs': { path: '/api/event-logs'; query: never; result: ResultOf<typeof eventLogsAnalysis> };
  'filters': { path: '/api/filters'; query: never; result: ResultOf<typeof filtersAnalysis> };
  'funnel-cohorts': { path: '/api/funnel/cohorts'; query: 'from' | 'to' | 'as_of' | 'window_days' | 'where' | 'by' | 'by_segment'; result: ResultOf<typeof funnelCohortsAnalysis> };
  'funnel': { path: '/api/funnel'; query: 'from' | 'to' | 'as_of' | 'where'; result: ResultOf<typeof funnelAnalysis> };
  'kpis': { path: '/api/kpis'; query: 'from' | 'to' | 'as_of' | 'window_days' | 'where'; result: ResultOf<typeof kpisAnalysis> };
  'links': { path: '/api/links'; query: 'from' | 'to' | 'where'; result: ResultOf<typeof linksAnalysis> };
  'log-overview': { path: '/api/log-overview'; query: 'from' | 'to' | 'as_of' | 'where' | 'log'; result: ResultOf<typeof logOverviewAnalysis> };
  'mix': { path: '/api/mix'; query: 'from' | 'to' | 'as_of' | 'window_days' | 'where' | 'cutover' | 'by' | 'exclude_days'; result: ResultOf<typeof mixAnalysis> };
  'pipeline': { path: '/api/pipeline'; query: 'from' | 'to' | 'as_of' | 'where'; result: ResultOf<typeof pipelineAnalysis> };
  'process-map-cases': { path: '/api/process-map/cases'; query: 'from' | 'to' | 'as_of' | 'where' | 'log' | 'activity' | 'from_activity' | 'to_activity' | 'variant' | 'limit'; result: ResultOf<typeof processMapCasesAnalysis> };
  'process-map': { path: '/api/process-map'; query: 'from' | 'to' | 'as_of' | 'where' | 'log'; result: ResultOf<typeof processMapAnalysis> };
  'quality': { path: '/api/quality'; query: 'limit'; result: ResultOf<typeof qualityAnalysis> };
  'status': { path: '/api/status'; query: never; result: ResultOf<typeof statusAnalysis> };
  'survival': { path: '/api/survival'; query: 'from' | 'to' | 'as_of' | 'window_days' | 'where' | 'cutover' | 'exclude_days'; result: ResultOf<typeof survivalAnalysis> };
  'transitions': { path: '/api/transitions'; query: 'from' | 'to' | 'as_of' | 'where'; result: ResultOf<typeof transitionsAnalysis> };
  'trends': { path: '/api/trends'; query: 'from' | 'to' | 'as_of' | 'window_days' | 'where' | 'by'; result: ResultOf<typeof trendsAnalysis> };
  'variants': { path: '/api/variants'; query: 'from' | 'to' | 'as_of' | 'where' | 'log' | 'top'; result: ResultOf<typeof variantsAnalysis> };
}

export const ANALYSIS_PATHS: { readonly [N in keyof Analyses]: Analyses[N]['path'] } = {
  'aging': '/api/aging',
  'bottleneck-cases': '/api/bottlenecks/cases',
  'bottlenecks': '/api/bottlenecks',
  'case': '/api/case',
  'cases-arrow': '/api/cases.arrow',
  'cases': '/api/cases',
  'change-point': '/api/change-point',
  'cohorts': '/api/cohorts',
  'compare-evidence': '/api/compare/evidence',
  'compare-values': '/api/compare/values',
  'compare': '/api/compare',
  'conformance': '/api/conformance',
  'cutover-default': '/api/cutover-default',
  'dso': '/api/dso',
  'event-logs': '/api/event-logs',
  'filters': '/api/filters',
  'funnel-cohorts': '/api/funnel/cohorts',
  'funnel': '/api/funnel',
  'kpis': '/api/kpis',
  'links': '/api/links',
  'log-overview': '/api/log-overview',
  'mix': '/api/mix',
  'pipeline': '/api/pipeline',
  'process-map-cases': '/api/process-map/cases',
  'process-map': '/api/process-map',
  'quality': '/api/quality',
  'status': '/api/status',
  'survival': '/api/survival',
  'transitions': '/api/transitions',
  'trends': '/api/trends',
  'variants': '/api/variants',
};
