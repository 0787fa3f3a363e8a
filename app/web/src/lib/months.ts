/** "2025-03" → a UTC Date at the first of that month (Plot's time scales are UTC). */
export function monthDate(month: string): Date {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, (m || 1) - 1, 1));
}
