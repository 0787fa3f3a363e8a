import { describe, expect, it } from 'vitest';
import { compareNames, normaliseName } from '../../models/stitch/normalise.ts';
import { assignLinks, CANDIDATES_PER_RECORD, EXACT_GROUP_LIMIT, maxWeightAssignment } from '../../models/stitch/assignment.ts';
import { scorePair } from '../../models/stitch/scoring.ts';
import { ORDER_AFTER_CLOSE } from '../../models/stitch/scoring.ts';

describe('customer names', () => {
  it.each([
    ['Acme Labs Inc.', 'ACME LABS Incorporated'],
    ['Acme Labs, Inc', 'acme   labs'],
    ['Blue River Co., Ltd.', 'BLUE RIVER COMPANY LIMITED'],
    ['Titan Labs LLC', 'TITAN LABS L.L.C.'],
    ['Granite Energy GmbH', 'The Granite Energy GMBH'],
    ['Orion Foods Corp.', 'Orion Foods Corporation'],
    ['上海华信科技有限公司', '上海华信科技'],
    ['上海华信科技有限公司', '上海华信科技股份有限公司'],
    ['上海华信科技有限公司', '上海华信科技有限责任公司'],
    ['杭州新源贸易（集团）有限公司', '杭州新源贸易(集团)'],
    ['杭州新源贸易集团', '杭州新源贸易'],
    ['ＡＣＭＥ ＬＡＢＳ Ｉｎｃ．', 'Acme Labs Inc.'],
  ])('%s and %s are one customer', (a, b) => {
    expect(normaliseName(a)).toBe(normaliseName(b));
    expect(compareNames(a, b)).toEqual({ score: 1, rule: 'same' });
  });

  it('keeps the words that tell customers apart', () => {
    expect(normaliseName('Acme Labs Inc.')).toBe('acme labs');
    expect(normaliseName('上海华信科技有限公司')).toBe('上海华信科技');
    // A legal form alone is a name, not a suffix.
    expect(normaliseName('Company')).toBe('company');
    expect(compareNames('Acme Labs Inc.', 'Acme Foods Inc.').rule).toBe('different');
    expect(compareNames('北京汇通物流有限公司', '上海汇通物流有限公司').score).toBeLessThan(0.85);
  });

  it('scores a name that begins the other below an equal one', () => {
    expect(compareNames('上海华信科技有限公司', '上海华信科技发展有限公司')).toEqual({ score: 0.9, rule: 'prefix' });
    expect(compareNames('Acme Labs', 'Acme Labs Europe')).toEqual({ score: 0.9, rule: 'prefix' });
    // Two Chinese characters are too short to be a prefix of a name.
    expect(compareNames('上海', '上海华信科技').rule).not.toBe('prefix');
  });
});

describe('evidence', () => {
  const side = (id: string, name: string, amount: number, at: string, attributes: string | null = null) => ({ id, name, amount, at, attributes });

  it('finds the tax rate that makes two amounts equal, and the days between', () => {
    const { evidence } = scorePair(side('O1', 'Acme Labs Inc.', 1000, '2025-03-01T00:00:00'), side('SO-9', 'ACME LABS Incorporated', 1130, '2025-03-05T00:00:00'), ORDER_AFTER_CLOSE);
    expect(evidence).toEqual([
      { kind: 'name', from: 'Acme Labs Inc.', to: 'ACME LABS Incorporated', score: 1, rule: 'same' },
      { kind: 'amount', from: 1000, to: 1130, rule: '+13% tax' },
      { kind: 'date', days: 4 },
    ]);
  });

  it('reads a reference field that names the other record', () => {
    const { evidence } = scorePair(side('OPP-0042', 'X', 500, '2025-03-01T00:00:00'),
      side('SO-1', 'Y', 777, '2025-03-02T00:00:00', JSON.stringify({ 'PO Number': 'PO OPP-0042 / rev 2' })), ORDER_AFTER_CLOSE);
    expect(evidence.at(-1)).toEqual({ kind: 'reference', field: 'PO Number', value: 'PO OPP-0042 / rev 2', names: 'from' });
  });

  it('ranks every level of a field against the next', () => {
    const at = (days: number) => new Date(Date.parse('2025-03-01T00:00:00Z') + days * 86_400_000).toISOString().slice(0, 19);
    const weight = (name: string, amount: number, days: number) =>
      scorePair(side('A', 'Acme Labs Inc.', 1000, at(0)), side('B', name, amount, at(days)), ORDER_AFTER_CLOSE).weight;
    expect(weight('Acme Labs', 1000, 3)).toBeGreaterThan(weight('Acme Labs Europe', 1000, 3));
    expect(weight('Acme Labs Europe', 1000, 3)).toBeGreaterThan(weight('Zeta Foods', 1000, 3));
    expect(weight('Acme Labs', 1000, 3)).toBeGreaterThan(weight('Acme Labs', 1130, 3));
    expect(weight('Acme Labs', 1130, 3)).toBeGreaterThan(weight('Acme Labs', 1500, 3));
    expect(weight('Acme Labs', 1000, 3)).toBeGreaterThan(weight('Acme Labs', 1000, 20));
  });
});

