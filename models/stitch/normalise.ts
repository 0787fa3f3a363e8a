/**
 * Customer names as two systems spell them (docs/linking.md#links-by-matching): `Acme Labs Inc.` and
 * `ACME LABS Incorporated`, `上海华信科技有限公司` and `上海华信科技` are one customer. A name is
 * normalised (full-width forms, case, punctuation, whitespace, legal suffixes in English and
 * Chinese) into a key; two keys are compared into a score in [0, 1].
 */

/** Legal-form and group words at the end of an English name (already lower case, no punctuation). */
const SUFFIXES_EN = [
  'incorporated', 'inc', 'corporation', 'corp', 'company', 'co', 'limited', 'ltd', 'llc', 'llp', 'lp', 'plc',
  'gmbh', 'ag', 'kg', 'sa', 'sarl', 'sas', 'bv', 'nv', 'srl', 'spa', 'pty', 'pte', 'oy', 'ab', 'as', 'kk', 'group', 'holdings',
];
/** Chinese legal forms, longest first so that 股份有限公司 goes before 有限公司. */
const SUFFIXES_ZH = ['股份有限公司', '有限责任公司', '有限公司', '分公司', '总公司', '集团', '股份', '公司'];

const HAN = /\p{Script=Han}/u;

/** The name as a key: equal keys are the same customer, whatever the spelling of its legal form. */
export function normaliseName(name: string | null | undefined): string {
  if (!name) return '';
  let text = name.normalize('NFKC').toLowerCase().replace(/&/g, ' and ');
  // A bracketed 集团 is a suffix like any other; other brackets (a city: 华为技术（深圳）) keep their words.
  text = text.replace(/[([{【]\s*集团\s*[)\]}】]/g, ' 集团 ');
  text = text.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  // Initials spelled with dots or spaces (L.L.C., S. A.) are one word.
  let tokens: string[] = [];
  let initials = false;
  for (const token of text.split(' ').filter(Boolean)) {
    const letter = /^[a-z]$/.test(token);
    if (letter && initials) tokens[tokens.length - 1] += token;
    else tokens.push(token);
    initials = letter;
  }
  if (tokens[0] === 'the' && tokens.length > 1) tokens = tokens.slice(1);
  for (let changed = true; changed && tokens.length > 0;) {
    changed = false;
    const last = tokens[tokens.length - 1];
    if (tokens.length > 1 && SUFFIXES_EN.includes(last)) {
      tokens.pop();
      changed = true;
      continue;
    }
    for (const suffix of SUFFIXES_ZH) {
      if (last.endsWith(suffix) && last.length > suffix.length) {
        tokens[tokens.length - 1] = last.slice(0, -suffix.length);
        changed = true;
        break;
      }
      if (last === suffix && tokens.length > 1) {
        tokens.pop();
        changed = true;
        break;
      }
    }
  }
  // Chinese is written without spaces: a space is no part of the name there.
  return tokens.some((t) => HAN.test(t)) ? tokens.join('') : tokens.join(' ');
}

export type NameRule = 'same' | 'prefix' | 'similar' | 'different';

export interface NameMatch {
  readonly score: number;
  readonly rule: NameRule;
}

/** Dice coefficient of the character pairs of two keys (spaces left out). */
function bigramDice(a: string, b: string): number {
  const pairs = (s: string) => {
    const t = s.replace(/ /g, '');
    const out = new Map<string, number>();
    for (let i = 0; i + 1 < t.length; i++) out.set(t.slice(i, i + 2), (out.get(t.slice(i, i + 2)) ?? 0) + 1);
    return out;
  };
  const pa = pairs(a);
  const pb = pairs(b);
  let shared = 0;
  let total = 0;
  for (const n of pa.values()) total += n;
  for (const n of pb.values()) total += n;
  for (const [pair, n] of pa) shared += Math.min(n, pb.get(pair) ?? 0);
  return total === 0 ? 0 : (2 * shared) / total;
}

/**
 * How alike two names are: 1 when their keys are equal; 0.9 when one key begins the other (whole
 * words in Latin script, at least three characters in Chinese: 上海华信科技 / 上海华信科技发展); else
 * the Dice coefficient of their character pairs.
 */
export function compareNames(a: string | null | undefined, b: string | null | undefined): NameMatch {
  const ka = normaliseName(a);
  const kb = normaliseName(b);
  if (!ka || !kb) return { score: 0, rule: 'different' };
  if (ka === kb) return { score: 1, rule: 'same' };
  const [short, long] = ka.length <= kb.length ? [ka, kb] : [kb, ka];
  const han = HAN.test(short);
  if (han ? short.length >= 3 && long.startsWith(short) : long.startsWith(short + ' ')) return { score: 0.9, rule: 'prefix' };
  const score = Math.round(bigramDice(ka, kb) * 100) / 100;
  return { score, rule: score >= 0.85 ? 'similar' : 'different' };
}
