/** `ltc cases`, `ltc case ID`: the cases list and one case's timeline, as text. */
import casesAnalysis from '../../../models/analyses/cases.ts';
import caseAnalysis from '../../../models/analyses/case.ts';
import { textView } from '../command.ts';
import { table } from '../table.ts';
import { daysWithUnit, MISSING } from '../../../models/messages/format.ts';

export const views = {
  cases: textView(casesAnalysis, {
    text(result, context) {
      if (result.cases.length === 0) {
        context.out(result.total === 0 ? 'no cases match' : `no cases on this page: ${result.total} match, from offset 0 to ${result.total - 1}`);
        return 0;
      }
      context.out(`${result.total} case${result.total === 1 ? '' : 's'} as of ${result.as_of ?? MISSING} · ${result.sort} first · ${result.offset + 1}–${result.offset + result.cases.length}\n`);
      context.out(table(['case', 'origin', 'orders', 'account', 'current milestone', 'status', 'days', 'waiting'], result.cases.map((c) => [
        c.case_id, c.origin, c.order_ids.join(' '), c.account_name ?? c.account_id ?? '', c.current_milestone ?? '', c.status,
        daysWithUnit(c.days, 'en'), c.waiting_days === null ? '' : daysWithUnit(c.waiting_days, 'en'),
      ])));
      return 0;
    },
  }),


  case: textView(caseAnalysis, {
    text(result, context) {
      const c = result.case;
      context.out(`case ${c.case_id} (origin ${c.origin}) · ${c.status}`
        + (c.status === 'paid' ? ` in ${daysWithUnit(c.cycle_days, 'en')}` : c.status === 'open' ? ` for ${daysWithUnit(c.age_days, 'en')}` : '')
        + ` · ${[c.account_name ?? c.account_id, c.source, c.owner, c.region, c.segment].filter(Boolean).join(' · ')}\n`);
      context.out(table(['milestone', 'at'], result.milestones.map((m) => [m.label, m.at ?? MISSING])));
      context.out('');
      context.out(table(['at', 'record', 'event', 'amount', 'linked by'], result.events.map((e) => [
        e.at, e.lane, e.activity, e.amount === null ? '' : String(e.amount), e.link,
      ])));
      return 0;
    },
  }),
};
