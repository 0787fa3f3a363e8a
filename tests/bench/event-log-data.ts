/**
 * The event-log benchmark workload: a seeded CSV of `case_id,activity,timestamp` with N cases and about
 * ten events each (2M events for 200k cases), following an order-to-cash-like process with loops,
 * skips and parallel branches so that the map has realistic variety (a few hundred variants).
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const STEPS = ['Create order', 'Check credit', 'Approve order', 'Reserve stock', 'Pick goods', 'Pack goods',
  'Ship goods', 'Deliver', 'Issue invoice', 'Send reminder', 'Receive payment', 'Close order'];

/**
 * The log's figures as the generator knows them, for the bench's check of the results at scale:
 * each trace is written in time order (equal timestamps in trace order, which docs/process-mining.md's "ties by
 * file order" keeps), so its arcs are its consecutive pairs.
 */
export interface GeneratedLog {
  readonly events: number;
  /** "from→to" → directly-follows count */
  readonly arcs: Map<string, number>;
  /** activity sequence joined by "→" → cases */
  readonly variants: Map<string, number>;
  /** Σ over cases of last − first event, in seconds */
  readonly durationSeconds: number;
}

export async function writeEventLog(path: string, cases: number, seed = 7): Promise<GeneratedLog> {
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const out = createWriteStream(path, 'utf8');
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('case_id,activity,timestamp\n');
  let events = 0;
  let durationSeconds = 0;
  const arcs = new Map<string, number>();
  const variants = new Map<string, number>();
  const start = Date.UTC(2023, 0, 1);
  let chunk = '';
  for (let c = 0; c < cases; c++) {
    let t = start + Math.floor(random() * 365 * 86_400_000);
    const id = `C${String(c + 1).padStart(7, '0')}`;
    const trace: string[] = ['Create order', 'Check credit'];
    if (random() < 0.1) trace.push('Check credit');
    if (random() < 0.95) trace.push('Approve order');
    // Stock and picking in either order.
    if (random() < 0.5) trace.push('Reserve stock', 'Pick goods'); else trace.push('Pick goods', 'Reserve stock');
    trace.push('Pack goods', 'Ship goods');
    if (random() < 0.2) trace.push('Ship goods');
    trace.push('Deliver');
    // Invoice before or after delivery.
    if (random() < 0.3) trace.splice(trace.length - 1, 0, 'Issue invoice'); else trace.push('Issue invoice');
    const reminders = random() < 0.25 ? 1 + Math.floor(random() * 2) : 0;
    for (let r = 0; r < reminders; r++) trace.push('Send reminder');
    trace.push('Receive payment', 'Close order');
    let first = 0;
    for (const [i, activity] of trace.entries()) {
      t += Math.floor(random() * 3 * 86_400_000);
      if (i === 0) first = t;
      if (i > 0) arcs.set(`${trace[i - 1]}→${activity}`, (arcs.get(`${trace[i - 1]}→${activity}`) ?? 0) + 1);
      chunk += `${id},${activity},${new Date(t).toISOString().replace('T', ' ').slice(0, 19)}\n`;
      events++;
    }
    // Timestamps are written to the second.
    durationSeconds += Math.floor(t / 1000) - Math.floor(first / 1000);
    variants.set(trace.join('→'), (variants.get(trace.join('→')) ?? 0) + 1);
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  out.end();
  await once(out, 'close');
  return { events, arcs, variants, durationSeconds };
}

export const EVENT_LOG_ACTIVITIES = STEPS;
