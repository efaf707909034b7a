/**
 * @fileoverview `nft -j list ruleset` JSON → NftDocument. The accounting unit is one element of the `nftables`
 * array (nft prints the whole document on one line, so lines say nothing); each element's SourceRef has the path
 * `nftables/<i>`, its handle as vendor id, and its line when pretty-printing gives it one of its own.
 * Command wrappers of `nft -j -f` input (`{"add":{"rule":…}}`, `{"flush":{"ruleset":null}}`) are unwrapped.
 */
import type { Diagnostic } from '../../src/model/diagnostic.js';
import type { SourceRef } from '../../src/model/source-ref.js';
import { DocumentBuilder } from './document.js';
import { NFT_FAMILIES, type NftDocument, type NftFamily, type NftPos } from './ir.js';
import { elementSpans } from './json-elements.js';
import { exprFromJson, mapEntries } from './json-expr.js';
import { elementValue, isObject, soleKey, type Json, type JsonObject } from './json-values.js';
import { parsePriority } from './priority.js';
import { NftSink, REASON } from './sink.js';

/** The document and sink of readable JSON, or the fatal diagnostic. */
export type JsonParse = { ok: true; doc: NftDocument; sink: NftSink } | { ok: false; diagnostics: Diagnostic[] };

const NAMED_OBJECTS = new Set(['counter', 'quota', 'limit', 'ct helper', 'ct timeout', 'ct expectation', 'flowtable', 'secmark', 'synproxy']);
const COMMANDS = new Set(['add', 'create', 'insert']);

interface Element {
  readonly obj: Json;
  readonly pos: NftPos;
  readonly raw: string;
  readonly id: string;
}

/** Parses `{"nftables":[…]}` text. */
/** `nft -j` nests a handful of levels; a deeper document is hostile or broken (and would exhaust the stack later). */
const MAX_JSON_DEPTH = 256;

/** Whether any value lies deeper than `max` levels (iterative: no recursion on hostile input). */
function deeperThan(root: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop() as [unknown, number];
    if (d > max) return true;
    if (typeof v !== 'object' || v === null) continue;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, d + 1]);
  }
  return false;
}

export function parseNftJson(file: string, text: string): JsonParse {
  let root: Json;
  try {
    root = JSON.parse(text) as Json;
  } catch (e) {
    return { ok: false, diagnostics: [{ severity: 'error', code: 'NFT_BAD_JSON', message: `unreadable JSON: ${(e as Error).message}`, ref: { file } }] };
  }
  if (deeperThan(root, MAX_JSON_DEPTH)) {
    return { ok: false, diagnostics: [{ severity: 'error', code: 'NFT_BAD_JSON', message: `JSON nested deeper than ${MAX_JSON_DEPTH} levels: not an nft -j export`, ref: { file } }] };
  }
  const list = isObject(root) ? root.nftables : undefined;
  if (!Array.isArray(list)) {
    return { ok: false, diagnostics: [{ severity: 'error', code: 'NFT_BAD_JSON', message: 'no top-level "nftables" array', ref: { file } }] };
  }
  const spans = elementSpans(text);
  const sink = new NftSink(file, list.length);
  const builder = new DocumentBuilder(sink);
  list.forEach((obj, i) => {
    const span = spans[i];
    const handle = handleOf(obj);
    const ref: SourceRef = {
      file,
      ...(span?.line === undefined ? {} : { line: span.line }),
      path: ['nftables', String(i)],
      ...(handle === undefined ? {} : { vendorId: handle }),
    };
    const raw = span === undefined ? JSON.stringify(obj) : oneLine(text.slice(span.start, span.end));
    element(builder, sink, { obj, pos: { first: i + 1, last: i + 1, ref }, raw, id: `${file}#nftables/${i}` });
  });
  return { ok: true, doc: builder.doc, sink };
}

/** Pretty-printed elements joined onto one line (`nft -j` output already is). */
function oneLine(text: string): string {
  return text.includes('\n') || text.includes('\r') ? text.replace(/\s*[\r\n]+\s*/g, ' ') : text;
}

function handleOf(obj: Json): string | undefined {
  const key = soleKey(obj);
  const body = key === undefined || !isObject(obj) ? undefined : obj[key];
  return isObject(body) && typeof body.handle === 'number' ? String(body.handle) : undefined;
}

