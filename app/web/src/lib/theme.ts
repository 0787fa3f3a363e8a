/** Light or dark: the user's choice (kept in this browser), else the system's. */
export type Theme = 'light' | 'dark';

const KEY = 'ltc-lens-theme';

export function initialTheme(): Theme {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(KEY);
  } catch {
    // storage refused (private mode): follow the system
  }
  if (stored === 'light' || stored === 'dark') return stored;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Sets the theme on the page (app.css reads data-theme) and remembers the choice. */
export function applyTheme(theme: Theme, remember = false): void {
  document.documentElement.dataset.theme = theme;
  if (!remember) return;
  try {
    localStorage.setItem(KEY, theme);
  } catch {
    // not remembered; still applied
  }
}
