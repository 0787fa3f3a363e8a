/**
 * Small worlds dated far from the sample data's 2025, for the defaults that must come from the data
 * (the cut-over, the notebooks' dates): every figure can be worked out by hand.
 */
import type { Bundle } from './workspace.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * 20 leads on the 5th of every month from January 2018 to December 2019 (source Web, owners Ann and
 * Bob in turn); from April 2019 on 14 of a month's leads order on the 15th, before it 6. Only
 * conversion changes (the sales cycle is 10 days throughout), so the one split that explains
 * conversion's monthly series is 2019-04-01. The data runs from 2018-01-05 09:00 to 2019-12-15 09:00.
 */
export function plantedChangeWorld(): Bundle {
  const leads = ['lead_id,created_at,source,owner'];
  const orders = ['order_id,created_at,lead_id,amount'];
  for (let m = 0; m < 24; m++) {
    const year = 2018 + Math.floor(m / 12);
    const month = (m % 12) + 1;
    const converted = year === 2019 && month >= 4 ? 14 : 6;
    for (let i = 0; i < 20; i++) {
      const id = `L${m}-${i}`;
      leads.push(`${id},${year}-${pad(month)}-05 09:00:00,Web,${i % 2 ? 'Bob' : 'Ann'}`);
      if (i < converted) orders.push(`O${m}-${i},${year}-${pad(month)}-15 09:00:00,${id},100`);
    }
  }
  return { 'leads.csv': `${leads.join('\n')}\n`, 'orders.csv': `${orders.join('\n')}\n` };
}

export const PLANTED_CHANGE = '2019-04-01';