function element(builder: DocumentBuilder, sink: NftSink, el: Element): void {
  let key = soleKey(el.obj);
  let body = key === undefined || !isObject(el.obj) ? undefined : el.obj[key];
  let insert = false;
  if (key !== undefined && COMMANDS.has(key) && isObject(body)) {
    insert = key === 'insert';
    key = soleKey(body);
    body = key === undefined ? undefined : body[key];
  }
  if (key === 'flush' && isObject(body) && 'ruleset' in body) {
    builder.flushRuleset();
    return sink.ignored(el.pos, REASON.flush);
  }
  if (key === 'metainfo') return sink.ignored(el.pos, REASON.metainfo);
  if (key !== undefined && NAMED_OBJECTS.has(key)) return sink.ignored(el.pos, REASON.namedObject);
  const family = isObject(body) && typeof body.family === 'string' && NFT_FAMILIES.has(body.family) ? (body.family as NftFamily) : undefined;
  if (!isObject(body) || family === undefined || (key !== 'table' && typeof body.table !== 'string')) {
    sink.report('warning', 'NFT_UNKNOWN_ELEMENT', `element not understood: ${el.raw.slice(0, 80)}`, el.pos.ref);
    return sink.unsupported(el.pos);
  }
  switch (key) {
    case 'table':
      builder.table(family, String(body.name), el.pos);
      return sink.parsed(el.pos);
    case 'chain':
      chain(builder, sink, body, family, el);
      return sink.parsed(el.pos);
    case 'set':
    case 'map':
      set(builder, body, family, key === 'map', el);
      return sink.parsed(el.pos);
    case 'element': {
      const items = Array.isArray(body.elem) ? body.elem : [];
      builder.elements(family, String(body.table), String(body.name), items.map(elementValue), mapEntries(items), el.pos);
      return sink.parsed(el.pos);
    }
    case 'rule':
      return rule(builder, body, family, insert, el);
    default:
      sink.report('warning', 'NFT_UNKNOWN_ELEMENT', `element "${key ?? '?'}" not understood`, el.pos.ref);
      return sink.unsupported(el.pos);
  }
}

function chain(builder: DocumentBuilder, sink: NftSink, body: JsonObject, family: NftFamily, el: Element): void {
  const hook = body.hook;
  if (typeof hook !== 'string') return void builder.chain(family, String(body.table), String(body.name), el.pos);
  const priority = parsePriority([String(body.prio ?? 0)], family);
  if (priority === undefined) sink.report('error', 'NFT_BAD_PRIORITY', `unreadable chain priority "${String(body.prio)}"`, el.pos.ref);
  const policy = body.policy === 'drop' ? 'drop' : body.policy === 'accept' || body.policy === undefined ? 'accept' : undefined;
  if (policy === undefined) sink.report('error', 'NFT_BAD_VALUE', `unknown chain policy "${String(body.policy)}"`, el.pos.ref);
  const type = typeof body.type === 'string' ? body.type : 'filter';
  builder.chain(family, String(body.table), String(body.name), el.pos, { type, hook, priority, policy: body.policy === undefined ? undefined : policy });
}

function set(builder: DocumentBuilder, body: JsonObject, family: NftFamily, isMap: boolean, el: Element): void {
  const items = Array.isArray(body.elem) ? body.elem : undefined;
  const flags = Array.isArray(body.flags) ? body.flags.map(String) : typeof body.flags === 'string' ? [body.flags] : [];
  const entries = items === undefined || body.map !== 'verdict' ? undefined : mapEntries(items);
  builder.set({
    family,
    table: String(body.table),
    name: String(body.name),
    isMap,
    flags,
    elements: items?.map(elementValue),
    entries,
    pos: el.pos,
  });
}

function rule(builder: DocumentBuilder, body: JsonObject, family: NftFamily, insert: boolean, el: Element): void {
  const exprs = Array.isArray(body.expr) ? body.expr.map(exprFromJson) : [];
  const comment = typeof body.comment === 'string' ? body.comment : undefined;
  builder.rule(family, String(body.table), String(body.chain), { id: el.id, exprs, comment, raw: el.raw, pos: el.pos }, insert);
}
