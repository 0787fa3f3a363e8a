/**
 * compare in two halves (models/compare.ts): the values the Before/After page shows first and the
 * evidence that fills in after give, put together, exactly compare's answer — with every measure
 * available, with a filter, and where the data cannot give a measure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../models/db/database.ts';
import { compare, compareEvidence, compareValues, type CompareOptions } from '../../models/compare.ts';
import { openWorkspace } from '../../app/workspace.ts';
import { sampleWorkspace, workspace } from '../helpers/workspace.ts';

/** The values with the evidence of each row added after them, as the page shows them together. */
async function halves(db: Database, options: CompareOptions) {
  const values = await compareValues(db, options);
  const { kpis } = await compareEvidence(db, options);
  expect(kpis.map((k) => k.id)).toEqual(values.kpis.map((k) => k.id));
  return { ...values, kpis: values.kpis.map((row, i) => { const { id: _id, ...evidence } = kpis[i]; return { ...row, ...evidence }; }) };
}

/** As the CLI prints and the server sends it: key order and all. */
const json = (value: unknown) => JSON.stringify(value);

describe('compare in two halves', () => {
  let sample: Database;
  let leadsOnly: Database;
  let empty: Database;
  beforeAll(async () => {
    sample = await sampleWorkspace();
    ({ db: leadsOnly } = await workspace({ 'leads.csv': 'lead_id,created_at\nL1,2024-11-01\nL2,2024-12-01\nL3,2025-02-01\nL4,2025-03-01\n' }));
    empty = await openWorkspace(':memory:');
  });
  afterAll(() => {
    for (const db of [sample, leadsOnly, empty]) db?.close();
  });

  const asked: CompareOptions[] = [
    { cutover: '2025-01-01' },
    { cutover: '2025-01-01', excludeDays: 14, windowDays: 60 },
    { cutover: '2024-10-01', segments: { source: 'Web' } },
    { before: '2024-01-01..2024-06-30', after: '2024-07-01..2024-12-31', asOf: '2025-03-31' },
  ];

  it('gives compare\'s answer on the sample data', async () => {
    for (const options of asked) expect(json(await halves(sample, options)), JSON.stringify(options)).toBe(json(await compare(sample, options)));
  });

  it('gives compare\'s answer where measures are not available', async () => {
    const whole = await compare(leadsOnly, { cutover: '2025-01-01' });
    expect(whole.kpis.some((k) => !k.before.available)).toBe(true);
    expect(json(await halves(leadsOnly, { cutover: '2025-01-01' }))).toBe(json(whole));
    expect(json(await halves(empty, { cutover: '2025-01-01' }))).toBe(json(await compare(empty, { cutover: '2025-01-01' })));
  });

  it('refuses what compare refuses, with its words', async () => {
    for (const half of [compareValues, compareEvidence]) {
      await expect(half(sample, { cutover: '' })).rejects.toThrow(/--cutover is required/);
      await expect(half(sample, { cutover: '2025-13-45' })).rejects.toThrow(/date like/);
    }
  });
});
