/** GET /api/bottlenecks/cases (and `ltc bottlenecks --transition T`): the slowest cases of one transition. */
import { defineAnalysis } from '../analysis/define.ts';
import { PERIOD_NO_WINDOW, periodOf, required, text, whole } from '../analysis/params.ts';
import { bottleneckCases } from '../bottlenecks.ts';

export default defineAnalysis({
  name: 'bottleneck-cases',
  path: '/api/bottlenecks/cases',
  summary: 'the slowest cases of one transition',
  command: false,
  params: {
    ...PERIOD_NO_WINDOW,
    transition: required(text('FROM→TO', 'the transition, e.g. order_created→delivered (-> works too)'), 'transition=order_created→delivered'),
    limit: whole('how many cases (default 100)'),
  },
  run: (db, p) => bottleneckCases(db, p.transition, { ...periodOf(p), limit: p.limit }),
});
