/** Serves the built dashboard (dist/web); unknown paths get index.html so pages have their own URLs. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export function staticHandler(root: string) {
  const base = resolve(root);
  return (pathname: string, res: ServerResponse): void => {
    const wanted = normalize(join(base, decodeURIComponent(pathname)));
    const file = wanted.startsWith(base + '/') && existsSync(wanted) && statSync(wanted).isFile() ? wanted : join(base, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('The dashboard is not built yet: run `npm run build` (npm start does it for you).\n');
      return;
    }
    const immutable = file.includes(`${base}/assets/`);
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    createReadStream(file).pipe(res);
  };
}
