/**
 * Issue 17: `ltc … --lang zh` prints its error line in Chinese (written here by hand); without it,
 * the English line is as it always was, and a refused `--lang` itself is said in English.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ltc } from '../helpers/cli.ts';

const db = join(mkdtempSync(join(tmpdir(), 'ltc-cli-lang-')), 'ws.duckdb');

describe('ltc error lines in the language asked', () => {
  it('a value out of its choices: Chinese with --lang zh, the value as typed; English without', () => {
    expect(ltc(['trends', '--db', db, '--by', 'week', '--lang', 'zh'])).toMatchObject({
      code: 2, stdout: '', stderr: 'ltc trends: --by 必须是 month 或 quarter，而不是 "week"\n',
    });
    expect(ltc(['trends', '--db', db, '--by', 'week'])).toMatchObject({
      code: 2, stderr: 'ltc trends: --by must be month or quarter, not "week"\n',
    });
  });

  it('a refused --lang is said in English', () => {
    expect(ltc(['trends', '--db', db, '--by', 'week', '--lang', 'fr'])).toMatchObject({
      code: 2, stderr: 'ltc trends: --lang must be en or zh, not "fr"\n',
    });
  });

  it('a case the workspace does not hold: exit 1, in Chinese', () => {
    expect(ltc(['case', 'L404', '--db', db, '--lang', 'zh'])).toMatchObject({
      code: 1, stderr: 'ltc case: 没有案例 "L404"：它不是此数据库中的案例、订单或商机 ID\n',
    });
  });
});
