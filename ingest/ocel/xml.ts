/**
 * OCEL 2.0 XML, read as a stream with the XES tokenizer (no DOM; a DOCTYPE is skipped, no entity is
 * ever declared or expanded). Attribute values are element text, typed by the declarations in
 * <object-types> and <event-types> (integer and float become numbers, boolean true/false).
 */
import { ImportError, wrongClose } from '../errors.ts';
import { importReason } from '../../models/messages/import-errors.ts';
import { importNote } from '../../models/messages/import-notes.ts';
import { hasDoctype, utf8XmlChunks, xmlTokens } from '../xes.ts';
import type { OcelAttributeValue, OcelEvent, OcelLog, OcelObject, OcelRelationship, OcelValue } from './log.ts';

interface Open {
  readonly name: string;
  readonly attrs: Record<string, string>;
  readonly line: number;
}

interface Item {
  readonly attrs: Record<string, string>;
  readonly line: number;
  readonly values: { name: string; time: string | null; text: string }[];
  readonly relationships: OcelRelationship[];
}

/** A value typed as its declaration says; a value that does not fit its type stays text. */
function typed(text: string, type: string | undefined): OcelValue {
  if (type === 'integer' || type === 'float') {
    const n = Number(text);
    return text.trim() !== '' && Number.isFinite(n) ? n : text;
  }
  if (type === 'boolean' && /^(true|false)$/i.test(text.trim())) return text.trim().toLowerCase() === 'true';
  return text;
}

/** Reads an OCEL 2.0 XML file into the neutral shape; events and objects carry their XML line. */
export async function readOcelXml(path: string, name: string): Promise<OcelLog> {
  const stack: Open[] = [];
  /** "object"/"event" → type name → attribute name → declared type */
  const declared = { object: new Map<string, Map<string, string>>(), event: new Map<string, Map<string, string>>() };
  let declaring: Map<string, string> | null = null;
  let item: Item | null = null;
  let value: { name: string; time: string | null; text: string } | null = null;
  let sawLog = false;
  const events: OcelEvent[] = [];
  const objects: OcelObject[] = [];

  for await (const token of xmlTokens(utf8XmlChunks(path, name, 'OCEL XML'), name, { text: true })) {
    if (token.type === 'text') {
      if (value) value.text += token.text;
      continue;
    }
    if (token.type === 'close') {
      const open = stack.pop();
      if (open?.name !== token.name) throw new ImportError(name, wrongClose(token.name, open?.name), token.line);
      close(open);
      continue;
    }
    const parent = stack[stack.length - 1]?.name;
    const grand = stack[stack.length - 2]?.name;
    const open: Open = { name: token.name, attrs: token.attrs, line: token.line };
    if (token.name === 'log' && stack.length === 0) sawLog = true;
    if ((token.name === 'object-type' && parent === 'object-types') || (token.name === 'event-type' && parent === 'event-types')) {
      declaring = new Map();
      declared[token.name === 'object-type' ? 'object' : 'event'].set(token.attrs.name ?? '', declaring);
    } else if (token.name === 'attribute' && parent === 'attributes' && (grand === 'object-type' || grand === 'event-type')) {
      declaring?.set(token.attrs.name ?? '', token.attrs.type ?? 'string');
    } else if ((token.name === 'object' && parent === 'objects' && grand === 'log') || (token.name === 'event' && parent === 'events' && grand === 'log')) {
      item = { attrs: token.attrs, line: token.line, values: [], relationships: [] };
    } else if (token.name === 'attribute' && parent === 'attributes' && item && (grand === 'object' || grand === 'event')) {
      value = { name: token.attrs.name ?? '', time: token.attrs.time ?? null, text: '' };
    } else if (token.name === 'relationship' && parent === 'objects' && item && (grand === 'object' || grand === 'event')) {
      item.relationships.push({ objectId: token.attrs['object-id'] ?? '', qualifier: token.attrs.qualifier ?? null });
    }
    if (!token.selfClosing) stack.push(open);
    else close(open);
    if (stack.length > 64) throw new ImportError(name, importReason('xml_too_deep'), token.line);
  }
  if (!sawLog) throw new ImportError(name, importReason('ocel_xml_no_log'), 1);
  if (stack.length > 0) throw new ImportError(name, importReason('xml_ends_inside', { element: stack[stack.length - 1].name }));
  const notes = (await hasDoctype(path)) ? [importNote('ocel_xml_doctype')] : [];
  return { format: 'ocel2-xml', events, objects, notes };

  function close(open: Open): void {
    const parent = stack[stack.length - 1]?.name;
    if ((open.name === 'object-type' || open.name === 'event-type') && parent?.endsWith('-types')) declaring = null;
    else if (open.name === 'attribute' && value) {
      item?.values.push(value);
      value = null;
    } else if (open.name === 'object' && parent === 'objects' && item && stack.length === 2) {
      const type = item.attrs.type ?? '';
      const types = declared.object.get(type);
      const attributes: OcelAttributeValue[] = item.values.map((v) => ({ name: v.name, time: v.time, value: typed(v.text, types?.get(v.name)) }));
      objects.push({ id: item.attrs.id ?? '', type, attributes, relationships: item.relationships, line: item.line });
      item = null;
    } else if (open.name === 'event' && parent === 'events' && item && stack.length === 2) {
      const activity = item.attrs.type ?? '';
      const types = declared.event.get(activity);
      const attributes: Record<string, OcelValue> = {};
      for (const v of item.values) attributes[v.name] = typed(v.text, types?.get(v.name));
      events.push({ id: item.attrs.id ?? '', activity, time: item.attrs.time ?? '', attributes, relationships: item.relationships, line: item.line });
      item = null;
    }
  }
}
