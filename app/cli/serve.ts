/** `ltc serve` (a database as it is) and `npm start` (the workspace, with sample data when empty). */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { Database } from '../../models/db/database.ts';
import { writeServerNote } from '../../models/db/instance.ts';
import { PACKAGE_ROOT } from '../../models/package-root.ts';
import { dataFacts } from '../../models/measures.ts';
import { UsageError } from '../../models/analysis/errors.ts';
import { MIN_TOKEN_LENGTH } from '../server/auth.ts';
import { startServer } from '../server/server.ts';
import { importAndRebuild, openWorkspace } from '../workspace.ts';
import { parseAllowedOrigins } from '../server/server-origin.ts';
import type { CommandContext } from './command.ts';
import { sayAll } from '../../models/messages/catalogue.ts';
import { CLI_ERRORS } from '../../models/messages/cli-errors.ts';

const ROOT = PACKAGE_ROOT;
export const SAMPLE_BUNDLE = join(ROOT, 'sample-data', 'bundle');
const WEB_ROOT = join(ROOT, 'dist', 'web');

export async function serve(context: CommandContext, seed = false): Promise<number> {
  const port = Number(context.values.port ?? process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(sayAll(CLI_ERRORS, 'port', { value: String(context.values.port) }));
  const host = (context.values.host as string | undefined) ?? '127.0.0.1';
  if (!['127.0.0.1', 'localhost', '::1'].includes(host) && !process.env.LTC_TOKEN) {
    throw new UsageError(sayAll(CLI_ERRORS, 'hostWithoutToken', { host }));
  }
  const tokenLength = process.env.LTC_TOKEN?.length ?? 0;
  if (!['127.0.0.1', 'localhost', '::1'].includes(host) && tokenLength < MIN_TOKEN_LENGTH) {
    throw new UsageError(sayAll(CLI_ERRORS, 'shortToken', { host, length: String(tokenLength), min: String(MIN_TOKEN_LENGTH) }));
  }
  const allowedOrigins = parseAllowedOrigins(process.env.LTC_ALLOWED_ORIGINS);
  await buildDashboardOnce(context);
  const db = await openWorkspace(context.dbPath);
  for (const note of db.notes) context.err(note);
  if (seed && (await dataFacts(db)).leads === 0) {
    const files = readdirSync(SAMPLE_BUNDLE).filter((f) => f.endsWith('.csv')).sort();
    context.err(`empty workspace: loading the sample data (${files.length} files from sample-data/bundle)…`);
    const report = await importAndRebuild(db, files.map((f) => ({ path: join(SAMPLE_BUNDLE, f), name: f })));
    const failed = report.files.filter((f) => f.error);
    for (const f of failed) context.err(`  ${f.error}`);
  }
  const token = process.env.LTC_TOKEN || undefined;
  const server = await startServer({ db, port, host, webRoot: WEB_ROOT, token, allowedOrigins });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`;
  const forgetNote = writeServerNote(context.dbPath, url);
  context.err(`LTC Lens on ${url} (database ${context.dbPath}) — Ctrl+C to stop`);
  return new Promise<number>((resolve) => stopOnSignal(server, db, context, forgetNote, () => resolve(0)));
}

/**
 * In a checkout (vite and its config at hand; an installed package carries its dist/web: `npm pack`
 * builds it), the dashboard is built here when dist/web is missing — right after `npm install` — or
 * was built from other sources than the checkout's, as after a `git pull`: a stale dashboard would
 * talk to a newer server. Built aside and moved in whole (app/build/web-build.js), so a server
 * starting meanwhile serves one build or the other. A build that fails leaves the API serving, and
 * the pages answering with the build there is, or 503 with what to run.
 */
async function buildDashboardOnce(context: CommandContext): Promise<void> {
  if (!existsSync(join(ROOT, 'vite.config.ts'))) return;
  const built = existsSync(join(WEB_ROOT, 'index.html'));
  const { buildDashboard, dashboardIsCurrent } = await import('../build/web-build.js');
  if (built && dashboardIsCurrent(ROOT)) return;
  try {
    await import('vite');
  } catch {
    return;
  }
  context.err(built ? 'the dashboard\'s sources changed since it was built: building dist/web again…'
    : 'the dashboard is not built yet: building it into dist/web (once)…');
  try {
    await buildDashboard(ROOT);
  } catch (error) {
    // Another server may have moved its build in first: that one is served.
    if (!existsSync(join(WEB_ROOT, 'index.html')) || !dashboardIsCurrent(ROOT)) {
      context.err(`the dashboard could not be built (${error instanceof Error ? error.message.split('\n')[0] : String(error)}): run \`npm run build\``);
    }
  }
}

/**
 * A normal stop (Ctrl+C, SIGTERM, SIGHUP — also when npm passes them on to its process group):
 * no new requests, what is in flight finishes (an import commits or rolls back as a whole), the
 * log is written into the workspace file, then the process ends. A second signal ends it at once:
 * an import still running is then rolled back, as after a crash.
 */
const SAME_STOP_MS = 1000;

function stopOnSignal(server: Server, db: Database, context: CommandContext, forgetAddress: () => void, stopped: () => void): void {
  let stopping = 0;
  const stop = (signal: NodeJS.Signals) => {
    // One Ctrl+C can arrive twice: from the terminal to the whole process group, and passed on by
    // the npm or tsx process above this one.
    if (stopping && Date.now() - stopping < SAME_STOP_MS) return;
    if (stopping) {
      context.err(`${signal} again: stopping now (an import still running is rolled back)`);
      process.exit(130);
    }
    stopping = Date.now();
    context.err('stopping: finishing what is in flight (Ctrl+C again to stop at once)…');
    server.close();
    server.closeIdleConnections();
    // No longer an address to send anyone to; gone before the workspace is let go.
    forgetAddress();
    void db.shutdown().then(
      () => {
        server.closeAllConnections();
        stopped();
        process.exit(0);
      },
      (error: unknown) => {
        context.err(`stopping: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
        process.exit(1);
      },
    );
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, stop);
}

export function startWorkspace(context: CommandContext): Promise<number> {
  return serve(context, true);
}
