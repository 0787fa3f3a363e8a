/** `ltc serve` (or `ltc start`) as a child process of its own, for tests that watch it from outside (memory, kills, stops). */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Served {
  /** the process spawned (node itself for serveProcess, npm for npmStart) */
  readonly pid: number;
  readonly port: number;
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends `signal` to the process group: SIGKILL unless told; SIGTERM or SIGINT stops it cleanly. */
  kill(signal?: NodeJS.Signals): void;
  /** What it wrote on stderr so far. */
  stderr(): string;
  /** Resolves once every process of its group has ended (the workspace is no longer held). */
  gone(): Promise<void>;
}

/** `ltc serve --db DB --port 0` (bin/ltc.js, as tests/helpers/cli.ts runs it) in its own process group, `env` added to ours; resolves once it listens. */
export function serveProcess(db: string, env: NodeJS.ProcessEnv = {}, root = ROOT): Promise<Served> {
  return listening(process.execPath, ['bin/ltc.js', 'serve', '--db', db, '--port', '0'], env, root);
}

/** `npm run ltc -- start` (npm → sh → node bin/ltc.js), in a process group of its own as a terminal runs `npm start`. */
export function npmStart(db: string, env: NodeJS.ProcessEnv = {}): Promise<Served> {
  return listening('npm', ['run', '--silent', 'ltc', '--', 'start', '--db', db, '--port', '0'], env);
}

async function listening(command: string, args: readonly string[], env: NodeJS.ProcessEnv, root = ROOT): Promise<Served> {
  const child = spawn(command, args, {
    cwd: root, detached: true, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env },
  });
  const exit = once(child, 'exit').then(([code, signal]) => ({ code: code as number | null, signal: signal as NodeJS.Signals | null }));
  let stderr = '';
  const port = await new Promise<number>((resolve, reject) => {
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const found = /http:\/\/127\.0\.0\.1:(\d+)/.exec(stderr);
      if (found) resolve(Number(found[1]));
    });
    void exit.then(() => reject(new Error(`${args.join(' ')} ended before listening: ${stderr}`)));
  });
  const group = -child.pid!;
  return {
    pid: child.pid!, port, exit,
    kill: (signal = 'SIGKILL') => process.kill(group, signal),
    stderr: () => stderr,
    gone: async () => {
      for (;;) {
        try {
          process.kill(group, 0);
        } catch {
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}
