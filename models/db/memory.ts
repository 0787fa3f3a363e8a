/**
 * How much memory a workspace's DuckDB may hold, and where it spills the rest. DuckDB's own default
 * is 80% of the machine's RAM, which let the 1M-lead import and model build reach 2 GB of RSS on a
 * 24 GB machine; with a limit its operators (sorts, joins, aggregates) write what does not fit to
 * temporary files and carry on, so a workspace larger than the limit still imports, only slower.
 * README ("Memory and disk") and docs/architecture.md say the same to the user.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { SaidError } from '../messages/catalogue.ts';

/**
 * The default limit. Measured on 2026-12-07 with the 1M-lead workload (3.6M rows; BENCHMARKS.md,
 * "Memory"): with 1 GB the import and model build peak at 1.5 GB RSS — Node's heap and what DuckDB
 * allocates outside its buffer pool come on top of the limit — against 2.2 GB without a limit, for
 * about 8% more model-build time; 700 MB peaks at 1.25 GB but spills more; with 600 MB the import
 * stops with DuckDB's out-of-memory error, from work it cannot spill.
 */
export const DEFAULT_MEMORY_LIMIT = '1GB';

/** DuckDB's size units, as memory_limit accepts them. */
const SIZE = /^\s*(\d+(?:\.\d+)?)\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)\s*$/i;

/** A limit that is not a size, said in one line. */
export class MemoryLimitInvalid extends SaidError {
  override name = 'MemoryLimitInvalid';
}

/**
 * The memory_limit for DuckDB: LTC_MEMORY_LIMIT when set (a size such as `2GB` or `512MB`, or a
 * bare number of megabytes), else DEFAULT_MEMORY_LIMIT.
 */
export function memoryLimit(env: NodeJS.ProcessEnv = process.env): string {
  const given = env.LTC_MEMORY_LIMIT?.trim();
  if (!given) return DEFAULT_MEMORY_LIMIT;
  if (/^\d+(\.\d+)?$/.test(given) && Number(given) > 0) return `${given}MB`;
  const size = SIZE.exec(given);
  if (size && Number(size[1]) > 0) return `${size[1]}${size[2]}`;
  throw new MemoryLimitInvalid({
    en: `LTC_MEMORY_LIMIT="${given}" is not a size: give one such as 2GB or 512MB (default ${DEFAULT_MEMORY_LIMIT})`,
    zh: `LTC_MEMORY_LIMIT="${given}" 不是有效的大小：请写成 2GB 或 512MB 这样的值（默认 ${DEFAULT_MEMORY_LIMIT}）`,
  });
}

/**
 * Where DuckDB spills: beside the workspace, `<workspace>.tmp` (DuckDB's own choice for a file,
 * named here so that it is not left to a version's default), on the disk the user chose for the
 * workspace rather than in the OS temp folder, which is often a RAM-backed tmpfs or a small
 * partition. An in-memory database spills into its private scratch folder.
 */
export function spillDirectory(path: string, scratch: string): string {
  return path === ':memory:' ? join(scratch, 'spill') : `${path}.tmp`;
}

/**
 * DuckDB removes its temporary files when it closes; a process killed mid-spill leaves them. Called
 * once the workspace is open, which means this process holds its lock, so nothing else is using
 * them. Only DuckDB's own files are removed, never the folder's other content.
 */
export function removeLeftoverSpill(directory: string): void {
  if (!existsSync(directory)) return;
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch {
    return;
  }
  for (const name of names) {
    if (name.startsWith('duckdb_temp_')) rmSync(join(directory, name), { force: true });
  }
}

/**
 * DuckDB's words when work needed more than the memory limit (not all of it spills): the line that
 * says so, found anywhere in `message` (an import's error may wrap it); null for any other error.
 */
export function outOfMemoryLine(message: string): string | null {
  return /Out of Memory Error[^\n]*/.exec(message)?.[0] ?? null;
}
