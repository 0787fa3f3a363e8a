/** GET /api/links (and `ltc links`): how well the records link up, by id and by match. */
import { defineAnalysis } from '../analysis/define.ts';
import { PERIOD, periodOf } from '../analysis/params.ts';
import { linkQuality } from '../links.ts';

export default defineAnalysis({
  name: 'links',
  summary: 'link quality: orders traced to a lead (by id, by match), orphans, ids that point nowhere, inferred links',
  // `ltc links` also suggests, accepts and rejects links: app/cli/commands/links.ts
  command: false,
  // Links hold whatever the moment: the period and the filters choose the records.
  params: { from: PERIOD.from, to: PERIOD.to, where: PERIOD.where },
  run: (db, p) => linkQuality(db, periodOf(p)),
});
