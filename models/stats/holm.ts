/**
 * Holm's step-down correction of p-values for testing several hypotheses at once (it controls the
 * family-wise error rate like Bonferroni and never rejects less): sorted ascending, the i-th
 * smallest p (from 0) becomes max over j ≤ i of min(1, (m − j)·p_(j)).
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p || a.i - b.i);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach(({ p, i }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[i] = running;
  });
  return adjusted;
}
