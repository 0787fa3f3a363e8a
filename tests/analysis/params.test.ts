/** One parser for `ltc` flags and query strings: the same values, defaults, checks and error words (models/analysis/params.ts). */
import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { choice, fromCli, fromQuery, PERIOD, readParams, required, text, whole } from '../../models/analysis/params.ts';
import { cliOptions } from '../../app/cli/command.ts';

const SCHEMA = {
  ...PERIOD,
  excludeDays: whole('days left out', { max: 365 }),
  by: choice(['month', 'quarter'], 'period length'),
  id: required(text('ID', 'a case', { positional: true }), 'L1'),
};

function cli(args: string[]) {
  const { values, positionals } = parseArgs({ args, options: cliOptions(SCHEMA), allowPositionals: true, strict: true });
  return readParams(SCHEMA, fromCli(SCHEMA, values, positionals), 'cli');
}
const query = (q: string) => readParams(SCHEMA, fromQuery(SCHEMA, new URLSearchParams(q)), 'query');

describe('parameters', () => {
  it('reads the same values from flags and from a query string', () => {
    const fromFlags = cli(['L7', '--from', '2025-01-01', '--as-of', '2025-06-30 17:00:00', '--window-days', '30',
      '--exclude-days', '14', '--by', 'quarter', '--where', 'source=Web', '--where', 'Sales Channel=Partner']);
    const fromUrl = query('id=L7&from=2025-01-01&as_of=2025-06-30%2017:00:00&window_days=30&exclude_days=14&by=quarter'
      + '&source=Web&attr.Sales%20Channel=Partner');
    expect(fromUrl).toEqual(fromFlags);
    expect(fromFlags).toEqual({
      id: 'L7', from: '2025-01-01', to: undefined, asOf: '2025-06-30 17:00:00', windowDays: 30, excludeDays: 14, by: 'quarter',
      where: { source: 'Web', attributes: { 'Sales Channel': 'Partner' } },
    });
  });

  it('takes the page-state names the dashboard wrote before the names were one, and --where in a URL', () => {
    expect(query('id=L1&window=45').windowDays).toBe(45);
    expect(query('id=L1&where=region%3DEMEA&where=Tier%3DGold').where).toEqual({ region: 'EMEA', attributes: { Tier: 'Gold' } });
  });

  it('treats an empty query value as not given, as a flag not written', () => {
    expect(query('id=L1&from=&by=&source=')).toMatchObject({ from: undefined, by: undefined, where: { attributes: {} } });
  });

  it('refuses a bad value in the same words, naming the parameter as each asker wrote it', () => {
    const cases: [string[], string, RegExp][] = [
      [['L1', '--from', '2025-02-30'], 'id=L1&from=2025-02-30', /^(--from|from) must be a date like 2025-01-31, not "2025-02-30"$/],
      [['L1', '--window-days', '0'], 'id=L1&window_days=0', /^(--window-days|window_days) must be a whole number of days from 1 to 3650, not "0"$/],
      [['L1', '--exclude-days=-3'], 'id=L1&exclude_days=-3', /^(--exclude-days|exclude_days) must be a whole number from 0 to 365, not "-3"$/],
      [['L1', '--by', 'week'], 'id=L1&by=week', /^(--by|by) must be month or quarter, not "week"$/],
      [['L1', '--where', 'Web'], 'id=L1&where=Web', /^(--where|where) takes KEY=VALUE/],
      [[], '', /^ID is required, e.g. L1$/],
    ];
    for (const [args, q, message] of cases) {
      expect(() => cli(args), args.join(' ')).toThrow(message);
      expect(() => query(q), q).toThrow(message);
      expect(() => cli(args)).toThrow(expect.objectContaining({ name: 'UsageError' }));
    }
    expect(() => cli(['L1', '--from', 'x'])).toThrow(/^--from /);
    expect(() => query('id=L1&from=x')).toThrow(/^from /);
  });
});
