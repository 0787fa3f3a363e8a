/**
 * A seeded pair of exports from two systems that share no ids (docs/linking.md#links-by-matching): a CRM
 * (accounts, opportunities) and an ERP (orders carrying the customer's name as the ERP spells it).
 * The truth — which ERP order came from which won opportunity — is returned beside the files.
 *
 * What makes it hard, as real exports are: customer names spelled differently in English and
 * Chinese (case, punctuation, legal-form variants, 有限公司 dropped, full-width letters, （集团）),
 * VAT added on some ERP amounts, a small discount on others, order dates days after the close (a
 * few before), customers on one side only, lost deals, won deals not yet ordered, and accounts with
 * two similar deals weeks apart.
 */

/** mulberry32: a small seeded generator, so that every run sees the same exports. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EN_FIRST = ['Acme', 'Northwind', 'Blue River', 'Granite', 'Silverline', 'Apex', 'Harbor', 'Summit', 'Maple', 'Orion',
  'Redwood', 'Pioneer', 'Crescent', 'Evergreen', 'Falcon', 'Lighthouse', 'Meridian', 'Nova', 'Pinnacle', 'Quantum',
  'Sterling', 'Titan', 'Vertex', 'Willow', 'Zenith', 'Cobalt', 'Horizon', 'Ironwood', 'Juniper', 'Keystone'];
const EN_SECOND = ['Labs', 'Systems', 'Logistics', 'Foods', 'Analytics', 'Robotics', 'Textiles', 'Energy', 'Medical', 'Software'];
const EN_FORMS: readonly (readonly [string, string])[] = [
  ['Inc.', 'Incorporated'], ['Corp.', 'Corporation'], ['Ltd', 'Limited'], ['LLC', 'L.L.C.'], ['GmbH', 'GMBH'], ['Co., Ltd.', 'Company Limited'],
];
const ZH_CITY = ['上海', '北京', '深圳', '广州', '杭州', '苏州', '成都', '武汉', '南京', '天津'];
const ZH_WORD = ['华信', '恒达', '瑞丰', '金桥', '中科', '新源', '博远', '安泰', '宏图', '汇通', '东方', '海纳'];
const ZH_TRADE = ['科技', '电子', '物流', '医药', '贸易', '机械'];

export interface CrmErpPair {
  /** file name → CSV text, ready for ingest */
  readonly files: Record<string, string>;
  /** "opportunity id → ERP order id" of every true link */
  readonly truth: ReadonlyMap<string, string>;
  readonly counts: { customers: number; crmOnly: number; erpOnly: number; wonDeals: number; orders: number; twinDeals: number };
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
const DAY = 86_400_000;

