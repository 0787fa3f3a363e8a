/**
 * The child process of a workbook's conversion (xlsx-apart.ts): receives one request over IPC —
 * the workbook, its name, the folder for the sheets' CSVs and the budget left — converts it with
 * workbookEntries, answers with the entries and what it wrote (or the error), and exits. It exits
 * too when its parent goes away, so a killed import leaves no conversion running.
 */
import { ImportError } from './errors.ts';
import { UnpackBudget } from './unpack-budget.ts';
import { workbookEntries } from './xlsx.ts';
import type { ConversionReply, ConversionRequest } from './xlsx-apart.ts';

process.on('disconnect', () => process.exit(1));

process.once('message', (request: ConversionRequest) => {
  void convert(request).then((reply) => process.send!(reply, () => process.exit(0)));
});

async function convert({ path, name, dir, left }: ConversionRequest): Promise<ConversionReply> {
  const budget = new UnpackBudget(left.bytes, left.entries);
  try {
    const entries = await workbookEntries(path, name, dir, budget);
    const spent = budget.left;
    return { entries, written: left.bytes - spent.bytes, counted: spent.entries };
  } catch (error) {
    if (error instanceof ImportError) return { refused: { file: error.file, reasons: error.reasons, line: error.line, column: error.column } };
    return { failed: error instanceof Error ? error.message : String(error) };
  }
}
