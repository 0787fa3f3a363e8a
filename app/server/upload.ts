/** Streams an upload to a private temporary file, refusing bodies over the size limit. */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

export class UploadTooLarge extends Error {}

export interface Upload {
  readonly path: string;
  readonly bytes: number;
  dispose(): Promise<void>;
}

export async function receiveUpload(req: IncomingMessage, limit = MAX_UPLOAD_BYTES): Promise<Upload> {
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
          req.destroy();
          out.destroy();
          reject(new UploadTooLarge(`the file is larger than the upload limit of ${limit / 1024 / 1024} MB`));
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
