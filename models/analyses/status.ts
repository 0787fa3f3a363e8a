/** GET /api/status: what the workspace holds, for the dashboard's first look. */
import { basename } from 'node:path';
import { defineAnalysis } from '../analysis/define.ts';
import { dataFacts } from '../measures.ts';

export default defineAnalysis({
  name: 'status',
  summary: 'the workspace, its rows per table and the end of its data',
  hidden: true,
  params: {},
  async run(db) {
    const { data_end, ...tables } = await dataFacts(db);
    // The workspace by its file name (never the path: the page may be seen by others).
    const workspace = db.path === ':memory:' ? 'in memory' : basename(db.path);
    // Empty means nothing loaded at all: any table with rows (opportunities alone, invoices alone, an
    // object-centric log) is data a page can answer from, or say what else it needs.
    const [ocel] = await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM ocel_events');
    const loaded = Object.values(tables).reduce((sum, n) => sum + Number(n), 0) + Number(ocel.n);
    return { workspace, data_end, tables, ocel_events: Number(ocel.n), empty: loaded === 0 };
  },
});
