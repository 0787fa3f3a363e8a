import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, schemaVersion } from '../../models/db/schema.ts';
import { CONTRACT, TABLE_KINDS } from '../../models/db/contract.ts';
import { importAndRebuild, openWorkspace } from '../../app/workspace.ts';

describe('workspace schema', () => {
  it('creates every canonical table of docs/data-contract.md with its fields', async () => {
    const db = await openWorkspace(':memory:');
    for (const kind of TABLE_KINDS) {
      const columns = (await db.query<{ column_name: string }>(
        'SELECT column_name FROM information_schema.columns WHERE table_name = $1', [kind])).map((c) => c.column_name);
      for (const field of CONTRACT[kind].fields) expect(columns, `${kind}.${field.name}`).toContain(field.name);
    }
    expect(await schemaVersion(db)).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('upgrades a database file made at an older version in place, keeping its rows', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ltc-schema-')), 'old.duckdb');
    const old = await openWorkspace(path, { schemaVersion: 1 });
    expect(await schemaVersion(old)).toBe(1);
    await old.exec("INSERT INTO leads (lead_id, created_at, source) VALUES ('L1', '2025-01-01', 'Web')");
    const [{ n }] = await old.query<{ n: number }>(
      "SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_name = 'import_batches'");
    expect(n).toBe(0);
    old.close();

    const upgraded = await openWorkspace(path);
    expect(await schemaVersion(upgraded)).toBe(SCHEMA_VERSION);
    expect(await upgraded.query("SELECT lead_id, source FROM leads")).toEqual([{ lead_id: 'L1', source: 'Web' }]);
    expect(await upgraded.query('SELECT count(*)::INTEGER AS n FROM import_batches')).toEqual([{ n: 0 }]);
    const versions = await upgraded.query<{ version: number }>('SELECT version FROM ltc_schema ORDER BY version');
    expect(versions.map((v) => v.version)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
    upgraded.close();
  });

  it('refuses a database from a newer LTC Lens instead of damaging it', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ltc-schema-')), 'new.duckdb');
    const db = await openWorkspace(path);
    await db.exec('INSERT INTO ltc_schema (version) VALUES ($1)', [SCHEMA_VERSION + 1]);
    db.close();
    await expect(openWorkspace(path)).rejects.toThrow(/newer than this LTC Lens/);
  });
});

describe('model freshness', () => {
  it('rebuilds on opening a model built before the last committed batch (a process killed between the two)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ltc-stale-'));
    const path = join(dir, 'ws.duckdb');
    const leads = join(dir, 'leads.csv');
    writeFileSync(leads, 'lead_id,created_at\nL1,2025-01-01\nL2,2025-01-02\n');
    let db = await openWorkspace(path);
    // The file is committed; the rebuild that follows never happens.
    const { files } = await importAndRebuild(db, [{ path: leads, name: 'leads.csv' }], { materialize: false });
    expect(files[0].rows_inserted).toBe(2);
    expect((await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM model.cases'))[0].n).toBe(0);
    db.close();
    db = await openWorkspace(path);
    try {
      expect((await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM model.cases'))[0].n).toBe(2);
    } finally {
      db.close();
    }
  });
});
