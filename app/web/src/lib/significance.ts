/** How strong the before/after evidence is, from its p-value (the p-value's text: models/messages/format.ts). */

/** The level below which a difference is called significant (two-sided, as the CI is 95%). */
export const ALPHA = 0.05;

export type Significance = 'strong' | 'significant' | 'not' | 'none';

/** strong: p < 0.001; significant: p < 0.05; not: p ≥ 0.05; none: no test possible. */
export function significance(p: number | null | undefined): Significance {
  if (p == null || !Number.isFinite(p)) return 'none';
  return p < 0.001 ? 'strong' : p < ALPHA ? 'significant' : 'not';
}
