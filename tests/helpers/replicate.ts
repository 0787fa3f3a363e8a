/**
 * A small hand-made bundle repeated k times: every data row k times, its ids (the cells that match
 * `ids`) suffixed "-1" … "-k", so copy i links only to copy i. Sums and counts scale by k, shares,
 * means and medians stay as worked out for one copy — a way to lift hand-checked examples above
 * the thin-figure threshold without new arithmetic.
 */
export function replicate(bundle: Readonly<Record<string, string>>, k: number, ids: RegExp): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, text] of Object.entries(bundle)) {
    const [header, ...rows] = text.split('\n').filter((line) => line.trim() !== '');
    const copies: string[] = [];
    for (let i = 1; i <= k; i++) {
      for (const row of rows) copies.push(row.split(',').map((cell) => (ids.test(cell) ? `${cell}-${i}` : cell)).join(','));
    }
    out[name] = `${[header, ...copies].join('\n')}\n`;
  }
  return out;
}
