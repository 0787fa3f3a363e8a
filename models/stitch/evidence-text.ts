/** One line of words for a suggestion's evidence, in English or Chinese (CLI table, page tooltips). */
import type { Evidence } from './scoring.ts';

const EN: Record<string, string> = { same: 'same name', prefix: 'one name begins the other', similar: 'similar names', different: 'different names' };
const ZH: Record<string, string> = { same: '名称相同', prefix: '名称前缀一致', similar: '名称相近', different: '名称不同' };

function amountRule(rule: string, zh: boolean): string {
  if (rule === 'equal') return zh ? '金额相同' : 'amounts equal';
  const tax = /^([+-])([\d.]+)% tax$/.exec(rule);
  if (tax) return zh ? `金额${tax[1] === '+' ? '加' : '减'} ${tax[2]}% 税后相同` : `amounts equal ${tax[1]}${tax[2]}% tax`;
  const off = /^differs ([\d.]+)%$/.exec(rule);
  return off ? (zh ? `金额相差 ${off[1]}%` : `amounts differ ${off[1]}%`) : rule;
}

export function describeEvidence(evidence: Evidence, lang: 'en' | 'zh' = 'en'): string {
  const zh = lang === 'zh';
  switch (evidence.kind) {
    case 'name':
      return `${(zh ? ZH : EN)[evidence.rule] ?? evidence.rule} (${evidence.from} ~ ${evidence.to})`;
    case 'amount':
      return `${amountRule(evidence.rule, zh)} (${evidence.from} → ${evidence.to})`;
    case 'date':
      if (zh) return evidence.days >= 0 ? `晚 ${evidence.days} 天` : `早 ${-evidence.days} 天`;
      return `${Math.abs(evidence.days)} day${Math.abs(evidence.days) === 1 ? '' : 's'} ${evidence.days >= 0 ? 'later' : 'earlier'}`;
    case 'reference':
      return zh ? `${evidence.field} 提到对方编号（${evidence.value}）` : `${evidence.field} names the other (${evidence.value})`;
  }
}

export function describeAll(evidence: readonly Evidence[], lang: 'en' | 'zh' = 'en'): string {
  return evidence.map((e) => describeEvidence(e, lang)).join('; ');
}
