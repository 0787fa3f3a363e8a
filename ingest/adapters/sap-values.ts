/**
 * SQL for SAP cell values, shared by the SAP adapter's presets. SAP writes the same value in two
 * styles: table extracts (SE16 "unconverted", RFC_READ_TABLE, ODP) give internal values —
 * 0000019068, 20200326, 081257, 5200.00, an empty date as 00000000, an empty cell as one space —
 * and ALV / spreadsheet exports give display values — 19068, 26.03.2020, 08:12:57, 5.200,00,
 * negatives with a trailing minus (1.234,56-). These expressions bring both to text the loader
 * parses, and document numbers to one form so that files from either style link up.
 */
import { col } from './adapter.ts';

/** The cell's text, NULL when blank. */
export function text(header: string): string {
  return `nullif(trim(${col(header)}), '')`;
}

/**
 * A document or customer number in SAP's display form: all-digit numbers lose their leading zeros
 * (the ALPHA conversion), so 0000019068 from an extract and 19068 from an ALV export are one id.
 */
export function sapId(header: string): string {
  const t = `trim(${col(header)})`;
  return `CASE WHEN regexp_full_match(${t}, '[0-9]+') THEN coalesce(nullif(ltrim(${t}, '0'), ''), '0') ELSE nullif(${t}, '') END`;
}

/**
 * A date (and time, when there is a time column) as text: YYYYMMDD[HHMMSS] becomes YYYYMMDDHHMMSS
 * (midnight when there is no time), display dates get " HH:MM:SS" appended. One shape per column,
 * so a file's dates are read with one format. SAP's empty date 00000000 is NULL.
 */
export function sapDateTime(dateHeader: string, timeHeader?: string): string {
  const d = `nullif(nullif(trim(${col(dateHeader)}), ''), '00000000')`;
  if (!timeHeader) return `CASE WHEN regexp_full_match(${d}, '[0-9]{8}') THEN ${d} || '000000' ELSE ${d} END`;
  const t = `trim(${col(timeHeader)})`;
  const hhmmss = `CASE WHEN regexp_full_match(${t}, '[0-9]{6}') THEN ${t}
    WHEN regexp_full_match(${t}, '[0-9]{1,2}:[0-9]{2}(:[0-9]{2})?') THEN strftime(try_strptime(${t}, ['%H:%M:%S', '%H:%M']), '%H%M%S') END`;
  return `CASE WHEN regexp_full_match(${d}, '[0-9]{8}') THEN ${d} || coalesce(${hhmmss}, '000000')
    WHEN (${hhmmss}) IS NOT NULL THEN ${d} || ' ' || regexp_replace(${hhmmss}, '(..)(..)(..)', '\\1:\\2:\\3')
    ELSE ${d} END`;
}

/** A sortable key (YYYYMMDDHHMMSS) of text made by sapDateTime, NULL when it is no date. */
export function sortKey(dateTimeText: string): string {
  return `CASE WHEN regexp_full_match(${dateTimeText}, '[0-9]{14}') THEN ${dateTimeText}
    ELSE strftime(try_strptime(${dateTimeText}, ['%d.%m.%Y %H:%M:%S', '%d.%m.%Y', '%Y-%m-%d %H:%M:%S', '%Y-%m-%d', '%m/%d/%Y %H:%M:%S', '%m/%d/%Y']), '%Y%m%d%H%M%S') END`;
}

/** An amount as text with SAP's trailing minus moved to the front (1.234,56- → -1.234,56). */
export function sapAmount(header: string): string {
  const t = text(header);
  return `CASE WHEN ends_with(${t}, '-') THEN '-' || rtrim(substr(${t}, 1, length(${t}) - 1)) ELSE ${t} END`;
}

/** An amount as a DECIMAL, for sums inside the adapter's SQL (decimal comma or point as the file has it). */
export function sapDecimal(header: string, decimalComma: boolean): string {
  const signed = sapAmount(header);
  const digits = decimalComma ? `replace(replace(${signed}, '.', ''), ',', '.')` : `replace(${signed}, ',', '')`;
  return `try_cast(replace(${digits}, ' ', '') AS DECIMAL(18, 4))`;
}

/** Whether a file writes amounts with a decimal comma, from sample values of its amount columns. */
export function usesDecimalComma(values: readonly (string | null | undefined)[]): boolean {
  let comma = 0;
  let point = 0;
  for (const raw of values) {
    const v = raw?.trim().replace(/-$/, '') ?? '';
    if (/,\d{1,2}$/.test(v) || /\.\d{3},/.test(v)) comma++;
    else if (/\.\d+$/.test(v)) point++;
  }
  return comma > point;
}
