/**
 * Numbers as the sentences write them, formatted before they go into a message, in one place
 * (to be replaced by models/messages/format.ts): the same figures as the answers carried before
 * their words moved into catalogues.
 */
import type { Lang } from './messages/catalogue.ts';

/** A whole count as it is: 1234. */
export const whole = (n: number): string => String(n);

/** A count with thousands separators in English (1,234) and as it is in Chinese (1234). */
export const countIn = (lang: Lang, n: number): string => (lang === 'en' ? n.toLocaleString('en-US') : String(n));

/** Days with one decimal, or a dash where there is no value. */
export const oneDecimal = (value: number | null): string => (value === null ? '–' : value.toFixed(1));

/** A share as a whole percent; a share above 0 that would round to 0% is "<1%". */
export const sharePercent = (share: number): string => (share > 0 && share < 0.005 ? '<1%' : `${Math.round(share * 100)}%`);
