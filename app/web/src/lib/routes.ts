/** The dashboard's pages and their paths (docs/api.md). */

import type { Strings } from './i18n.ts';

export type PageKey = keyof Strings['nav'];

export interface Route {
  path: string;
  key: PageKey;
  ready: boolean;
}

export const ROUTES: Route[] = [
  { path: '/import', key: 'import', ready: true },
  { path: '/overview', key: 'overview', ready: true },
  { path: '/funnel', key: 'funnel', ready: true },
  { path: '/bottlenecks', key: 'bottlenecks', ready: true },
  { path: '/process-map', key: 'processMap', ready: true },
  { path: '/variants', key: 'variants', ready: true },
  { path: '/before-after', key: 'beforeAfter', ready: true },
  { path: '/cases', key: 'cases', ready: true },
  { path: '/links', key: 'links', ready: true },
  { path: '/quality', key: 'quality', ready: true },
  { path: '/notebooks', key: 'notebooks', ready: true },
];

/** The route for a location path; "/" is the Overview. */
export function routeFor(path: string): Route | undefined {
  const clean = path.length > 1 ? path.replace(/\/+$/, '') : path;
  if (clean === '/' || clean === '') return ROUTES.find((route) => route.key === 'overview');
  return ROUTES.find((route) => route.path === clean);
}
