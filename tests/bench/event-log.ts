/**
 * The event-log benchmark workload: a seeded `case_id,activity,timestamp` CSV of N cases (~11.6 events
 * each), loaded through `ltc ingest`'s path into a fresh workspace (with the model build that orders
 * every log once), then the directly-follows graph with performance, the variants and the case
 * durations; and the process map under 20 date-range filter changes, as the dashboard asks it.
 * Then pm4py does the same work on the same file in a process of its own (tests/bench/pm4py.ts),
 * when a Python with pm4py is at hand, and the ratios are of this run's figures.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { materialize } from '../../models/materialize.ts';
import { caseDurations, processMap } from '../../models/process-map.ts';
import { variants } from '../../models/variants.ts';
import { writeEventLog } from './event-log-data.ts';
import { checkEventLog } from './scale-checks.ts';
import { machineLine, mb, quantile, seconds, timed } from './measure.ts';
import { runPm4py, type Pm4pyOutcome } from './pm4py.ts';
import { importAndRebuild, openWorkspace } from '../../app/workspace.ts';

export async function eventLogWorkload(cases: number): Promise<string> {
  const scratch = mkdtempSync(join(tmpdir(), 'ltc-bench-log-'));
  try {
    const csv = join(scratch, 'log.csv');
    process.stderr.write(`event log: generating ${cases.toLocaleString('en')} cases…\n`);
    const [generated, generateMs] = await timed(() => writeEventLog(csv, cases));
    const { events } = generated;
    const db = await openWorkspace(join(scratch, 'ws.duckdb'));
    process.stderr.write('event log: load…\n');
    const [report, loadMs] = await timed(() => importAndRebuild(db, [{ path: csv, name: 'log.csv' }], { materialize: false }));
    const file = report.files[0];
    if (file.error || file.rows_rejected > 0 || file.rows_loaded !== events) throw new Error(`the event log did not load cleanly: ${JSON.stringify(file)}`);
    const [, materializeMs] = await timed(() => materialize(db));
    const [map, mapMs] = await timed(() => processMap(db));
    const [found, variantsMs] = await timed(() => variants(db));
    const [durations, durationsMs] = await timed(() => caseDurations(db));
    const rssAfterWorkload = process.resourceUsage().maxRSS * 1024;
    process.stderr.write('event log: process map under 20 date filters…\n');
    const filtered: number[] = [];
    let state = 11;
    const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 20; i++) {
      const from = new Date(Date.UTC(2023, 0, 1) + Math.floor(random() * 300) * 86_400_000);
      const to = new Date(from.getTime() + (30 + Math.floor(random() * 200)) * 86_400_000);
      filtered.push((await timed(() => processMap(db, { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) })))[1]);
    }
    db.close();
    const check = checkEventLog(generated, map, found, durations);
    process.stderr.write('event log: pm4py on the same file…\n');
    const pm4py = await runPm4py(csv, generated, cases);
    const total = loadMs + materializeMs + mapMs + variantsMs + durationsMs;
    const table = [
      `| step | LTC Lens | ${'ran' in pm4py ? `pm4py ${pm4py.ran.version}` : 'pm4py'} | ratio |`,
      '|---|---|---|---|',
      `| generate ${cases.toLocaleString('en')} cases, ${events.toLocaleString('en')} events (${mb(statSync(csv).size)} MB CSV) | ${seconds(generateMs)} s | – | – |`,
      ...raceRows(pm4py, {
        load: loadMs + materializeMs, map: mapMs, variants: variantsMs, durations: durationsMs, total, rss: rssAfterWorkload,
        loadLabel: `${seconds(loadMs)} s + ${seconds(materializeMs)} s`, arcs: map.edges.length, variantCount: found.variants.length, caseCount: durations.length,
      }),
      `| process map for a date range (dashboard filter change) p50 / p95 | ${quantile(filtered, 0.5).toFixed(0)} / ${quantile(filtered, 0.95).toFixed(0)} ms | – | target p95 < 100 ms |`,
    ].join('\n');
    const pm4pyNote = 'ran' in pm4py
      ? `pm4py ran in the same run on the same file (tests/bench/pm4py_race.py, its own process: ${seconds(pm4py.ran.wallMs)} s from start to exit, Python's start and imports included); its arcs, variants, cases and total duration equal the generator's too.`
      : `${pm4py.unavailable}: no ratio is quoted. To race it, \`pip install pm4py\` into the \`python3\` on the PATH (or a virtual environment named by LTC_BENCH_PYTHON) and run \`npm run bench -- --workload eventlog\`.`;
    return [
      `## Event-log workload — ${new Date().toISOString().slice(0, 10)}`, '',
      `Machine: ${await machineLine()}.`, '',
      table, '',
      `Check at this scale: ${check}.`, '',
      pm4pyNote, '',
    ].join('\n');
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

interface Ours {
  readonly load: number;
  readonly map: number;
  readonly variants: number;
  readonly durations: number;
  readonly total: number;
  readonly rss: number;
  readonly loadLabel: string;
  readonly arcs: number;
  readonly variantCount: number;
  readonly caseCount: number;
}

/** The race's rows: ours beside pm4py's of the same run, or beside "not available". */
function raceRows(pm4py: Pm4pyOutcome, ours: Ours): string[] {
  const theirs = 'ran' in pm4py ? pm4py.ran : null;
  const t = theirs?.seconds;
  const cell = (s: number | undefined) => (s === undefined ? 'not available' : `${s.toFixed(2)} s`);
  const ratio = (oursMs: number, theirsS: number | undefined) => {
    if (theirsS === undefined) return '–';
    const x = theirsS / (oursMs / 1000);
    return x >= 1 ? `${x.toFixed(1)}× faster` : `${(1 / x).toFixed(1)}× slower`;
  };
  const theirTotal = t && t.load + t.dfg + t.performance_dfg + t.variants + t.durations;
  return [
    `| load: \`ltc ingest\` path (checksum, sniffing, typed read, rejects, insert) + model build (every log ordered once) | ${ours.loadLabel} | ${cell(t?.load)} | ${ratio(ours.load, t?.load)} |`,
    `| DFG + performance DFG + start/end (\`process-map\`, ${ours.arcs} arcs) | ${seconds(ours.map)} s | ${t ? `${cell(t.dfg)} + ${cell(t.performance_dfg)}` : 'not available'} | ${ratio(ours.map, t && t.dfg + t.performance_dfg)} |`,
    `| variants (${ours.variantCount}) | ${seconds(ours.variants)} s | ${cell(t?.variants)} | ${ratio(ours.variants, t?.variants)} |`,
    `| case durations (${ours.caseCount.toLocaleString('en')}) | ${seconds(ours.durations)} s | ${cell(t?.durations)} | ${ratio(ours.durations, t?.durations)} |`,
    `| **load + DFG + performance DFG + variants + durations** | **${seconds(ours.total)} s** | ${cell(theirTotal)}${theirs ? ` (${seconds(theirs.wallMs)} s as a whole process)` : ''} | ${theirTotal ? `${ratio(ours.total, theirTotal)}; ` : ''}target ≥ 5× faster |`,
    `| peak memory (RSS) at the end of that | ${mb(ours.rss)} MB | ${theirs ? `${mb(theirs.peakRssBytes)} MB` : 'not available'} | target ≤ pm4py's |`,
  ];
}
