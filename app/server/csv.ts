/** CSV for downloads; cells are made safe from formula injection (models/export/csv.ts). */
import { safeCell } from '../../models/export/csv.ts';

export { safeCell };

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header, ...rows].map((row) => row.map(safeCell).join(',')).join('\r\n') + '\r\n';
}
