/**
 * A process that works on a workspace and is killed (SIGKILL, by itself) at a chosen moment, for
 * the crash tests. Run as `node --import tsx crash-child.ts PLAN_JSON`; PLAN_JSON is a CrashPlan.
 * It kills itself only where the plan says: the workspace is then as a crash would leave it.
 */
import { materialize } from '../../models/materialize.ts';
import { importAndRebuild, openWorkspace, undoAndRebuild } from '../../app/workspace.ts';

export type CrashStep =
  | { readonly import: readonly string[]; readonly materialize?: boolean; readonly killBeforeFile?: number }
  | { readonly undo: number }
  | { readonly materialize: true };

export interface CrashPlan {
  readonly db: string;
  readonly steps: readonly CrashStep[];
}

const die = (): never => {
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable');
};

const plan = JSON.parse(process.argv[2]) as CrashPlan;
const db = await openWorkspace(plan.db);
for (const step of plan.steps) {
  if ('import' in step) {
    const { files } = await importAndRebuild(db, step.import.map((path) => ({ path, name: path.split('/').pop()! })), {
      materialize: step.materialize,
      // Called as each file starts: the files before it are committed, the session is not over.
      onFile: (index) => { if (index === step.killBeforeFile) die(); },
    });
    const failed = files.filter((f) => f.error);
    if (failed.length) throw new Error(failed.map((f) => f.error).join('\n'));
  } else if ('undo' in step) {
    await undoAndRebuild(db, step.undo);
  } else {
    await materialize(db);
  }
}
die();
