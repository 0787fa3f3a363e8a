/** The LTC activity names in Chinese on the Chinese page: every activity the model writes has its name (lib/activity-names.ts). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { activityName } from '../../app/web/src/lib/activity-names.ts';
import CATALOGUE from '../../models/messages/ltc-activities.json';
import { importAndRebuild, openWorkspace } from '../../app/workspace.ts';

const BUNDLE = fileURLToPath(new URL('../../sample-data/bundle/', import.meta.url));
const EVENTS_SQL = readFileSync(new URL('../../models/sql/06-events.sql', import.meta.url), 'utf8');

describe('LTC activity names', () => {
  it('names in Chinese every activity of the sample company’s event log, and keeps other names as they are', async () => {
    const db = await openWorkspace(':memory:');
    await importAndRebuild(db, readdirSync(BUNDLE).map((name) => ({ path: join(BUNDLE, name), name })));
    const rows = await db.query<{ activity: string }>('SELECT DISTINCT activity FROM model.ltc_events ORDER BY activity');
    db.close();
    expect(rows.length).toBeGreaterThan(8);
    for (const { activity } of rows) {
      expect(activityName(activity, 'zh'), activity).toMatch(/[\u4e00-\u9fff]/);
      expect(activityName(activity, 'en')).toBe(activity);
    }
    expect(activityName('Check ticket', 'zh')).toBe('Check ticket');
  });

  it('holds no name the model does not write', () => {
    for (const name of Object.keys(CATALOGUE)) expect(EVENTS_SQL, name).toContain(`'${name}'`);
  });
});
