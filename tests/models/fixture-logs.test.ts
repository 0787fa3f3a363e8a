/**
 * Process maps of the fixture logs other than the running example, against figures this test derives
 * itself from the XES text (its own small reader: traces, events, concept:name, time:timestamp):
 * cases, events, activity counts, every directly-follows arc with its count and mean seconds, start
 * and end activities, and the variants — pm4py's rules (order by timestamp, ties by file order, all
 * lifecycle transitions kept, activity = concept:name).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { processMap } from '../../models/process-map.ts';
import { variants } from '../../models/variants.ts';
import { fixture, needsShared } from '../helpers/fixtures.ts';
import { importAndRebuild, openWorkspace } from '../../app/workspace.ts';

const LOGS = ['10_orders.xes.gz', 'roadtraffic100traces.xes', 'helpdesk.xes.gz', 'receipt.xes.gz',
  '13_SEPSIS_1t_per_variant.xes.gz', '14_Billing_1t_per_variant.xes.gz', 'bpic2012.xes.gz'];

interface Event { activity: string; time: number }

const attribute = (block: string, key: string) =>
  new RegExp(`<(?:string|date|int)\\s+key="${key.replace(':', '\\:')}"\\s+value="([^"]*)"`).exec(block)?.[1];

/** Epoch ms of an XES timestamp: ISO with or without offset, or "YYYY/MM/DD HH:MM:SS.mmm" (taken as UTC). */
function epoch(text: string): number {
  const iso = text.replace(/^(\d{4})\/(\d{2})\/(\d{2}) /, '$1-$2-$3T');
  return Date.parse(/[zZ]|[+-]\d{2}:?\d{2}$/.test(iso) ? iso : `${iso}Z`);
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Each trace's events in log order (stable sort by time: ties keep file order). */
function readTraces(xml: string): Map<string, Event[]> {
  const traces = new Map<string, Event[]>();
  for (const [, body] of xml.matchAll(/<trace>([\s\S]*?)<\/trace>/g)) {
    const head = body.slice(0, body.indexOf('<event') === -1 ? body.length : body.indexOf('<event'));
    const id = unescape(attribute(head, 'concept:name')!);
    const events = [...body.matchAll(/<event>([\s\S]*?)<\/event>/g)].map(([, e]) => ({
      activity: unescape(attribute(e, 'concept:name')!), time: epoch(attribute(e, 'time:timestamp')!),
    }));
    traces.set(id, events.sort((a, b) => a.time - b.time));
  }
  return traces;
}

function expected(traces: Map<string, Event[]>) {
  const activities = new Map<string, number>();
  const arcs = new Map<string, { count: number; seconds: number }>();
  const start = new Map<string, number>();
  const end = new Map<string, number>();
  const sequences = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  let events = 0;
  for (const trace of traces.values()) {
    events += trace.length;
    trace.forEach((e, i) => {
      bump(activities, e.activity);
      if (i > 0) {
        const key = `${trace[i - 1].activity} → ${e.activity}`;
        const arc = arcs.get(key) ?? { count: 0, seconds: 0 };
        arcs.set(key, { count: arc.count + 1, seconds: arc.seconds + (e.time - trace[i - 1].time) / 1000 });
      }
    });
    bump(start, trace[0].activity);
    bump(end, trace[trace.length - 1].activity);
    bump(sequences, JSON.stringify(trace.map((e) => e.activity)));
  }
  return { cases: traces.size, events, activities, arcs, start, end, sequences };
}

const sorted = (m: Map<string, number>) => Object.fromEntries([...m].sort(([a], [b]) => (a < b ? -1 : 1)));

const needs = needsShared('fixture logs', LOGS.map((name) => `eventlogs/${name}`));

describe.each(LOGS)('%s equals the figures read from its XES text', needs, (name) => {
  it('cases, events, activities, arcs (count and mean), start, end and variants', async () => {
    const path = fixture(`eventlogs/${name}`);
    const raw = readFileSync(path);
    const truth = expected(readTraces((name.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8')));
    const db = await openWorkspace(':memory:');
    try {
      const { files } = await importAndRebuild(db, [{ path, name }]);
      expect(files[0].error).toBeUndefined();
      expect(files[0].rows_rejected).toBe(0);
      const map = await processMap(db);
      expect([map.cases, map.events]).toEqual([truth.cases, truth.events]);
      expect(sorted(new Map(map.activities.map((a) => [a.name, a.count])))).toEqual(sorted(truth.activities));
      expect(sorted(new Map(map.edges.map((e) => [`${e.from} → ${e.to}`, e.count]))))
        .toEqual(sorted(new Map([...truth.arcs].map(([k, v]) => [k, v.count]))));
      for (const edge of map.edges) {
        const arc = truth.arcs.get(`${edge.from} → ${edge.to}`)!;
        expect(edge.mean_seconds).toBeCloseTo(arc.seconds / arc.count, 3);
      }
      expect(sorted(new Map(map.start.map((s) => [s.activity, s.count])))).toEqual(sorted(truth.start));
      expect(sorted(new Map(map.end.map((s) => [s.activity, s.count])))).toEqual(sorted(truth.end));
      const result = await variants(db);
      expect(result.variants).toHaveLength(truth.sequences.size);
      expect(sorted(new Map(result.variants.map((v) => [JSON.stringify(v.activities), v.count])))).toEqual(sorted(truth.sequences));
    } finally {
      db.close();
    }
  });
});
