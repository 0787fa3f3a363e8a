/**
 * Text encodings: detected from the bytes, never asked. UTF-8 (with or without BOM) is read as it
 * is; UTF-16 LE/BE (Excel "Unicode text"), GB18030/GBK (Excel in China) and Windows-1252 are
 * transcoded to a UTF-8 temp file with iconv-lite, streamed, so DuckDB's reader can take them.
 */
import { createReadStream, createWriteStream, openSync, readSync, closeSync } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'windows-1252';

const SAMPLE_BYTES = 1 << 20;

export function readHead(path: string, bytes = SAMPLE_BYTES): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const read = readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

export function detectEncoding(head: Buffer): Encoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const pairs = Math.min(head.length >> 1, 4096);
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < pairs; i++) {
    if (head[2 * i] === 0) evenNul++;
    if (head[2 * i + 1] === 0) oddNul++;
  }
  if (pairs > 8 && oddNul > pairs * 0.3 && evenNul < pairs * 0.05) return 'utf-16le';
  if (pairs > 8 && evenNul > pairs * 0.3 && oddNul < pairs * 0.05) return 'utf-16be';
  if (isUtf8(head)) return 'utf-8';
  return looksLikeGb(head) ? 'gb18030' : 'windows-1252';
}

/** Strict UTF-8 check, forgiving a multi-byte character cut off at the end of the sample. */
function isUtf8(head: Buffer): boolean {
  let end = head.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const b = head[end - back];
    if ((b & 0xc0) === 0xc0) { end -= back; break; }
    if ((b & 0x80) === 0) break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/**
 * GB18030 writes Chinese characters as two bytes (lead 0x81–0xFE, then 0x40–0xFE but 0x7F) and
 * other characters, such as ¥ (81 30 84 36), as four (lead, digit, lead, digit); Windows-1252 text
 * has its accented letters alone between ASCII letters. Two-byte pairs whose second byte is a high
 * byte, and four-byte sequences, are GB evidence; a lone high byte (é before a letter) is Latin.
 */
function looksLikeGb(head: Buffer): boolean {
  const lead = (b: number) => b >= 0x81 && b <= 0xfe;
  const digit = (b: number) => b >= 0x30 && b <= 0x39;
  let gb = 0;
  let lone = 0;
  for (let i = 0; i < head.length; i++) {
    const b = head[i];
    if (b < 0x80) continue;
    if (lead(b) && digit(head[i + 1]) && lead(head[i + 2]) && digit(head[i + 3])) {
      gb++;
      i += 3;
    } else if (lead(b) && head[i + 1] >= 0x80 && head[i + 1] <= 0xfe) {
      gb++;
      i++;
    } else if (lead(b) && head[i + 1] >= 0x40 && head[i + 1] !== 0x7f && head[i + 1] < 0x80 && gb > lone) {
      // GBK's second byte may be ASCII-range; it counts once the file already reads as GB.
      gb++;
      i++;
    } else {
      lone++;
    }
  }
  return gb > 0 && gb >= lone;
}

/** The file as UTF-8 on disk: itself when it already is, else a transcoded copy in `tmpDir`. */
export async function toUtf8(path: string, encoding: Encoding, tmpDir: string): Promise<string> {
  if (encoding === 'utf-8' || encoding === 'utf-8-bom') return path;
  const out = join(tmpDir, 'decoded.csv');
  await pipeline(createReadStream(path), iconv.decodeStream(encoding), iconv.encodeStream('utf8'), createWriteStream(out));
  return out;
}

/** True when the text mixes CRLF with bare LF or CR line ends, which DuckDB's reader refuses. */
export function hasMixedNewlines(head: Buffer): boolean {
  let crlf = 0;
  let bare = 0;
  for (let i = 0; i < head.length; i++) {
    if (head[i] === 0x0d) {
      if (head[i + 1] === 0x0a) { crlf++; i++; } else if (i + 1 < head.length) bare++;
    } else if (head[i] === 0x0a) {
      bare++;
    }
    if (crlf > 0 && bare > 0) return true;
  }
  return false;
}

/** A copy with every line end as LF (CRLF and lone CR included), streamed. */
export async function normalizeNewlines(path: string, tmpDir: string): Promise<string> {
  const out = join(tmpDir, `lf-${Math.random().toString(36).slice(2)}.csv`);
  let pendingCr = false;
  const transform = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      let text = chunk.toString('latin1');
      if (pendingCr) text = `\r${text}`;
      pendingCr = text.endsWith('\r');
      if (pendingCr) text = text.slice(0, -1);
      done(null, Buffer.from(text.replace(/\r\n?/g, '\n'), 'latin1'));
    },
    flush(done) {
      done(null, pendingCr ? Buffer.from('\n') : null);
    },
  });
  await pipeline(createReadStream(path), transform, createWriteStream(out));
  return out;
}
