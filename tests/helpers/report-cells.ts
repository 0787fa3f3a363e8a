/** Reading the evaluation report's HTML (app/render/report-html.ts) back in tests. */

/** The text of each cell of the before/after table's row of one measure, its label first. */
export function classicRow(html: string, id: string): string[] {
  const row = new RegExp(`<tr data-kpi="${id}">([\\s\\S]*?)</tr>`).exec(html);
  if (!row) throw new Error(`no row ${id} in the report`);
  return [...row[1].matchAll(/<t[hd][^>]*>([^<]*)<\/t[hd]>/g)].map((m) => m[1]);
}

/** The HTML without its charts and styles: what a reader reads. */
export function reportProse(html: string): string {
  return html.replace(/<svg[\s\S]*?<\/svg>/g, '').replace(/<style>[\s\S]*?<\/style>/g, '');
}
