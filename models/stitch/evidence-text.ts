/** One line of words for a suggestion's evidence, in English or Chinese (CLI table, page tooltips); the words are models/messages/links.ts. */
import { say, type Lang } from '../messages/catalogue.ts';
import { EVIDENCE_WORDS, NAME_RULES } from '../messages/links.ts';
import type { Evidence } from './scoring.ts';

const isNameRule = (rule: string): rule is keyof typeof NAME_RULES => Object.hasOwn(NAME_RULES, rule);

function amountRule(rule: string, lang: Lang): string {
  if (rule === 'equal') return say(EVIDENCE_WORDS, 'amounts_equal', lang);
  const tax = /^([+-])([\d.]+)% tax$/.exec(rule);
  if (tax) return say(EVIDENCE_WORDS, tax[1] === '+' ? 'amounts_equal_plus_tax' : 'amounts_equal_minus_tax', lang, { percent: tax[2] });
  const off = /^differs ([\d.]+)%$/.exec(rule);
  return off ? say(EVIDENCE_WORDS, 'amounts_differ', lang, { percent: off[1] }) : rule;
}

export function describeEvidence(evidence: Evidence, lang: Lang = 'en'): string {
  switch (evidence.kind) {
    case 'name': {
      const rule = isNameRule(evidence.rule) ? say(NAME_RULES, evidence.rule, lang) : evidence.rule;
      return say(EVIDENCE_WORDS, 'name', lang, { rule, from: evidence.from, to: evidence.to });
    }
    case 'amount':
      return say(EVIDENCE_WORDS, 'amount', lang, { rule: amountRule(evidence.rule, lang), from: String(evidence.from), to: String(evidence.to) });
    case 'date': {
      const days = Math.abs(evidence.days);
      return say(EVIDENCE_WORDS, evidence.days >= 0 ? 'days_later' : 'days_earlier', lang, { days, count: String(days) });
    }
    case 'reference':
      return say(EVIDENCE_WORDS, 'reference', lang, { field: evidence.field, value: evidence.value });
  }
}

export function describeAll(evidence: readonly Evidence[], lang: Lang = 'en'): string {
  return evidence.map((e) => describeEvidence(e, lang)).join(say(EVIDENCE_WORDS, 'separator', lang));
}
