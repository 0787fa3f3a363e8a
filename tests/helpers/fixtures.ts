/**
 * Where a test finds data written by others. A file is named by its path in the shared fixture
 * folder ('salesforce/sf_lead_data.csv'); files whose licence lets the project ship them are copied,
 * under the same path, into tests/fixtures/third-party/ (tests/fixtures/SOURCES.md), the rest are read
 * from the shared folder. A suite that needs a shared-only file declares it with `needsShared`: without
 * the shared folder it is left out, and the summary reporter names it in one line (CI fails on it).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestOptions } from 'vitest';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const SHIPPED = join(REPO, 'tests/fixtures/third-party');

/** The shared fixture folder: `$LTC_FIXTURES` when set and not empty, else ../shared/fixtures beside the repository. */
export const SHARED_FIXTURES = resolve(process.env.LTC_FIXTURES || join(REPO, '../shared/fixtures'));

/** Whether the shared fixture folder is there. */
export const haveShared = existsSync(SHARED_FIXTURES);

/** The file or folder at `path` (relative to the shared folder): the copy shipped in the repository when there is one, else the shared one. */
export function fixture(path: string): string {
  const shipped = join(SHIPPED, path);
  return existsSync(shipped) ? shipped : join(SHARED_FIXTURES, path);
}

/** The CSV exports of other tools shipped in the repository, as paths relative to the shared folder. */
export const SHIPPED_EXPORTS: readonly string[] = readdirSync(SHIPPED, { recursive: true, encoding: 'utf8' })
  .filter((path) => path.endsWith('.csv')).sort();

/** The CSV exports of other tools that only the shared folder holds (tests/fixtures/SOURCES.md says why). */
export const SHARED_ONLY_EXPORTS: readonly string[] = [
  'crm-sales-opportunities/accounts.csv', 'crm-sales-opportunities/products.csv', 'crm-sales-opportunities/sales_pipeline.csv',
  'crm-sales-opportunities/sales_pipeline_us_dates.csv', 'crm-sales-opportunities/sales_teams.csv',
  'odoo/sale.order.csv', 'olist/olist_closed_deals_dataset.csv', 'olist/olist_marketing_qualified_leads_dataset.csv',
];

declare module 'vitest' {
  interface TaskMeta {
    /** The name under which the summary reporter lists a suite left out for want of the shared fixtures. */
    leftOutWithoutShared?: string;
  }
}

/**
 * Options for `describe(title, needsShared(name, paths), fn)` (or `it`): the suite runs when every
 * file or folder in `paths` is shipped or the shared folder is there, and is otherwise left out (its
 * tests count as skipped) under `name`. With the shared folder present a missing file is no reason
 * to skip: the suite runs and fails on it.
 */
export function needsShared(name: string, paths: readonly string[]): TestOptions {
  const leftOut = !haveShared && paths.some((path) => !existsSync(join(SHIPPED, path)));
  return leftOut ? { skip: true, meta: { leftOutWithoutShared: name } } : {};
}

/** For a test that reads the shared folder's own copy (to compare it with the one shipped): left out without it. */
export function needsSharedFolder(name: string): TestOptions {
  return haveShared ? {} : { skip: true, meta: { leftOutWithoutShared: name } };
}
