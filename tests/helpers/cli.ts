/** Runs the real `ltc` command line in a child process. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url));

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function ltc(args: readonly string[], env: Record<string, string> = {}, root = ROOT): CliResult {
  const result = spawnSync(process.execPath, [TSX, 'app/cli/main.ts', ...args], {
    cwd: root, encoding: 'utf8', env: { ...process.env, ...env },
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export function ltcJson<T = Record<string, unknown>>(args: readonly string[], env: Record<string, string> = {}): T {
  const result = ltc([...args, '--json'], env);
  if (result.code !== 0) throw new Error(`ltc ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}
