/**
 * `ltc links suggest | accept | reject`: links by matching between records that share no id
 * (docs/linking.md#links-by-matching). Subcommands of `ltc links` (cases.ts), which hands them here.
 */
import { UsageError } from '../../../models/analysis/errors.ts';
import type { Decision } from '../../../models/stitch/decide.ts';
import { describeAll } from '../../../models/stitch/evidence-text.ts';
import { suggestLinks, type LinkSuggestion } from '../../../models/stitch/suggest.ts';
import { withDb, type CommandContext } from '../command.ts';
import { table } from '../table.ts';
import { decideAndRebuild } from '../../workspace.ts';
import { sayAll } from '../../../models/messages/catalogue.ts';
import { CLI_ERRORS } from '../../../models/messages/cli-errors.ts';

export const LINK_SUBCOMMANDS = ['suggest', 'accept', 'reject'] as const;

/** --min-confidence as a number from 0 to 1, or undefined when not given. */
function minConfidence(context: CommandContext): number | undefined {
  const raw = context.values['min-confidence'];
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (String(raw).trim() === '' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new UsageError(sayAll(CLI_ERRORS, 'minConfidence', { value: String(raw) }));
  }
  return value;
}

const pairText = (s: LinkSuggestion) => `${s.from_table} ${s.from_id} → ${s.to_table} ${s.to_id}`;

function printSuggestions(context: CommandContext, suggestions: readonly LinkSuggestion[]): void {
  if (suggestions.length === 0) {
    context.out('no link suggestions: every order reaches an opportunity and every invoice an order by id, '
      + 'or no pair shares a customer name, amount or date (load the CRM and ERP exports, then ask again)');
    return;
  }
  context.out(table(['id', 'confidence', 'link', 'evidence'], suggestions.map((s) => [
    s.id, `${s.confidence.toFixed(3)}${s.ambiguous ? ' ambiguous' : ''}`, pairText(s), describeAll(s.evidence),
  ])));
}

export async function runLinkMatching(context: CommandContext): Promise<number> {
  const [sub, ...ids] = context.positionals;
  const min = minConfidence(context);
  if (sub === 'suggest') {
    if (ids.length > 0) throw new UsageError(sayAll(CLI_ERRORS, 'suggestTakesNoIds', { ids: ids.join(' ') }));
    const suggestions = await withDb(context, (db) => suggestLinks(db, { minConfidence: min }));
    if (context.json) context.out(JSON.stringify({ suggestions }));
    else printSuggestions(context, suggestions);
    return 0;
  }
  const decision: Decision = sub === 'accept' ? 'accepted' : 'rejected';
  if (sub === 'reject' && min !== undefined) throw new UsageError(sayAll(CLI_ERRORS, 'rejectTakesIds'));
  if (ids.length > 0 && min !== undefined) throw new UsageError(sayAll(CLI_ERRORS, 'idsOrMinConfidence', { sub }));
  if (ids.length === 0 && min === undefined) {
    throw new UsageError(sayAll(CLI_ERRORS, sub === 'accept' ? 'acceptNeeds' : 'rejectNeeds'));
  }
  const result = await withDb(context, (db) => decideAndRebuild(db, decision, { ids, minConfidence: min }));
  if (context.json) {
    context.out(JSON.stringify(result));
    return 0;
  }
  if (result.batch_id === null) {
    context.out(`nothing to ${sub}: no open suggestion at or above ${min}`);
    return 0;
  }
  context.out(`${decision} ${result.links.length} link${result.links.length === 1 ? '' : 's'} as batch ${result.batch_id} (ltc undo ${result.batch_id} takes ${result.links.length === 1 ? 'it' : 'them'} back)`);
  for (const link of result.links) context.out(`  ${link.id}  ${pairText(link)}`);
  return 0;
}
