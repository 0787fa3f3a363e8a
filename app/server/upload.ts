/** Streams an upload to a private temporary file, refusing bodies over the size limit. */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SaidError, sayAll } from '../../models/messages/catalogue.ts';
import { SERVER_ERRORS } from '../../models/messages/server-errors.ts';

export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

/** The limit: LTC_MAX_UPLOAD_MB when set (a positive number), else 512 MB. */
export function uploadLimit(): number {
  const mb = Number(process.env.LTC_MAX_UPLOAD_MB);
  return Number.isFinite(mb) && mb > 0 ? Math.round(mb * 1024 * 1024) : MAX_UPLOAD_BYTES;
}

const tooLarge = (limit: number) => new UploadTooLarge(sayAll(SERVER_ERRORS, 'uploadTooLarge', { mb: String(+(limit / 1024 / 1024).toFixed(2)) }));

/** A body over the upload limit (HTTP 413). */
export class UploadTooLarge extends SaidError {}

export interface Upload {
  readonly path: string;
  readonly bytes: number;
  dispose(): Promise<void>;
}

export async function receiveUpload(req: IncomingMessage, limit = uploadLimit()): Promise<Upload> {
  // A declared length over the limit is refused before a byte is read.
  if (Number(req.headers['content-length'] ?? 0) > limit) throw tooLarge(limit);
  const dir = await mkdtemp(join(tmpdir(), 'ltc-upload-'));
  // The user's file name never becomes a path: it is only shown in reports.
  const path = join(dir, 'upload');
  const dispose = () => rm(dir, { recursive: true, force: true });
  let bytes = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const out = createWriteStream(path);
      req.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes > limit) {
          // Stop writing; the answer (413) closes the connection (server.ts).
          req.unpipe(out);
          out.destroy();
          reject(tooLarge(limit));
        }
      });
      req.on('error', reject);
      out.on('error', reject);
      out.on('finish', resolve);
      req.pipe(out);
    });
  } catch (error) {
    await dispose();
    throw error;
  }
  return { path, bytes, dispose };
}
