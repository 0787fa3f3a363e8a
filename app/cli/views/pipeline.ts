/** `ltc pipeline`: the open pipeline by owner and stage, and the opportunity funnel by stage. */
import pipelineAnalysis from '../../../models/analyses/pipeline.ts';
import { pipeline, type PipelineGroup } from '../../../models/pipeline.ts';
import { textView } from '../command.ts';
import { table } from '../table.ts';
import { amount, MISSING, percent } from '../../../models/messages/format.ts';

/** A summed amount, or — when none of the opportunities has one (open deals often carry no value yet). */
const summed = (g: Pick<PipelineGroup, 'amount' | 'count' | 'without_amount'>) => (g.count > 0 && g.without_amount === g.count ? MISSING : amount(g.amount));

const groupRows = (groups: readonly PipelineGroup[], none: string) => groups.map((g) => [
  g.key ?? none, String(g.count), summed(g), g.undated > 0 ? String(g.undated) : '',
]);

export const views = {
  pipeline: textView(pipelineAnalysis, {
    text(result, context) {
      if (!result.available) {
        context.out('no opportunities loaded: import an opportunity or deal export first');
        return 0;
      }
      const { open, funnel } = result;
      context.out(`as of ${result.as_of ?? MISSING} · open: ${open.count} opportunities, amount ${summed(open)}`
        + (open.undated > 0 ? ` · ${open.undated} open opportunities without a date` : '') + '\n');
      context.out(table(['stage', 'open', 'amount', 'undated'], groupRows(result.by_stage, '(no stage)')));
      context.out('');
      context.out(table(['owner', 'open', 'amount', 'undated'], groupRows(result.by_owner, '(no owner)')));
      context.out(`\nopportunity funnel (${funnel.basis === 'stage_history' ? 'stage history' : 'current stage'}):`);
      context.out(table(['step', 'opportunities', 'amount', 'step', 'cumulative'], funnel.steps.map((s) => [
        s.label, String(s.count), amount(s.amount), percent(s.step_conversion), percent(s.cumulative_conversion),
      ])));
      context.out(`lost: ${funnel.lost.count} (amount ${amount(funnel.lost.amount)})`);
      context.out(funnel.note);
      return 0;
    },
  }),
};