const csvCell = (v: string | number | boolean | null) => {
  const s = v === null ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const csv = (header: string[], rows: (string | number | boolean | null)[][]) =>
  [header.join(','), ...rows.map((r) => r.map(csvCell).join(','))].join('\n') + '\n';

/** Full-width forms of ASCII letters and digits (as some Chinese systems store Latin text). */
const fullWidth = (s: string) => s.replace(/[A-Za-z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

export function crmErpPair(seed = 16, customers = 150): CrmErpPair {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));

  const accounts: (string | null)[][] = [];
  const opportunities: (string | number | boolean | null)[][] = [];
  const orders: (string | number | null)[][] = [];
  const truth = new Map<string, string>();
  const used = new Set<string>();
  let crmOnly = 0;
  let erpOnly = 0;
  let wonDeals = 0;
  let twinDeals = 0;
  const start = Date.parse('2024-01-01T00:00:00Z');

  for (let c = 0; c < customers; c++) {
    // Two spellings of one customer, the CRM's and the ERP's.
    let crmName: string;
    let erpName: string;
    do {
      if (rnd() < 0.5) {
        const base = `${pick(EN_FIRST)} ${pick(EN_SECOND)}`;
        const [a, b] = pick(EN_FORMS);
        crmName = `${base} ${a}`;
        const variant = int(0, 3);
        erpName = variant === 0 ? `${base.toUpperCase()} ${b.toUpperCase()}`
          : variant === 1 ? `${base.toLowerCase()}, ${a.toLowerCase()}`
            : variant === 2 ? `${base.replace(' ', '  ')} ${b}`
              : `The ${base} ${b}`;
      } else {
        const base = `${pick(ZH_CITY)}${pick(ZH_WORD)}${pick(ZH_TRADE)}`;
        crmName = rnd() < 0.3 ? `${base}（集团）有限公司` : `${base}有限公司`;
        const variant = int(0, 3);
        erpName = variant === 0 ? base
          : variant === 1 ? `${base}股份有限公司`
            : variant === 2 ? `${base}(集团)`
              : `${base}有限责任公司`;
      }
    } while (used.has(crmName.toLowerCase()));
    used.add(crmName.toLowerCase());
    if (rnd() < 0.15 && c % 3 === 0) erpName = fullWidth(erpName);

    const side = rnd();
    const inCrm = side >= 0.1;
    const inErp = side < 0.1 || side >= 0.2;
    const accountId = `001A${String(c).padStart(6, '0')}`;
    const customerNo = `K${10_000 + c * 7}`;
    if (inCrm) accounts.push([accountId, crmName, pick(['Manufacturing', 'Retail', 'Health']), pick(['North', 'South', 'East']), pick(['SMB', 'Enterprise'])]);
    if (!inErp) crmOnly++;
    if (!inCrm) erpOnly++;

    const deals = int(1, 3);
    const twins = inCrm && inErp && rnd() < 0.25;
    let at = start + int(0, 600) * DAY;
    let lastAmount = 0;
    for (let d = 0; d < deals + (twins ? 1 : 0); d++) {
      const twin = twins && d === deals;
      if (twin) twinDeals++;
      // A twin deal: the same amount or nearly, a few weeks after the other.
      const amount = twin ? (rnd() < 0.5 ? lastAmount : Math.round(lastAmount * 1.04)) : int(20, 400) * 250;
      const closeAt = twin ? at + int(14, 30) * DAY : at;
      const createdAt = closeAt - int(15, 90) * DAY;
      const won = twin || rnd() < 0.75;
      const opportunityId = `006Q${String(c).padStart(5, '0')}${d}`;
      if (inCrm) {
        opportunities.push([opportunityId, iso(createdAt), accountId, won ? 'Closed Won' : 'Closed Lost', true, won, iso(closeAt), amount, 'USD', pick(['ana', 'bo', 'chen'])]);
        if (won) wonDeals++;
      }
      const ordered = inErp && (won || !inCrm) && (!inCrm || rnd() < 0.92);
      if (ordered) {
        const orderId = `SO-${String(orders.length + 1).padStart(5, '0')}`;
        const r = rnd();
        const orderAmount = r < 0.45 ? amount : r < 0.85 ? Math.round(amount * (1 + pick([0.06, 0.09, 0.13, 0.19, 0.2])) * 100) / 100
          : Math.round(amount * (1 - int(1, 3) / 100) * 100) / 100;
        const lag = rnd() < 0.08 ? -int(1, 5) : int(0, 12);
        orders.push([orderId, iso(closeAt + lag * DAY + int(8, 17) * 3_600_000), customerNo, orderAmount, 'USD', erpName]);
        if (inCrm) truth.set(opportunityId, orderId);
      }
      lastAmount = amount;
      if (!twin) at += int(40, 160) * DAY;
    }
  }
  return {
    files: {
      'accounts.csv': csv(['account_id', 'name', 'industry', 'region', 'segment'], accounts),
      'opportunities.csv': csv(['opportunity_id', 'created_at', 'account_id', 'stage', 'is_closed', 'is_won', 'closed_at', 'amount', 'currency', 'owner'], opportunities),
      'orders.csv': csv(['order_id', 'created_at', 'customer_id', 'amount', 'currency', 'Customer Name'], orders),
    },
    truth,
    counts: { customers, crmOnly, erpOnly, wonDeals, orders: orders.length, twinDeals },
  };
}
