/**
 * CSV for downloads. Cells that a spreadsheet would run as a formula (starting with = + - @, tab or
 * carriage return) are prefixed with an apostrophe (SPEC §9, OWASP "CSV injection").
 */
export function safeCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header, ...rows].map((row) => row.map(safeCell).join(',')).join('\r\n') + '\r\n';
}
