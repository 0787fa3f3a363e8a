/**
 * Kaplan–Meier and the log-rank test on the classic 6-MP leukaemia remission data (Freireich et al.
 * 1963, as in Kleinbaum & Klein, "Survival Analysis", ch. 2), whose published figures are: 6-MP median
 * remission 23 weeks, placebo 8 weeks, S(t) of 6-MP after week 6 = 0.857, log-rank chi-square 16.79
 * (1 df, p = 4.17e-05).
 */
import { describe, expect, it } from 'vitest';
import { groupTimes, kaplanMeier, logRank, type Observation } from '../../models/stats/survival.ts';

// Weeks in remission; + = still in remission when followed up (censored).
const SIX_MP = '6 6 6 6+ 7 9+ 10 10+ 11+ 13 16 17+ 19+ 20+ 22 23 25+ 32+ 32+ 34+ 35+';
const PLACEBO = '1 1 2 2 3 4 4 5 5 8 8 8 8 11 11 12 12 15 17 22 23';
const read = (text: string) => groupTimes(text.split(' ').map((t): Observation => ({ time: Number(t.replace('+', '')), event: !t.endsWith('+') })));

describe('Kaplan–Meier', () => {
  it('gives the published 6-MP curve and medians', () => {
    const sixMp = kaplanMeier(read(SIX_MP));
    expect([sixMp.n, sixMp.events, sixMp.censored]).toEqual([21, 9, 12]);
    const at = (t: number) => sixMp.steps.filter((s) => s.time <= t).at(-1)!.survival;
    // S(6) = 18/21, S(7) = 18/21 · 16/17, S(10) = · 14/15, S(13) = · 11/12, S(16) = · 10/11, S(22) = · 6/7, S(23) = · 5/6.
    expect(at(6)).toBeCloseTo(0.857, 3);
    expect(at(7)).toBeCloseTo(0.807, 3);
    expect(at(10)).toBeCloseTo(0.753, 3);
    expect(at(13)).toBeCloseTo(0.690, 3);
    expect(at(16)).toBeCloseTo(0.627, 3);
    expect(at(22)).toBeCloseTo(0.538, 3);
    expect(at(23)).toBeCloseTo(0.448, 3);
    expect(sixMp.median).toBe(23);
    expect(kaplanMeier(read(PLACEBO)).median).toBe(8);
  });

  it('counts those at risk before each time and never reaches 0.5 when most are censored', () => {
    const curve = kaplanMeier(groupTimes([{ time: 1, event: true }, { time: 2, event: false }, { time: 2, event: false }, { time: 3, event: false }]));
    expect(curve.steps.map((s) => [s.time, s.at_risk, s.events, s.censored])).toEqual([[1, 4, 1, 0], [2, 3, 0, 2], [3, 1, 0, 1]]);
    expect(curve.median).toBeNull();
  });
});

describe('log-rank test', () => {
  it('gives the published chi-square and p-value for 6-MP against placebo', () => {
    const result = logRank(read(SIX_MP), read(PLACEBO))!;
    expect(result.chi2).toBeCloseTo(16.79, 2);
    expect(result.p_value).toBeCloseTo(4.17e-5, 6);
    expect(result.observed).toEqual([9, 21]);
    // Expected events under no difference (Kleinbaum & Klein): 19.25 for 6-MP, 10.75 for placebo.
    expect(result.expected[0]).toBeCloseTo(19.25, 2);
    expect(result.expected[1]).toBeCloseTo(10.75, 2);
  });

  it('finds no difference between identical groups and has no answer without events', () => {
    const same = read(PLACEBO);
    expect(logRank(same, same)!.chi2).toBeCloseTo(0, 12);
    expect(logRank(groupTimes([{ time: 1, event: false }]), groupTimes([{ time: 2, event: false }]))).toBeNull();
  });
});
