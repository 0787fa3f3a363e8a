/** `ltc case ID`, GET /api/case?id=: one case's milestones and every record in it, in time order. */
import { defineAnalysis } from '../analysis/define.ts';
import { NotFound } from '../analysis/errors.ts';
import { required, text } from '../analysis/params.ts';
import { caseTimeline } from '../case-timeline.ts';
import { sayAll } from '../messages/catalogue.ts';
import { ANALYSIS_ERRORS } from '../messages/errors.ts';

export default defineAnalysis({
  name: 'case',
  summary: "one case's milestones and every record in it, in time order (ID: a case, order or opportunity id)",
  params: {
    id: required(text('ID', 'a case id (a lead id, order:<id>, opportunity:<id>) or an order or opportunity id', { positional: true }),
      ANALYSIS_ERRORS.caseIdExample),
  },
  async run(db, p) {
    const timeline = await caseTimeline(db, p.id);
    if (timeline === null) throw new NotFound(sayAll(ANALYSIS_ERRORS, 'noCase', { id: p.id }));
    return timeline;
  },
});
