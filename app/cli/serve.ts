/** `ltc serve` (a database as it is) and `npm start` (the workspace, with sample data when empty). */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../models/db/database.ts';
import { dataFacts } from '../../models/measures.ts';
import { UsageError } from '../../models/period.ts';
import { importFiles } from '../../ingest/import-files.ts';
import { startServer } from '../server/server.ts';
import type { CommandContext } from './command.ts';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const SAMPLE_BUNDLE = join(ROOT, 'sample-data', 'bundle');

export async function serve(context: CommandContext, seed = false): Promise<number> {
  const port = Number(context.values.port ?? process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, not "${context.values.port}"`);
  const host = (context.values.host as string | undefined) ?? '127.0.0.1';
  if (!['127.0.0.1', 'localhost', '::1'].includes(host) && !process.env.LTC_TOKEN) {
    throw new UsageError(`refusing to listen on ${host} without LTC_TOKEN: set LTC_TOKEN to require a bearer token, or keep the default 127.0.0.1`);
  }
  const db = await openDatabase(context.dbPath);
  if (seed && (await dataFacts(db)).leads === 0) {
    const files = readdirSync(SAMPLE_BUNDLE).filter((f) => f.endsWith('.csv')).sort();
    context.err(`empty workspace: loading the sample data (${files.length} files from sample-data/bundle)…`);
    const report = await importFiles(db, files.map((f) => ({ path: join(SAMPLE_BUNDLE, f), name: f })));
    const failed = report.files.filter((f) => f.error);
    for (const f of failed) context.err(`  ${f.error}`);
  }
  const token = process.env.LTC_TOKEN || undefined;
  const server = await startServer({ db, port, host, webRoot: join(ROOT, 'dist', 'web'), token });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  context.err(`LTC Lens on http://${host.includes(':') ? `[${host}]` : host}:${actualPort} (database ${context.dbPath}) — Ctrl+C to stop`);
  const stop = () => {
    server.close();
    db.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return new Promise<number>(() => undefined);
}

export function startWorkspace(context: CommandContext): Promise<number> {
  return serve(context, true);
}
