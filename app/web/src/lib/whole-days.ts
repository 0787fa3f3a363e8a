/**
 * What a days field (components/DaysField.svelte) holds: a whole number of days from `min` to
 * `max`, `null` when it is empty, `undefined` when it is neither (the page then keeps what it has).
 */
export function wholeDays(text: string, min: number, max = Infinity): number | null | undefined {
  const value = text.trim();
  if (value === '') return null;
  if (!/^\d+$/.test(value)) return undefined;
  const days = Number(value);
  return days >= min && days <= max ? days : undefined;
}