describe('assignment', () => {
  // Greedy first match takes A–X (10), leaving B only Y (1): 11 in all. The assignment takes A–Y and
  // B–X: 9 + 8 = 17.
  const weights = [
    [10, 9],
    [8, 1],
  ];

  it('maximises the total weight, where greedy first match does not', () => {
    expect(maxWeightAssignment(weights)).toEqual([1, 0]);
  });

  it('leaves a row without a partner rather than take a pair of weight ≤ 0', () => {
    expect(maxWeightAssignment([[5, -1], [-2, -3], [-1, 4]])).toEqual([0, -1, 1]);
    expect(maxWeightAssignment([[3], [7], [1]])).toEqual([-1, 0, -1]);
  });

  it('links each record once, and marks near-equal rivals ambiguous and below 0.9', () => {
    const links = assignLinks([
      { from: 'A', to: 'X', weight: 10 }, { from: 'A', to: 'Y', weight: 9 },
      { from: 'B', to: 'X', weight: 8 }, { from: 'B', to: 'Y', weight: 1 },
    ]);
    expect(links.map((l) => `${l.from}-${l.to}`).sort()).toEqual(['A-Y', 'B-X']);
    // A–Y has a rival A–X of more weight; B–X a rival A–X: both ambiguous.
    expect(links.every((l) => l.ambiguous && l.confidence < 0.9)).toBe(true);

    const clear = assignLinks([{ from: 'A', to: 'X', weight: 12 }, { from: 'A', to: 'Y', weight: 2 }]);
    expect(clear).toHaveLength(1);
    expect(clear[0]).toMatchObject({ from: 'A', to: 'X', ambiguous: false });
    // e^12 / (20 + e^12 + e^2), by hand: 162754.79 / 162782.18
    expect(clear[0].confidence).toBeCloseTo(162754.79 / (20 + 162754.79 + 7.389), 6);
  });

  it('keeps a group too large for the exact method one-to-one, each record with its own partner', () => {
    // 400 deals and 400 orders chained into one group: deal i fits order i (10), and order i+1 a little (5).
    const n = 400;
    const candidates = Array.from({ length: n }, (_, i) => [
      { from: `D${i}`, to: `O${i}`, weight: 10 },
      ...(i + 1 < n ? [{ from: `D${i}`, to: `O${i + 1}`, weight: 5 }] : []),
    ]).flat();
    expect(2 * n).toBeGreaterThan(EXACT_GROUP_LIMIT);
    const links = assignLinks(candidates);
    expect(links).toHaveLength(n);
    expect(new Set(links.map((l) => l.from)).size).toBe(n);
    expect(new Set(links.map((l) => l.to)).size).toBe(n);
    expect(links.every((l) => l.to === `O${l.from.slice(1)}`)).toBe(true);
  });

  it('assigns a record among its strongest candidates, however many weak ones it has', () => {
    const weak = Array.from({ length: 3 * CANDIDATES_PER_RECORD }, (_, i) => ({ from: 'A', to: `W${i}`, weight: 1 + i / 100 }));
    const links = assignLinks([...weak, { from: 'A', to: 'X', weight: 9 }]);
    expect(links.map((l) => `${l.from}-${l.to}`)).toEqual(['A-X']);
    // The weak candidates still lower its confidence: e^9 against 20 + e^9 + their sum.
    const rest = weak.reduce((s, c) => s + Math.exp(c.weight), 0);
    expect(links[0].confidence).toBeCloseTo(Math.exp(9) / (20 + Math.exp(9) + rest), 6);
  });
});
