/**
 * What the kill tests share: a workspace file with a first import (1,000 leads and 200 orders), a
 * big leads CSV whose first 1,000 ids update those leads, and the checksums of every table (main
 * and model) with the count of batches of the big file.
 */
import { createWriteStream, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { tableChecksums, type Checksums } from './checksums.ts';
import { importAndRebuild, openWorkspace } from '../../app/workspace.ts';

export const BIG_FILE = 'leads-big.csv';

/** Writes the first import into a new workspace file at `path`. */
export async function firstImport(dir: string, path: string): Promise<void> {
  const leads = join(dir, 'leads.csv');
  writeFileSync(leads, `lead_id,created_at,source,status\n${Array.from({ length: 1000 }, (_, i) => `L${i},2025-01-01,Web,Open`).join('\n')}\n`);
  const orders = join(dir, 'orders.csv');
  writeFileSync(orders, `order_id,created_at,lead_id,amount\n${Array.from({ length: 200 }, (_, i) => `SO${i},2025-02-01,L${i},${i * 10}`).join('\n')}\n`);
  const db = await openWorkspace(path);
  try {
    const { files } = await importAndRebuild(db, [{ path: leads, name: 'leads.csv' }, { path: orders, name: 'orders.csv' }]);
    const failed = files.filter((f) => f.error);
    if (failed.length) throw new Error(failed.map((f) => f.error).join('\n'));
  } finally {
    db.close();
  }
}

/** `rows` leads: the first 1,000 ids again with another status, the rest new. */
export async function writeBigLeads(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write('lead_id,created_at,source,status,owner,region,segment,account_id\n');
  for (let start = 0; start < rows; start += 10_000) {
    let chunk = '';
    for (let i = start; i < Math.min(rows, start + 10_000); i++) {
      chunk += `L${i},2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')} 10:${String(i % 60).padStart(2, '0')}:00,`
        + `${['Web', 'Fair', 'Referral'][i % 3]},Qualified,owner${i % 40},${['EMEA', 'APAC', 'AMER'][i % 3]},${['SMB', 'Enterprise'][i % 2]},A${i % 5000}\n`;
    }
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'close');
}

export interface WorkspaceState {
  readonly main: Checksums;
  readonly model: Checksums;
  /** batches of the big file */
  readonly big: number;
}

export async function workspaceState(path: string): Promise<WorkspaceState> {
  const db = await openWorkspace(path);
  try {
    const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM import_batches WHERE file_name LIKE $1', [`%${BIG_FILE}`]);
    return { main: await tableChecksums(db), model: await tableChecksums(db, { schema: 'model', skip: ['build'] }), big: n };
  } finally {
    db.close();
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
