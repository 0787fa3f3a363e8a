/** GET /api/bottlenecks (and `ltc bottlenecks`): days per transition, cases waiting, slower segments, the bottleneck. */
import { defineAnalysis } from '../analysis/define.ts';
import { PERIOD_NO_WINDOW, periodOf } from '../analysis/params.ts';
import { bottlenecks } from '../bottlenecks.ts';

export default defineAnalysis({
  name: 'bottlenecks',
  summary: 'days spent per transition, cases waiting, slower segments, the bottleneck',
  // `ltc bottlenecks` also lists the slow cases (--transition, --cases): app/cli/commands/bottlenecks.ts
  command: false,
  params: PERIOD_NO_WINDOW,
  run: (db, p) => bottlenecks(db, periodOf(p)),
});
