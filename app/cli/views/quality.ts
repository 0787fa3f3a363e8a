/** `ltc quality`: the records whose numbers cannot be right, check by check (docs/quality.md). */
import qualityAnalysis from '../../../models/analyses/quality.ts';
import { examplesLimit, quality, type QualityCheck, type QualityExample } from '../../../models/quality.ts';
import { textView } from '../command.ts';
import { cents, daysWithUnit } from '../../../models/messages/format.ts';
import { table } from '../table.ts';

export const views = {
  quality: textView(qualityAnalysis, {
    text(result, context) {
      context.out(result.problems === 0
        ? 'data quality: no problems found (the whole workspace; filters do not apply)\n'
        : `data quality: ${result.problems} finding(s) in ${result.failing_checks} of ${result.checks.length} checks (the whole workspace; filters do not apply)\n`);
      context.out(table(['findings', 'check', 'code'], result.checks.map((c) => [String(c.count), c.title, c.code])));
      for (const check of result.checks.filter((c) => c.count > 0 && c.examples.length > 0)) {
        context.out(`\n${check.title} (${check.code}): ${check.count}`);
        context.out(`  ${check.explanation}`);
        for (const e of check.examples) context.out(`  ${describe(check, e)}`);
        if (check.count > check.examples.length) context.out(`  … and ${check.count - check.examples.length} more (--limit N lists more)`);
      }
      return 0;
    },
  }),
};

/** One finding in a line: the record, its value, and what it was checked against. */
function describe(check: QualityCheck, e: QualityExample): string {
  const record = `${e.table} ${e.id} ${e.field} ${e.value}`;
  const inCase = e.case_id === null ? ' (in no case)' : ` (case ${e.case_id})`;
  if (e.other_value === null || e.difference === null) return record + inCase;
  const other = `${e.other_table} ${e.other_id} ${e.other_field} ${e.other_value}`;
  if (check.unit === 'amount') return `${record}, paid ${e.other_value} by ${e.other_table} ${e.other_id}: ${cents(e.difference)} more${inCase}`;
  if (check.code === 'date_in_future') return `${record}: ${daysWithUnit(e.difference, 'en')} after its file was imported (batch ${e.other_id}, ${e.other_value})${inCase}`;
  const span = e.difference < 0 ? `${daysWithUnit(Math.abs(e.difference), 'en')} before` : `${daysWithUnit(e.difference, 'en')} after`;
  return `${record}: ${span} ${other}${inCase}`;
}
