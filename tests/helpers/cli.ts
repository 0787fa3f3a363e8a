/**
 * Runs the real `ltc` command line in a child process, as `bin/ltc.js` of the checkout given: the
 * compiled CLI of dist/cli (built before the suite by tests/helpers/compiled-cli.ts), or the sources
 * through tsx where that checkout's build is missing or stale, or with `LTC_FROM_SOURCE=1`.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function ltc(args: readonly string[], env: Record<string, string> = {}, root = ROOT): CliResult {
  const result = spawnSync(process.execPath, ['bin/ltc.js', ...args], {
    cwd: root, encoding: 'utf8', env: { ...process.env, ...env },
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export function ltcJson<T = Record<string, unknown>>(args: readonly string[], env: Record<string, string> = {}): T {
  const result = ltc([...args, '--json'], env);
  if (result.code !== 0) throw new Error(`ltc ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}
