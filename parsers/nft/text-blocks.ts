/**
 * @fileoverview Block bodies of nft text: `table … { … }` (chains, sets, maps, named objects), `chain … { … }`
 * (base-chain spec, policy, rules) and `set|map … { … }` (type, flags, elements). Every line is marked.
 */
import type { NftBaseSpec, NftFamily } from './ir.js';
import { parsePriority } from './priority.js';
import { REASON } from './sink.js';
import type { TextContext } from './text-context.js';
import type { Token } from './text-tokenize.js';
import { readElements } from './text-values.js';

const NAMED_OBJECTS = new Set(['counter', 'quota', 'limit', 'ct', 'flowtable', 'secmark', 'synproxy']);
const CHAIN_SETTINGS = new Set(['comment', 'devices', 'device', 'flags']);

/** Reads a table body after its `{`, up to and including the closing `}`. */
export function tableBody(ctx: TextContext, family: NftFamily, table: string): void {
  for (;;) {
    ctx.skipSeparators();
    const t = ctx.peek();
    if (t === undefined) return unclosed(ctx, `table ${table}`);
    if (closes(ctx)) return;
    const w = t.text;
    if ((w === 'chain' || w === 'set' || w === 'map') && ctx.peek(2)?.text === '{') {
      const header = [ctx.advance() as Token, ctx.advance() as Token, ctx.advance() as Token];
      ctx.sink.parsed(ctx.posOf(header));
      const name = (header[1] as Token).text;
      if (w === 'chain') chainBody(ctx, family, table, name, header);
      else setBody(ctx, family, table, name, w === 'map', header);
    } else if (NAMED_OBJECTS.has(w)) {
      skipObject(ctx);
    } else {
      const st = ctx.collect();
      if (st.length === 0) continue;
      if (w === 'flags' || w === 'comment') ctx.sink.parsed(ctx.posOf(st));
      else badStatement(ctx, st, `unexpected statement in table ${table}`);
    }
  }
}

/** Reads a chain body after its `{`: base spec and policy, then rules. */
export function chainBody(ctx: TextContext, family: NftFamily, table: string, name: string, header: readonly Token[]): void {
  const chain = ctx.builder.chain(family, table, name, ctx.posOf(header));
  let spec: { type: string; hook: string; priority: number | undefined } | undefined;
  let policy: NftBaseSpec['policy'];
  for (;;) {
    ctx.skipSeparators();
    if (ctx.peek() === undefined) unclosed(ctx, `chain ${name}`);
    if (ctx.peek() === undefined || closes(ctx)) break;
    const st = ctx.collect();
    if (st.length === 0) continue;
    const w = (st[0] as Token).text;
    if (w === 'type') {
      spec = baseSpec(ctx, st, family);
      ctx.sink.parsed(ctx.posOf(st));
    } else if (w === 'policy') {
      const p = st[1]?.text;
      if (p === 'accept' || p === 'drop') policy = p;
      else ctx.sink.report('error', 'NFT_BAD_VALUE', `unknown chain policy "${p ?? ''}"`, ctx.posOf(st).ref);
      ctx.sink.parsed(ctx.posOf(st));
    } else if (CHAIN_SETTINGS.has(w) && (st[0] as Token).kind === 'word' && !(w === 'comment' && st.length > 2)) {
      ctx.sink.parsed(ctx.posOf(st));
    } else {
      ctx.builder.rule(family, table, name, ctx.rule(st, st), false);
    }
  }
  if (spec !== undefined) chain.base = { ...spec, policy };
  else if (policy !== undefined) ctx.sink.report('warning', 'NFT_BAD_SYNTAX', `policy on chain "${name}" without a type/hook line is ignored`, chain.pos?.ref);
}

/** `type filter hook input [device eth0] priority filter`. */
function baseSpec(ctx: TextContext, st: readonly Token[], family: NftFamily): { type: string; hook: string; priority: number | undefined } {
  const words = st.map((t) => t.text);
  const type = words[1] ?? '';
  const hook = words[words.indexOf('hook') + 1] ?? '';
  const at = words.indexOf('priority');
  const prioWords = at < 0 ? ['0'] : words.slice(at + 1).filter((w) => w !== ';');
  const priority = parsePriority(prioWords, family);
  if (priority === undefined) {
    ctx.sink.report('error', 'NFT_BAD_PRIORITY', `unreadable chain priority "${prioWords.join(' ')}"`, ctx.posOf(st).ref);
  }
  return { type, hook, priority };
}

/** Reads a set or map body after its `{`. */
export function setBody(ctx: TextContext, family: NftFamily, table: string, name: string, isMap: boolean, header: readonly Token[]): void {
  const flags: string[] = [];
  let elements: ReturnType<typeof readElements> | undefined;
  for (;;) {
    ctx.skipSeparators();
    if (ctx.peek() === undefined) unclosed(ctx, `set ${name}`);
    if (ctx.peek() === undefined || closes(ctx)) break;
    const st = ctx.collect();
    if (st.length === 0) continue;
    const w = (st[0] as Token).text;
    if (w === 'flags') flags.push(...st.slice(1).filter((t) => t.text !== ',').map((t) => t.text));
    if (w === 'elements') {
      const open = st.findIndex((t) => t.text === '{');
      elements = readElements(ctx.expand(st.slice(open + 1, st.length - 1), 0));
    }
    ctx.sink.parsed(ctx.posOf(st));
  }
  const set = { family, table, name, isMap, flags, pos: ctx.posOf(header) };
  ctx.builder.set({ ...set, elements: elementsOf(elements), entries: elements?.entries.length ? elements.entries : undefined });
}

function elementsOf(e: ReturnType<typeof readElements> | undefined): ReturnType<typeof readElements>['value'][] | undefined {
  if (e === undefined) return undefined;
  return e.value.kind === 'set' ? [...e.value.items] : [e.value];
}

/** A named object (`counter x { … }`, `ct helper y { … }`): skipped with its lines ignored. */
function skipObject(ctx: TextContext): void {
  const first = ctx.peek() as Token;
  let last = first;
  let depth = 0;
  for (let t = ctx.advance(); t !== undefined; t = ctx.advance()) {
    if (t.kind !== 'nl') last = t;
    if (t.text === '{' && t.kind === 'punct') depth++;
    if (t.text === '}' && t.kind === 'punct' && --depth <= 0) break;
    if (depth === 0 && (t.kind === 'nl' || t.text === ';')) break;
  }
  ctx.sink.ignored(ctx.pos(first, last), REASON.namedObject);
}

/** Consumes the `}` that closes a block, marking its line. */
function closes(ctx: TextContext): boolean {
  const t = ctx.peek();
  if (t === undefined || t.kind !== 'punct' || t.text !== '}') return false;
  ctx.advance();
  ctx.sink.parsed(ctx.pos(t));
  return true;
}

function unclosed(ctx: TextContext, what: string): void {
  ctx.sink.report('error', 'NFT_BAD_SYNTAX', `${what}: missing closing "}"`, { file: ctx.file });
}

/** A statement the reader does not understand: reported and its lines marked unsupported. */
export function badStatement(ctx: TextContext, st: readonly Token[], why: string): void {
  const pos = ctx.posOf(st);
  ctx.sink.report('warning', 'NFT_BAD_SYNTAX', `${why}: "${ctx.raw(st).slice(0, 80)}"`, pos.ref);
  ctx.sink.unsupported(pos);
}
