/** `ltc serve` as a child process of its own, for tests that watch it from outside (memory, kills). */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Served {
  /** the server's own process (node itself, not a shell) */
  readonly pid: number;
  readonly port: number;
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends `signal` to the server's process group: SIGKILL unless told, SIGTERM stops it cleanly. */
  kill(signal?: NodeJS.Signals): void;
}

/** `ltc serve --db DB --port 0` in its own process group, `env` added to ours; resolves once it listens. */
export async function serveProcess(db: string, env: NodeJS.ProcessEnv = {}): Promise<Served> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'app/cli/main.ts', 'serve', '--db', db, '--port', '0'], {
    cwd: ROOT, detached: true, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env },
  });
  const exit = once(child, 'exit').then(([code, signal]) => ({ code: code as number | null, signal: signal as NodeJS.Signals | null }));
  let stderr = '';
  const port = await new Promise<number>((resolve, reject) => {
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const found = /http:\/\/127\.0\.0\.1:(\d+)/.exec(stderr);
      if (found) resolve(Number(found[1]));
    });
    void exit.then(() => reject(new Error(`ltc serve ended before listening: ${stderr}`)));
  });
  return { pid: child.pid!, port, exit, kill: (signal = 'SIGKILL') => process.kill(-child.pid!, signal) };
}
