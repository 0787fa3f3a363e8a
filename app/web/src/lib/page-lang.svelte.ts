/** The page's language for components that are not handed it (App sets it from the URL). */
import type { Lang } from './types.ts';

export const pageLang = $state<{ lang: Lang }>({ lang: 'en' });
