/** Text of the Links page and of link quality's "traced by id / by match", in English and Simplified Chinese. */

import { bilingual } from './bilingual.ts';

export const linksStrings = bilingual({
  en: {
    title: 'Links',
    subtitle: 'Records of two systems that share no id, paired by customer name, amount and date. Accept what is right; undo takes a decision back.',
    loading: 'Looking for links…',
    emptyTitle: 'Nothing to link',
    emptyBody:
      'Every order reaches an opportunity and every invoice its order by id, or no pair of records shares a customer name, an amount or a date. '
      + 'Import the CRM opportunities (with their accounts) and the ERP orders or invoices, then come back.',
    toImport: 'Import exports',
    count: (n: number) => `${n} suggestion${n === 1 ? '' : 's'}`,
    threshold: 'Accept all at or above',
    acceptAll: (n: number) => `Accept ${n}`,
    accept: 'Accept',
    reject: 'Reject',
    accepted: (n: number, batch: number) => `Accepted ${n} link${n === 1 ? '' : 's'} as import ${batch}: undo it on the Import page.`,
    rejected: (n: number, batch: number) => `Rejected ${n} link${n === 1 ? '' : 's'} as import ${batch}: ${n === 1 ? 'it is' : 'they are'} not suggested again.`,
    column: { link: 'Link', confidence: 'Confidence', evidence: 'Evidence', decide: 'Decision' },
    ambiguous: 'ambiguous',
    ambiguousHint: 'Another record is nearly as likely: check before accepting.',
    tables: { opportunities: 'Opportunity', orders: 'Order', invoices: 'Invoice' } as Record<string, string>,
    list: 'Link suggestions by confidence',
    tracedById: 'traced by id',
    tracedByMatch: 'traced by match',
    tracing: (byId: string, byMatch: string) => `Orders traced by id ${byId} · by match ${byMatch}`,
    invoicesTracing: (byId: string, byMatch: string) => `Invoices to their order by id ${byId} · by match ${byMatch}`,
  },
  zh: {
    title: '关联',
    subtitle: '两个系统的记录没有共同编号时，按客户名称、金额和日期配对。确认正确的关联；撤销导入可收回决定。',
    loading: '正在查找可关联的记录…',
    emptyTitle: '没有可关联的记录',
    emptyBody: '所有订单都已通过编号关联到商机、所有发票都已关联到订单，或者没有记录在客户名称、金额或日期上相符。请导入 CRM 商机（及其客户）和 ERP 订单或发票后再来。',
    toImport: '导入数据',
    count: (n: number) => `${n} 条建议`,
    threshold: '全部接受，置信度不低于',
    acceptAll: (n: number) => `接受 ${n} 条`,
    accept: '接受',
    reject: '拒绝',
    accepted: (n: number, batch: number) => `已接受 ${n} 条关联（导入批次 ${batch}），可在导入页撤销。`,
    rejected: (n: number, batch: number) => `已拒绝 ${n} 条关联（导入批次 ${batch}），不会再次建议。`,
    column: { link: '关联', confidence: '置信度', evidence: '依据', decide: '决定' },
    ambiguous: '有歧义',
    ambiguousHint: '另一条记录的可能性几乎相同，请核对后再接受。',
    tables: { opportunities: '商机', orders: '订单', invoices: '发票' },
    list: '按置信度排列的关联建议',
    tracedById: '按编号关联',
    tracedByMatch: '按匹配关联',
    tracing: (byId: string, byMatch: string) => `订单按编号关联 ${byId} · 按匹配关联 ${byMatch}`,
    invoicesTracing: (byId: string, byMatch: string) => `发票按编号关联到订单 ${byId} · 按匹配关联 ${byMatch}`,
  },
});

export type LinksStrings = (typeof linksStrings)['en'];
export default linksStrings;
