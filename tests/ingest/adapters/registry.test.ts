import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chooseAdapter, loadAdapters, pickMatch } from '../../../ingest/adapters/registry.ts';

const DIR = fileURLToPath(new URL('../../../ingest/adapters/', import.meta.url));

describe('adapter registry', () => {
  it('finds every adapter file by itself, and no adapter imports another', async () => {
    const adapters = await loadAdapters();
    const ids = adapters.map((a) => a.id).sort();
    expect(ids).toEqual(['canonical', 'chinese-crm', 'hubspot', 'maven-crm', 'odoo', 'olist', 'quickbooks', 'salesforce', 'sap']);
    const adapterFiles = new Set(readdirSync(DIR).filter((f) => f.endsWith('.ts') && /export default/.test(readFileSync(DIR + f, 'utf8'))));
    for (const file of adapterFiles) {
      const imports = [...readFileSync(DIR + file, 'utf8').matchAll(/from '\.\/([^']+)'/g)].map((m) => m[1]);
      const crossing = imports.filter((i) => adapterFiles.has(i) && i !== file);
      expect(crossing, `${file} imports another adapter`).toEqual([]);
    }
  });

  it('refuses a reading that another adapter matches as well with different tables, listing both', () => {
    const orders = { adapter: 'a', preset: 'a/orders', confidence: 0.9, targets: [{ kind: 'orders' as const, fields: { order_id: 'No' } }] };
    const invoices = { adapter: 'b', preset: 'b/invoices', confidence: 0.89, targets: [{ kind: 'invoices' as const, fields: { invoice_id: 'No' } }] };
    const sameTables = { ...orders, adapter: 'c', preset: 'c/orders', confidence: 0.895 };
    expect(pickMatch([invoices, orders])).toEqual({ ambiguous: [orders, invoices] });
    expect(pickMatch([sameTables, orders])).toEqual({ match: orders });
    expect(pickMatch([orders, { ...invoices, confidence: 0.5 }])).toEqual({ match: orders });
    expect(pickMatch([])).toEqual({ none: true });
  });

  it('picks the generic reading for canonical headers and none for unknown ones', async () => {
    const clear = await chooseAdapter({ name: 'x.csv', headers: ['lead_id', 'created_at'], sample: [] });
    expect('match' in clear && clear.match.targets[0].kind).toBe('leads');
    expect(await chooseAdapter({ name: 'x.csv', headers: ['foo', 'bar'], sample: [] })).toEqual({ none: true });
  });
});
