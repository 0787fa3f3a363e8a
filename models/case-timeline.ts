/**
 * One case's timeline (docs/linking.md): its milestones, every record stitched into it (lead,
 * opportunities, quotes, orders, deliveries, invoices, payments) with the link it came by, and
 * those records' moments as one event list ordered by time. Each record is a lane of the timeline
 * chart: `start_at`–`end_at` for records with a duration, points for the others.
 */
import type { Database } from './db/database.ts';
import { caseRow, type CaseRow } from './cases.ts';
import { STAGES, type StageId } from './funnel.ts';
import { dataFacts } from './measures.ts';
import { sqlFile } from './sql-files.ts';

export type ObjectType = 'lead' | 'opportunity' | 'quote' | 'order' | 'delivery' | 'invoice' | 'payment';

/** Lane order of the chart: the process order of docs/linking.md. */
export const OBJECT_TYPES: readonly ObjectType[] = ['lead', 'opportunity', 'quote', 'order', 'delivery', 'invoice', 'payment'];

export interface Milestone {
  readonly id: StageId;
  readonly label: string;
  readonly label_zh: string;
  /** null when the case has not reached it */
  readonly at: string | null;
}

export interface CaseObject {
  readonly type: ObjectType;
  readonly id: string;
  /** the chart lane: "<type> <id>" */
  readonly lane: string;
  /**
   * The field that tied the record to the case: 'origin' (the record that starts it),
   * 'opportunities.lead_id', 'leads.opportunity_id', 'quotes.opportunity_id', 'orders.opportunity_id',
   * 'orders.lead_id', 'record_links' (an accepted link made by matching), 'deliveries.order_id', 'invoices.order_id', 'payments.invoice_id',
   * 'payments.order_id' or 'payment_lines'.
   */
  readonly link: string;
  /** the record it is linked to (null for the origin, and for payments linked through lines) */
  readonly parent_type: ObjectType | null;
  readonly parent_id: string | null;
  /** tied to the lead only because leads.opportunity_id names the opportunity */
  readonly inferred: boolean;
  readonly start_at: string;
  /** end of a duration; null for points and for durations still open */
  readonly end_at: string | null;
  /** a duration that has not ended (opportunity not closed, order not delivered, invoice not paid) */
  readonly open: boolean;
  readonly amount: number | null;
  readonly currency: string | null;
  /** the record's own moments (null when not recorded) */
  readonly timestamps: Record<string, string | null>;
  /** the record's other fields (planned dates such as due_at live here) */
  readonly details: Record<string, unknown>;
}

export interface CaseEvent {
  readonly at: string;
  /** the moment's name: created, qualified, disqualified, converted, closed_won, closed_lost, closed, sent, accepted, confirmed, shipped, delivered, issued, paid */
  readonly activity: string;
  readonly type: ObjectType;
  readonly id: string;
  readonly lane: string;
  readonly amount: number | null;
  readonly link: string;
}

export interface CaseTimeline {
  readonly data_end: string | null;
  /** the case's list row as of data_end (status, days, current milestone …) */
  readonly case: CaseRow;
  readonly milestones: Milestone[];
  readonly objects: CaseObject[];
  readonly events: CaseEvent[];
}

/** Objects with a duration: its span is open while the end is missing. */
const DURATIONS: ReadonlySet<ObjectType> = new Set(['opportunity', 'order', 'invoice']);

/**
 * The timeline of the case with this id — a case id, or the id of one of its orders or
 * opportunities — or null when nothing has it.
 */
export async function caseTimeline(db: Database, id: string): Promise<CaseTimeline | null> {
  const [found] = await db.query<{ case_id: string }>(sqlFile('case-timeline-resolve.sql'), { id });
  if (found === undefined) return null;
  const caseId = found.case_id;
  const row = await caseRow(db, caseId);
  if (row === null) return null;
  const [facts, [c], raw] = await Promise.all([
    dataFacts(db),
    db.query<Record<string, string | null>>(
      `SELECT ${STAGES.map((s) => `strftime(${s.id}_at, '%Y-%m-%dT%H:%M:%S') AS ${s.id}`).join(', ')}
       FROM model.cases WHERE case_id = $case_id`, { case_id: caseId }),
    db.query<Omit<CaseObject, 'lane' | 'open' | 'timestamps' | 'details'> & { timestamps: string; details: string }>(
      sqlFile('case-timeline.sql'), { case_id: caseId }),
  ]);
  const milestones = STAGES.map((s): Milestone => ({ id: s.id, label: s.label, label_zh: s.label_zh, at: c[s.id] }));
  const objects = raw
    .map((o): CaseObject => {
      const timestamps = isoValues(JSON.parse(o.timestamps) as Record<string, string | null>);
      return {
        ...o, lane: `${o.type} ${o.id}`,
        open: DURATIONS.has(o.type) && o.end_at === null,
        timestamps, details: isoValues(JSON.parse(o.details) as Record<string, unknown>),
      };
    })
    .sort((a, b) => OBJECT_TYPES.indexOf(a.type) - OBJECT_TYPES.indexOf(b.type) || compare(a.start_at, b.start_at) || compare(a.id, b.id));
  const events = objects
    .flatMap((o) => Object.entries(o.timestamps)
      .filter((entry): entry is [string, string] => entry[1] !== null)
      .map(([field, at]): CaseEvent => ({
        at, activity: activity(o, field), type: o.type, id: o.id, lane: o.lane, amount: o.amount, link: o.link,
      })))
    .sort((a, b) => compare(a.at, b.at) || OBJECT_TYPES.indexOf(a.type) - OBJECT_TYPES.indexOf(b.type) || compare(a.id, b.id));
  return { data_end: facts.data_end, case: row, milestones, objects, events };
}

function activity(o: CaseObject, field: string): string {
  const name = field.replace(/_at$/, '');
  if (o.type === 'opportunity' && name === 'closed') {
    return o.details.is_won === true ? 'closed_won' : o.details.is_won === false ? 'closed_lost' : 'closed';
  }
  return name;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/;

/** DuckDB writes timestamps into JSON as "2025-01-02 03:04:05[.ffffff]"; the API speaks ISO seconds. */
function isoValues<T>(record: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [k, v] of Object.entries(record)) {
    out[k] = (typeof v === 'string' && TIMESTAMP.test(v) ? v.slice(0, 19).replace(' ', 'T') : v) as T;
  }
  return out;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
