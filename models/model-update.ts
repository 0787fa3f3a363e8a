/**
 * The incremental model build (docs/architecture.md#the-incremental-model): after an import or an undo,
 * only the cases the change touches are rebuilt. The touched cases are found from the links before the
 * change (sql/incremental/touched-cases.sql); the links of the records whose link may have changed are
 * replaced (step 01 on sql/incremental/link-scope.sql's rows) and the data's span and counts rebuilt
 * whole; the touched cases are found again from the new links; their rows are put in schema ltc_delta
 * under the names the steps read (sql/incremental/scope.sql), the same steps build their part of each
 * model table there, and it replaces the touched part of the model. A change the incremental build
 * does not follow (an event log, a links decision, a switch such as the first invoice ever loaded)
 * rebuilds everything.
 *
 * The steps are written for this: a table a step builds rows from is read by its bare name (here the
 * touched rows), one it only looks up is read as main.<table> or is a link table (always whole).
 */
import type { Database } from './db/database.ts';
import { sqlFile, statements } from './sql-files.ts';

/**
 * The links (step 01): each table's rows of the records whose link may have changed are replaced first
 * (sql/incremental/link-scope.sql), in this order, each read whole by the next steps.
 */
const LINKS: Readonly<Record<string, string>> = {
  linked_invoices: 't.invoice_id IN (FROM ltc_link_invoices)',
  opportunity_cases: 't.opportunity_id IN (FROM ltc_link_opportunities)',
  order_cases: 't.order_id IN (FROM ltc_link_orders)',
};
/** Tables of the model built whole on every change: the accepted matches, the data's span and counts. */
const REBUILT = ['record_matches', 'data_span', 'facts'];
/** What the steps of the touched cases read whole. */
const WHOLE = [...REBUILT, ...Object.keys(LINKS)];
/** Tables that hold no row of the LTC cases (the imported event logs). */
const OTHER_LOGS = ['log_steps'];

/**
 * How each model table's touched part is found (as row t): its rows of touched cases, invoices or
 * records. The same condition picks the rows to delete from the model and the rows to take from
 * ltc_delta, where a step may also have built rows of cases it does not rebuild (a payment of a
 * touched case that also pays another), which stay as they are.
 */
const TOUCHED_ROWS: Readonly<Record<string, string>> = {
  payment_applications: 't.invoice_id IN (FROM ltc_scope_invoices)',
  invoice_facts: 't.invoice_id IN (FROM ltc_scope_invoices)',
  order_facts: 't.case_id IN (FROM ltc_scope_cases)',
  cases: 't.case_id IN (FROM ltc_scope_cases)',
  ltc_events: 't.case_id IN (FROM ltc_scope_cases)',
  case_transitions: 't.case_id IN (FROM ltc_scope_cases)',
  case_list: 't.case_id IN (FROM ltc_scope_cases)',
  link_paths: 't.case_id IN (FROM ltc_scope_cases)',
  link_problems: 'EXISTS (SELECT 1 FROM ltc_scope_records s WHERE s."table" = t."table" AND s.id = t.id)',
  log_cases: "t.log = 'ltc' AND t.case_id IN (FROM ltc_scope_cases)",
  lead_items: 't.case_id IN (FROM ltc_scope_cases)',
  invoice_items: 't.invoice_id IN (FROM ltc_scope_invoices)',
  order_items: 't.case_id IN (FROM ltc_scope_cases)',
  opportunity_items: 't.case_id IN (FROM ltc_scope_cases)',
  case_checks: 't.case_id IN (FROM ltc_scope_cases)',
};

/**
 * What decides, for the whole workspace, how cases are built: which kinds of records exist at all.
 * When it changes (the first invoice, the last order undone) every case changes.
 */
export const SWITCHES = `SELECT (EXISTS (FROM orders))::INTEGER || (EXISTS (FROM invoices))::INTEGER || (EXISTS (FROM opportunities))::INTEGER`;

const MACRO = /^\s*CREATE OR REPLACE TEMP MACRO/m;

/** Above this share of cases touched (before the change), rebuilding everything is as quick. */
const MOST = 0.25;

export interface Step {
  readonly file: string;
  readonly statement: string;
  /** the model table it creates (without schema), if it creates one */
  readonly table: string | null;
}

/**
 * Rebuilds the model's part that the changes in ltc_model_changes (models/model-changes.ts) touched.
 * Returns false, having changed no model table, when the change needs the whole model rebuilt (the
 * caller then does). Runs inside the caller's transaction, which drops ltc_delta and the temp tables.
 */
