/** `ltc links`, `ltc cases`, `ltc case ID`: link quality (and links by matching), the cases list and one case's timeline. */
import { caseTimeline } from '../../../models/case-timeline.ts';
import { caseListOptions, listCases } from '../../../models/cases.ts';
import { linkQuality } from '../../../models/links.ts';
import { UsageError } from '../../../models/period.ts';
import { PERIOD_OPTIONS, periodOptions, withDb, type Command } from '../command.ts';
import { formatDays, formatRatio, table } from '../format.ts';
import { LINK_SUBCOMMANDS, runLinkMatching } from './links-match.ts';

export const commands: Record<string, Command> = {

  links: {
    args: '[--from D] [--to D] [--where K=V] | suggest [--min-confidence C] | accept (--min-confidence C | ID…) | reject ID…',
    summary: 'link quality: orders traced to a lead (by id, by match), orphans, ids that point nowhere, inferred links; '
      + 'suggest / accept / reject links between records that share no id',
    options: { from: PERIOD_OPTIONS!.from, to: PERIOD_OPTIONS!.to, where: PERIOD_OPTIONS!.where, 'min-confidence': { type: 'string' } },
    async run(context) {
      const [sub] = context.positionals;
      if (sub !== undefined) {
        if (!(LINK_SUBCOMMANDS as readonly string[]).includes(sub)) {
          throw new UsageError(`unknown links subcommand "${sub}": use suggest, accept or reject`);
        }
        return runLinkMatching(context);
      }
      if (context.values['min-confidence'] !== undefined) throw new UsageError('--min-confidence belongs to links suggest or links accept');
      const result = await withDb(context, (db) => linkQuality(db, periodOptions(context.values)));
      if (context.json) {
        context.out(JSON.stringify(result));
        return 0;
      }
      const o = result.orders;
      context.out(`orders traced to a lead: ${o.traced_to_lead} of ${o.total} (${formatRatio(o.traced_to_lead_share)})`
        + ` — through an opportunity ${o.through_opportunity}, through a lead naming the opportunity ${o.through_lead_opportunity_id},`
        + ` by the order's lead_id ${o.through_lead_id}; inferred ${o.inferred}`);
      context.out(`orders traced by id: ${o.traced_by_id}; by match: ${o.traced_by_match}`
        + ` (invoices to their order by id: ${result.invoices.traced_by_id}; by match: ${result.invoices.traced_by_match})`);
      context.out(`orders traced only to an opportunity without lead: ${o.opportunity_only} (${formatRatio(o.opportunity_only_share)})`);
      context.out(`orders traced to nothing: ${o.untraced} (${formatRatio(o.untraced_share)})`);
      const p = result.opportunities;
      context.out(`opportunities traced to a lead: ${p.traced_to_lead} of ${p.total} (${formatRatio(p.traced_to_lead_share)}); inferred ${p.inferred}\n`);
      context.out(table(['orphans', 'count', 'of', 'share', 'examples'], result.orphans.map((r) => [
        r.label, String(r.count), String(r.total), formatRatio(r.share), r.examples.join(' '),
      ])));
      context.out('');
      context.out(table(['link', 'points nowhere', 'of', 'examples'], result.dangling.filter((d) => d.total > 0).map((d) => [
        `${d.table}.${d.field} → ${d.target}${d.target_loaded ? '' : ' (not loaded)'}`, String(d.count), String(d.total),
        d.examples.map((e) => `${e.id}→${e.value}`).join(' '),
      ])));
      if (result.inferred.examples.length > 0) {
        context.out(`\ninferred links (a lead names the opportunity): ${result.inferred.examples.map((e) => `${e.id}→${e.lead_id}`).join(' ')}`);
      }
      return 0;
    },
  },


  cases: {
    args: '[--search TEXT] [--sort slowest|newest|waiting] [--status open|paid|lost] [--milestone M] [--limit N] [--offset N] [--from D] [--to D] [--as-of D] [--where K=V]',
    summary: 'the cases, slowest first: milestones reached, status, lead-to-cash days or age',
    options: {
      ...PERIOD_OPTIONS, search: { type: 'string' }, sort: { type: 'string' }, status: { type: 'string' },
      milestone: { type: 'string' }, limit: { type: 'string' }, offset: { type: 'string' },
    },
    async run(context) {
      const v = context.values as Record<string, string | undefined>;
      const options = { ...periodOptions(context.values), ...caseListOptions(v) };
      const result = await withDb(context, (db) => listCases(db, options));
      if (context.json) {
        context.out(JSON.stringify(result));
        return 0;
      }
      if (result.cases.length === 0) {
        context.out(result.total === 0 ? 'no cases match' : `no cases on this page: ${result.total} match, from offset 0 to ${result.total - 1}`);
        return 0;
      }
      context.out(`${result.total} case${result.total === 1 ? '' : 's'} as of ${result.as_of ?? '–'} · ${result.sort} first · ${result.offset + 1}–${result.offset + result.cases.length}\n`);
      context.out(table(['case', 'origin', 'orders', 'account', 'current milestone', 'status', 'days', 'waiting'], result.cases.map((c) => [
        c.case_id, c.origin, c.order_ids.join(' '), c.account_name ?? c.account_id ?? '', c.current_milestone ?? '', c.status,
        formatDays(c.days), c.waiting_days === null ? '' : formatDays(c.waiting_days),
      ])));
      return 0;
    },
  },


  case: {
    args: 'ID',
    summary: "one case's milestones and every record in it, in time order (ID: a case, order or opportunity id)",
    options: {},
    async run(context) {
      const [id, ...extra] = context.positionals;
      if (!id || extra.length > 0) throw new UsageError('name one case id (a lead id, order:<id>, opportunity:<id>, or an order or opportunity id)');
      const result = await withDb(context, (db) => caseTimeline(db, id));
      if (result === null) throw new Error(`no case "${id}": it is not a case, order or opportunity id in this database`);
      if (context.json) {
        context.out(JSON.stringify(result));
        return 0;
      }
      const c = result.case;
      context.out(`case ${c.case_id} (origin ${c.origin}) · ${c.status}`
        + (c.status === 'paid' ? ` in ${formatDays(c.cycle_days)}` : c.status === 'open' ? ` for ${formatDays(c.age_days)}` : '')
        + ` · ${[c.account_name ?? c.account_id, c.source, c.owner, c.region, c.segment].filter(Boolean).join(' · ')}\n`);
      context.out(table(['milestone', 'at'], result.milestones.map((m) => [m.label, m.at ?? '–'])));
      context.out('');
      context.out(table(['at', 'record', 'event', 'amount', 'linked by'], result.events.map((e) => [
        e.at, e.lane, e.activity, e.amount === null ? '' : String(e.amount), e.link,
      ])));
      return 0;
    },
  },
};
