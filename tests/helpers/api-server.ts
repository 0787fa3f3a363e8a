/** The dashboard's HTTP server on a test workspace: loopback, a free port, no built pages. */
import type { Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../app/server/server.ts';
import type { Database } from '../../models/db/database.ts';

export interface ApiServer {
  readonly server: Server;
  readonly port: number;
  /** http://127.0.0.1:<port> */
  readonly base: string;
  /** Stops listening, waits for the workspace's last query, closes `closeDb` when given. */
  stop(closeDb?: Database): Promise<void>;
}

export async function apiServer(db: Database, token?: string): Promise<ApiServer> {
  const server = await startServer({ db, port: 0, host: '127.0.0.1', webRoot: mkdtempSync(join(tmpdir(), 'ltc-noweb-')), token });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    server, port, base: `http://127.0.0.1:${port}`,
    stop: (closeDb) => new Promise<void>((resolve) => server.close(() => {
      void db.idle().then(() => {
        closeDb?.close();
        resolve();
      });
    })),
  };
}
