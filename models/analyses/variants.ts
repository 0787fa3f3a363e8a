/** `ltc variants`, GET /api/variants: the activity sequences of the cases, most frequent first. */
import { defineAnalysis } from '../analysis/define.ts';
import { EVENT_LOG, PERIOD_NO_WINDOW, periodOf, whole } from '../analysis/params.ts';
import { variants } from '../variants.ts';

export default defineAnalysis({
  name: 'variants',
  summary: 'activity sequences of the cases, most frequent first, with their durations',
  params: { ...PERIOD_NO_WINDOW, log: EVENT_LOG, top: whole('keep the N most frequent variants') },
  run: (db, p) => variants(db, { ...periodOf(p), log: p.log, top: p.top }),
});