export async function updateTouched(db: Database, steps: readonly Step[]): Promise<boolean> {
  const [{ same }] = await db.query<{ same: boolean }>(`SELECT (${SWITCHES}) = (SELECT switches FROM model.build) AS same`);
  if (!same) return false;

  await db.exec('CREATE OR REPLACE TEMP TABLE ltc_scope_cases (case_id VARCHAR)');
  await db.exec('CREATE OR REPLACE TEMP TABLE ltc_scope_orders (order_id VARCHAR)');
  const touched = statements(sqlFile('incremental/touched-cases.sql'));
  // with the links before the change — where a change touching most cases turns to the whole build
  // before changing anything — then after it
  for (const statement of touched) await db.exec(statement);
  const [{ touchedCases, allCases }] = await db.query<{ touchedCases: number; allCases: number }>(
    'SELECT (SELECT count(DISTINCT case_id) FROM ltc_scope_cases)::INTEGER AS "touchedCases", (SELECT count(*) FROM model.cases)::INTEGER AS "allCases"');
  if (touchedCases > MOST * allCases && allCases > 1000) return false;
  await updateLinks(db, steps);
  for (const statement of touched) await db.exec(statement);
  await db.exec('CREATE OR REPLACE TEMP TABLE ltc_scope_cases AS SELECT DISTINCT case_id FROM ltc_scope_cases WHERE case_id IS NOT NULL');
  await db.exec('CREATE OR REPLACE TEMP TABLE ltc_scope_orders AS SELECT DISTINCT order_id FROM ltc_scope_orders WHERE order_id IS NOT NULL');

  await db.exec('CREATE SCHEMA ltc_delta');
  for (const statement of statements(sqlFile('incremental/scope.sql'))) await db.exec(statement);
  await buildInDelta(db, steps);
  for (const [table, touched] of Object.entries(TOUCHED_ROWS)) await replaceTouched(db, table, touched);
  return true;
}

/** Replaces the model table's rows that `touched` picks (as row t) by those of ltc_delta's table. */
async function replaceTouched(db: Database, table: string, touched: string): Promise<void> {
  await db.exec(`DELETE FROM model.${table} t WHERE ${touched}`);
  await db.exec(`INSERT INTO model.${table} FROM ltc_delta.${table} t WHERE ${touched}`);
}

/**
 * Brings the links up to date: the accepted matches whole (a few rows), then each link table's rows of
 * the records whose link may have changed, built by step 01 from those records and the whole tables.
 * The data's span and counts are built whole too.
 */
async function updateLinks(db: Database, steps: readonly Step[]): Promise<void> {
  await dropSchema(db, 'ltc_delta');
  await db.exec('CREATE SCHEMA ltc_delta');
  for (const statement of statements(sqlFile('incremental/link-scope.sql'))) await db.exec(statement);
  for (const step of steps) {
    if (step.table !== null && REBUILT.includes(step.table)) {
      await db.exec(`DROP TABLE model.${step.table}`);
      await db.exec(step.statement);
    } else if (step.table !== null && step.table in LINKS) {
      await inDelta(db, () => db.exec(step.statement.replace(`CREATE TABLE model.${step.table} `, `CREATE TABLE ltc_delta.${step.table} `)));
      await replaceTouched(db, step.table, LINKS[step.table]);
    }
  }
  await dropSchema(db, 'ltc_delta');
}

/**
 * Drops a schema object by object: DuckDB (1.5) fails the commit of a transaction that made tables
 * and then dropped them with DROP SCHEMA … CASCADE.
 */
export async function dropSchema(db: Database, schema: 'model' | 'ltc_delta'): Promise<void> {
  const objects = await db.query<{ kind: string; name: string }>(`
    SELECT 'VIEW' AS kind, view_name AS name FROM duckdb_views() WHERE schema_name = $1 AND database_name = current_database()
    UNION ALL
    SELECT 'TABLE', table_name FROM duckdb_tables() WHERE schema_name = $1 AND database_name = current_database()`, [schema]);
  for (const { kind, name } of objects) await db.exec(`DROP ${kind} IF EXISTS ${schema}."${name}" CASCADE`);
  await db.exec(`DROP SCHEMA IF EXISTS ${schema}`);
}

/**
 * Runs the steps with ltc_delta first on the search path, so that they read the touched rows, and the
 * model tables they build and read moved into it; the links and the data's span stay the whole
 * model's. The steps' session macros are made anew afterwards, for the whole model.
 */
async function buildInDelta(db: Database, steps: readonly Step[]): Promise<void> {
  await inDelta(db, async () => {
    for (const step of steps) {
      if (step.table !== null && (WHOLE.includes(step.table) || OTHER_LOGS.includes(step.table))) continue;
      await db.exec(step.statement.replace(/\bmodel\.(\w+)/g, (whole, table: string) => (WHOLE.includes(table) ? whole : `ltc_delta.${table}`)));
    }
  });
  // (after an error the transaction's rollback restores them)
  for (const step of steps.filter((s) => s.table === null && MACRO.test(s.statement))) await db.exec(step.statement);
}

/**
 * Runs `work` with ltc_delta's tables first on the search path: a bare table name reads the touched
 * rows. After an error the transaction is aborted and the path stays until the next model update
 * resets it (models/materialize.ts); ltc_delta is gone with the rollback, so bare names read main.
 */
async function inDelta(db: Database, work: () => Promise<unknown>): Promise<void> {
  await db.exec(`SET search_path = 'ltc_delta,main'`);
  await work();
  await db.exec('RESET search_path');
}
