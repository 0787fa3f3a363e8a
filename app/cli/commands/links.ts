/** `ltc links`: link quality (GET /api/links), and links by matching between records that share no id (links-match.ts). */
import linksAnalysis from '../../../models/analyses/links.ts';
import { UsageError } from '../../../models/analysis/errors.ts';
import { cliOptions, readCliParams, withDb, type Command } from '../command.ts';
import { table } from '../table.ts';
import { LINK_SUBCOMMANDS, runLinkMatching } from './links-match.ts';
import { sayAll } from '../../../models/messages/catalogue.ts';
import { CLI_ERRORS } from '../../../models/messages/cli-errors.ts';
import { percent } from '../../../models/messages/format.ts';

export const commands: Record<string, Command> = {

  links: {
    args: '[--from D] [--to D] [--where K=V] | suggest [--min-confidence C] | accept (--min-confidence C | ID…) | reject ID…',
    summary: 'link quality: orders traced to a lead (by id, by match), orphans, ids that point nowhere, inferred links; '
      + 'suggest / accept / reject links between records that share no id',
    options: { ...cliOptions(linksAnalysis.params), 'min-confidence': { type: 'string' } },
    async run(context) {
      const [sub] = context.positionals;
      if (sub !== undefined) {
        if (!(LINK_SUBCOMMANDS as readonly string[]).includes(sub)) {
          throw new UsageError(sayAll(CLI_ERRORS, 'linksSubcommand', { value: sub }));
        }
        return runLinkMatching(context);
      }
      if (context.values['min-confidence'] !== undefined) throw new UsageError(sayAll(CLI_ERRORS, 'minConfidenceBelongs'));
      const params = readCliParams(linksAnalysis.params, { ...context, positionals: [] });
      const result = await withDb(context, (db) => linksAnalysis.run(db, params));
      if (context.json) {
        context.out(JSON.stringify(result));
        return 0;
      }
      const o = result.orders;
      context.out(`orders traced to a lead: ${o.traced_to_lead} of ${o.total} (${percent(o.traced_to_lead_share)})`
        + ` — through an opportunity ${o.through_opportunity}, through a lead naming the opportunity ${o.through_lead_opportunity_id},`
        + ` by the order's lead_id ${o.through_lead_id}; inferred ${o.inferred}`);
      context.out(`orders traced by id: ${o.traced_by_id}; by match: ${o.traced_by_match}`
        + ` (invoices to their order by id: ${result.invoices.traced_by_id}; by match: ${result.invoices.traced_by_match})`);
      context.out(`orders traced only to an opportunity without lead: ${o.opportunity_only} (${percent(o.opportunity_only_share)})`);
      context.out(`orders traced to nothing: ${o.untraced} (${percent(o.untraced_share)})`);
      const p = result.opportunities;
      context.out(`opportunities traced to a lead: ${p.traced_to_lead} of ${p.total} (${percent(p.traced_to_lead_share)}); inferred ${p.inferred}\n`);
      context.out(table(['orphans', 'count', 'of', 'share', 'examples'], result.orphans.map((r) => [
        r.label, String(r.count), String(r.total), percent(r.share), r.examples.join(' '),
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
};
