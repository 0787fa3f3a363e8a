import type { Lang } from '../types.ts';

/** A view's text in English and Simplified Chinese: the Chinese has every key of the English, of the same type. */
export const bilingual = <T>(text: { en: T; zh: NoInfer<T> }): Record<Lang, T> => text;
