/**
 * XES export (IEEE 1849-2016) of an event log, readable by pm4py and ProM: one <trace> per case with
 * concept:name = case id, one <event> per event with concept:name, time:timestamp (UTC),
 * lifecycle:transition and org:resource where known, and the LTC object it happened to as
 * ltc:object_type / ltc:object_id. Written as a stream, case slice by case slice.
 *
 * Valid against the standard's XML Schema (xes-ieee-1849-2016.xsd, tests/fixtures/schemas/): its
 * elements have no namespace and xes.version is an xs:decimal, so the log is `<log
 * xes.version="1849.2016">` without the xmlns and the "1849-2016" that pm4py writes. pm4py, ProM
 * (OpenXES) and our own reader match elements by local name and read it either way.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Database } from '../db/database.ts';
import type { EventLogView } from '../event-log.ts';
import { logEventsByCase, type LogEvent } from './log-events.ts';

/** Escapes text for a double-quoted XML attribute value (and drops characters XML 1.0 forbids). */
export function xmlAttr(value: string): string {
  return value
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

const HEADER = `<?xml version="1.0" encoding="UTF-8"?>
<log xes.version="1849.2016" xes.features="nested-attributes">
  <extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>
  <extension name="Time" prefix="time" uri="http://www.xes-standard.org/time.xesext"/>
  <extension name="Lifecycle" prefix="lifecycle" uri="http://www.xes-standard.org/lifecycle.xesext"/>
  <extension name="Organizational" prefix="org" uri="http://www.xes-standard.org/org.xesext"/>
  <global scope="trace">
    <string key="concept:name" value="__INVALID__"/>
  </global>
  <global scope="event">
    <string key="concept:name" value="__INVALID__"/>
    <date key="time:timestamp" value="1970-01-01T00:00:00.000+00:00"/>
  </global>
  <classifier name="Activity" keys="concept:name"/>
`;

function eventXml(e: LogEvent): string {
  const lines = [
    `      <string key="concept:name" value="${xmlAttr(e.activity)}"/>`,
    `      <date key="time:timestamp" value="${e.timestamp.replace(/Z$/, '+00:00')}"/>`,
  ];
  if (e.lifecycle) lines.push(`      <string key="lifecycle:transition" value="${xmlAttr(e.lifecycle)}"/>`);
  if (e.resource) lines.push(`      <string key="org:resource" value="${xmlAttr(e.resource)}"/>`);
  if (e.object_type) lines.push(`      <string key="ltc:object_type" value="${xmlAttr(e.object_type)}"/>`);
  if (e.object_id) lines.push(`      <string key="ltc:object_id" value="${xmlAttr(e.object_id)}"/>`);
  return `    <event>\n${lines.join('\n')}\n    </event>\n`;
}

export interface ExportCounts {
  readonly cases: number;
  readonly events: number;
}

export async function writeXes(db: Database, view: EventLogView, path: string): Promise<ExportCounts> {
  const out = createWriteStream(path, 'utf8');
  let cases = 0;
  let events = 0;
  try {
    await write(out, HEADER);
    await write(out, `  <string key="concept:name" value="${xmlAttr(`LTC Lens export (${view.log})`)}"/>\n`);
    for await (const trace of logEventsByCase(db, view)) {
      cases++;
      events += trace.length;
      await write(out, `  <trace>\n    <string key="concept:name" value="${xmlAttr(trace[0].case_id)}"/>\n${trace.map(eventXml).join('')}  </trace>\n`);
    }
    await write(out, '</log>\n');
  } finally {
    out.end();
    await once(out, 'close');
  }
  return { cases, events };
}

export async function write(out: WriteStream, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}
