/**
 * How much an archive may expand to (issue 14): bytes written while unpacking one uploaded file,
 * nested archives included, up to LTC_MAX_UNPACKED_MB; and no entry past MAX_RATIO times its
 * compressed size once it is larger than RATIO_FREE_BYTES. Declared sizes are checked before a byte
 * is read, and the bytes themselves are counted as they stream, since a zip can lie about its sizes.
 */
import { Transform } from 'node:stream';
import { ImportError } from './errors.ts';
import { importReason } from '../models/messages/import-errors.ts';

/**
 * 4 GiB: uploads stop at 512 MB (LTC_MAX_UPLOAD_MB) and CSV exports zip 2–10 times smaller (the
 * fixtures: 1.3–3.5), so a full upload of ordinary exports fits, while what one file can write to the
 * temp folder stays bounded on a laptop's or a small server's disk.
 */
export const DEFAULT_UNPACKED_MB = 4096;

/**
 * Deflate cannot expand past about 1,032 times; exports stay far below 500 (the fixtures 1–4, a
 * 300-column export with every column but the id empty about 93, the same row repeated half a
 * million times about 340). Past 500 is data of one byte repeated: a bomb.
 */
export const MAX_RATIO = 500;

/** Entries up to this size are never refused for their ratio (a small file of blanks is no threat). */
export const RATIO_FREE_BYTES = 8 * 1024 * 1024;

/**
 * Entries one upload may hold, nested archives included: an export bundle has a few dozen files;
 * a zip of a million tiny entries stays within every byte limit but would be a million imports.
 */
export const MAX_ENTRIES = 10_000;

const MB = 1024 * 1024;

/** The limit in bytes: LTC_MAX_UNPACKED_MB when set (a positive number), else DEFAULT_UNPACKED_MB. */
export function unpackLimit(): number {
  const mb = Number(process.env.LTC_MAX_UNPACKED_MB);
  return Math.round((Number.isFinite(mb) && mb > 0 ? mb : DEFAULT_UNPACKED_MB) * MB);
}

/** The most an entry of `compressed` bytes may expand to before its ratio refuses it. */
function ratioCap(compressed: number): number {
  return Math.max(RATIO_FREE_BYTES, MAX_RATIO * compressed);
}

const overRatio = (entry: string) =>
  new ImportError(entry, importReason('archive_bomb', { ratio: String(MAX_RATIO) }));

/** What unpacking one file may still write; one budget is shared by every archive nested in it. */
export class UnpackBudget {
  private written = 0;
  private entries = 0;

  /** `entries`: entries already counted elsewhere (a workbook converted apart: xlsx-apart.ts). */
  constructor(readonly limit = unpackLimit(), entries = 0) {
    this.entries = entries;
  }

  /** What may still be written, and the entries counted so far: the budget handed to a workbook's conversion apart. */
  get left(): { readonly bytes: number; readonly entries: number } {
    return { bytes: this.limit - this.written, entries: this.entries };
  }

  /** Counts one entry of `archive` (any entry, directories included) and refuses the archive past MAX_ENTRIES. */
  countEntry(archive: string): void {
    if (++this.entries > MAX_ENTRIES) {
      throw new ImportError(archive, importReason('archive_too_many_entries', { entries: MAX_ENTRIES.toLocaleString('en-US') }));
    }
  }

  /** Refuses, before a byte is read, an entry whose declared size passes what is left or the ratio. */
  checkDeclared(entry: string, declared: number, compressed: number): void {
    if (this.written + declared > this.limit) throw this.overLimit(entry);
    if (declared > ratioCap(compressed)) throw overRatio(entry);
  }

  /**
   * Counts the bytes `entry` expands to (or writes), as they come: the returned function adds some
   * and throws, before they are used, when the budget or the entry's ratio to its `compressed` size
   * is passed.
   */
  counter(entry: string, compressed: number): (bytes: number) => void {
    let bytes = 0;
    return (more) => {
      bytes += more;
      this.written += more;
      if (this.written > this.limit) throw this.overLimit(entry);
      if (bytes > ratioCap(compressed)) throw overRatio(entry);
    };
  }

  /** A pass-through that counts what flows through it as `counter` does, failing before the chunk that crosses. */
  meter(entry: string, compressed: number): Transform {
    const count = this.counter(entry, compressed);
    return new Transform({
      transform: (chunk: Buffer, _encoding, done) => {
        try {
          count(chunk.length);
        } catch (error) {
          done(error as Error);
          return;
        }
        done(null, chunk);
      },
    });
  }

  /** Adds what a conversion apart wrote within the budget it was handed (`left`), and the entries it counted. */
  spent(bytes: number, entries: number): void {
    this.written += bytes;
    this.entries = Math.max(this.entries, entries);
  }

  private overLimit(entry: string): ImportError {
    return new ImportError(entry, importReason('unpacked_over_limit', { mb: String(+(this.limit / MB).toFixed(2)) }));
  }
}
