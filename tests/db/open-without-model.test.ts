/** The database door opens the canonical tables only; the model comes with openWorkspace (app/workspace.ts). */
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../models/db/database.ts';
import { openWorkspace } from '../../app/workspace.ts';

const modelTables = "SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_schema = 'model'";

describe('opening a workspace', () => {
  it('openDatabase builds no model; openWorkspace builds it', async () => {
    const db = await openDatabase(':memory:');
    try {
      expect((await db.query<{ n: number }>(modelTables))[0].n).toBe(0);
    } finally {
      db.close();
    }
    const workspace = await openWorkspace(':memory:');
    try {
      expect((await workspace.query<{ n: number }>(modelTables))[0].n).toBeGreaterThan(0);
      expect(await workspace.query('SELECT count(*)::INTEGER AS n FROM model.cases')).toEqual([{ n: 0 }]);
    } finally {
      workspace.close();
    }
  });
});
