/** `ltc case ID`, GET /api/case?id=: one case's milestones and every record in it, in time order. */
import { defineAnalysis } from '../analysis/define.ts';
import { NotFound } from '../analysis/errors.ts';
import { required, text } from '../analysis/params.ts';
import { caseTimeline } from '../case-timeline.ts';

export default defineAnalysis({
  name: 'case',
  summary: "one case's milestones and every record in it, in time order (ID: a case, order or opportunity id)",
  params: {
    id: required(text('ID', 'a case id (a lead id, order:<id>, opportunity:<id>) or an order or opportunity id', { positional: true }),
      'a case id (a lead id, order:<id>, opportunity:<id>, or an order or opportunity id)'),
  },
  async run(db, p) {
    const timeline = await caseTimeline(db, p.id);
    if (timeline === null) throw new NotFound(`no case "${p.id}": it is not a case, order or opportunity id in this database`);
    return timeline;
  },
});
