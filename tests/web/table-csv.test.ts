import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../app/web/src/lib/table-csv.ts';

describe('table CSV', () => {
  it('neutralizes what a spreadsheet would run as a formula, and leaves plain numbers alone', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+cmd')).toBe("'+cmd");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('-10.4')).toBe('-10.4');
    expect(csvCell('+7.1')).toBe('+7.1');
    expect(csvCell('1e-3')).toBe('1e-3');
    // The minus sign the page shows (U+2212) is text, not a formula.
    expect(csvCell('−10.4 d')).toBe('−10.4 d');
  });

  it('quotes commas, quotes and line breaks, and ends rows with CRLF', () => {
    expect(toCsv([['Transition', 'Total days'], ['Lead → Qualified', '3,985'], ['say "hi"', 'a\nb']]))
      .toBe('Transition,Total days\r\nLead → Qualified,"3,985"\r\n"say ""hi""","a\nb"\r\n');
  });
});
