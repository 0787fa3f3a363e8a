/** `ltc quality`, GET /api/quality: records whose numbers cannot be true (docs/quality.md); the whole workspace. */
import { defineAnalysis } from '../analysis/define.ts';
import { text } from '../analysis/params.ts';
import { quality } from '../quality.ts';

export default defineAnalysis({
  name: 'quality',
  summary: 'data quality: timelines that run backwards, absurd durations, future or placeholder dates, overpaid invoices',
  params: { limit: text('N', 'examples per check, 0 to 1000 (default 10)') },
  run: (db, p) => quality(db, { limit: p.limit }),
});
