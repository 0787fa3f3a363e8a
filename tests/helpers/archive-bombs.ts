/**
 * Archives written by hand for the unpacking-bounds tests: zips whose headers may lie about the
 * sizes, gzips, and deflate streams of many MB of zeros built in milliseconds without holding them.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';

const MB = 1024 * 1024;

/** A deflate stream and the facts a zip or gzip header gives about it. */
export interface Deflated {
  readonly data: Buffer;
  readonly crc: number;
  readonly size: number;
}

/** `bytes` deflated (level 9), with their CRC-32 and size. */
export function deflated(bytes: Buffer): Deflated {
  return { data: deflateRawSync(bytes, { level: 9 }), crc: crc32(bytes), size: bytes.length };
}

/**
 * `mb` MB of zeros as one deflate stream of about 1 KB a MB (ratio ~1,010): one MB deflated and
 * fully flushed (a byte-aligned block that leans on nothing before it) repeated, then an empty final
 * block. Only one MB is ever in memory.
 */
export function zeros(mb: number): Deflated {
  const block = Buffer.alloc(MB);
  const flushed = deflateRawSync(block, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  let crc = 0;
  for (let i = 0; i < mb; i++) crc = crc32(block, crc);
  return { data: Buffer.concat([...Array.from({ length: mb }, () => flushed), Buffer.from([0x03, 0x00])]), crc, size: mb * MB };
}

export interface ZipEntrySpec {
  readonly name: string;
  readonly content: Deflated;
  /** the uncompressed size the local and central headers declare (a lie when not content.size) */
  readonly declaredSize?: number;
}

/** A zip of deflated entries (no zip64: each entry and the whole under 4 GiB). */
export function zipOf(entries: readonly ZipEntrySpec[]): Buffer<ArrayBuffer> {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const { data, crc, size } = entry.content;
    const declared = entry.declaredSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(0, 10); // time, date
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(0, 12);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42); // extra, comment, disk, attributes stay 0
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A gzip (one member) of a deflate stream. */
export function gzipOf(content: Deflated): Buffer<ArrayBuffer> {
  const header = Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0x02, 0xff]);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(content.crc >>> 0, 0);
  trailer.writeUInt32LE(content.size % 2 ** 32, 4);
  return Buffer.concat([header, content.data, trailer]);
}

/** A zip holding `inner` (itself a zip) under each of `names`, deflated: one more layer of a nested bomb. */
export function zipOfZips(names: readonly string[], inner: Buffer): Buffer<ArrayBuffer> {
  const content = deflated(inner);
  return zipOf(names.map((name) => ({ name, content })));
}
