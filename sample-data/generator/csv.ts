/** The canonical CSV files (docs/data-contract.md) and a buffered writer for them. */
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Canonical header of every file the generator writes, in file-writing order. */
export const HEADERS = {
  accounts: ['account_id', 'name', 'industry', 'region', 'segment', 'owner'],
  leads: ['lead_id', 'created_at', 'source', 'status', 'owner', 'region', 'segment', 'account_id', 'qualified_at', 'disqualified_at', 'converted_at', 'opportunity_id'],
  opportunities: ['opportunity_id', 'created_at', 'lead_id', 'account_id', 'stage', 'is_closed', 'is_won', 'closed_at', 'amount', 'currency', 'owner'],
  quotes: ['quote_id', 'opportunity_id', 'created_at', 'sent_at', 'accepted_at', 'amount'],
  orders: ['order_id', 'created_at', 'opportunity_id', 'lead_id', 'account_id', 'confirmed_at', 'amount', 'currency'],
  deliveries: ['delivery_id', 'order_id', 'shipped_at', 'delivered_at'],
  invoices: ['invoice_id', 'order_id', 'issued_at', 'due_at', 'amount', 'currency'],
  payments: ['payment_id', 'paid_at', 'amount', 'invoice_id', 'order_id'],
} as const;

export type TableName = keyof typeof HEADERS;
export const TABLE_NAMES = Object.keys(HEADERS) as TableName[];

const needsQuoting = /[",\r\n]/;

/** RFC 4180 field: quoted only when it holds a comma, quote or line break. */
export function csvField(value: string): string {
  return needsQuoting.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

const BUFFER_BYTES = 1 << 20;

/** Appends rows to one CSV file (UTF-8) through a 1 MB buffer; `close` flushes. */
export class CsvWriter {
  private readonly fd: number;
  private readonly buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private used = 0;
  rows = 0;

  constructor(path: string, header: readonly string[]) {
    this.fd = openSync(path, 'w');
    this.append(header.join(',') + '\n');
  }

  /** One row of free text, quoted where needed; `""` is an empty cell (null). */
  write(fields: readonly string[]): void {
    let line = csvField(fields[0]);
    for (let i = 1; i < fields.length; i++) line += ',' + csvField(fields[i]);
    this.append(line + '\n');
    this.rows++;
  }

  /**
   * One row of ids, timestamps, numbers and catalog words, none of which needs quoting (the
   * hot path: no per-field check).
   */
  writePlain(fields: readonly string[]): void {
    this.append(fields.join(',') + '\n');
    this.rows++;
  }

  private append(text: string): void {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    if (this.used + 3 * text.length > BUFFER_BYTES) this.flush();
    if (3 * text.length > BUFFER_BYTES) {
      writeSync(this.fd, text);
      return;
    }
    this.used += this.buffer.write(text, this.used);
  }

  private flush(): void {
    let written = 0;
    while (written < this.used) written += writeSync(this.fd, this.buffer, written, this.used - written);
    this.used = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

export type Writers = { [K in TableName]: CsvWriter };

export function openWriters(dir: string): Writers {
  const writers = {} as Writers;
  for (const name of TABLE_NAMES) writers[name] = new CsvWriter(join(dir, `${name}.csv`), HEADERS[name]);
  return writers;
}

/** Whole cents as a number with two decimals: 1234567 → "12345.67". */
export function formatCents(cents: number): string {
  const whole = Math.floor(cents / 100);
  const rest = cents - whole * 100;
  return `${whole}.${rest < 10 ? '0' : ''}${rest}`;
}
