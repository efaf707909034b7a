/**
 * @fileoverview nft text → NftDocument: `nft list ruleset` output and nft scripts (`#!/usr/sbin/nft -f`,
 * `flush ruleset`, `define`/`$var`, `include`, `add|insert rule …` as written by iptables-restore-translate,
 * `;`-separated statements). Blank and comment lines are ignored with a reason; other lines are marked by the
 * statement that holds them (rule lines later, by the normalizer).
 */
import type { NftDocument, NftFamily } from './ir.js';
import { NftSink, REASON } from './sink.js';
import { badStatement, chainBody, setBody, tableBody } from './text-blocks.js';
import { TextContext } from './text-context.js';
import { Lexer, type Token } from './text-tokenize.js';
import { readBraced, TokenCursor } from './text-values.js';

const UNSUPPORTED_COMMANDS = new Set(['delete', 'destroy', 'reset', 'list', 'rename', 'replace', 'monitor', 'describe', 'export', 'import', 'undefine']);
const UNTRANSLATED = /^\s*-t\s+\S+\s+-[AI]\s/;
const IPTABLES_NFT = /^\s*Warning: table (\S+ \S+) is managed by iptables-nft/;

/** Parses nft text. */
export function parseNftText(file: string, text: string): { doc: NftDocument; sink: NftSink } {
  const lexer = new Lexer(text);
  const sink = new NftSink(file, lexer.lineCount);
  const ctx = new TextContext(file, text, lexer, sink);
  for (;;) {
    ctx.skipSeparators();
    if (ctx.peek() === undefined) break;
    topStatement(ctx);
  }
  markPassiveLines(file, lexer, sink);
  for (const line of lexer.unterminated) sink.report('error', 'NFT_BAD_SYNTAX', 'unterminated string', { file, line });
  return { doc: ctx.builder.doc, sink };
}

/** Lines without tokens are blank or comments; two kinds of comments carry a warning. */
function markPassiveLines(file: string, lexer: Lexer, sink: NftSink): void {
  const { busy, comments, lineCount } = lexer;
  for (let line = 1; line <= lineCount; line++) {
    if (busy[line] === 1) continue;
    const comment = comments.get(line);
    const pos = { first: line, last: line, ref: { file, line } };
    if (comment === undefined) sink.ignored(pos, REASON.blank);
    else if (UNTRANSLATED.test(comment)) {
      sink.report('warning', 'NFT_UNTRANSLATED_RULE', `iptables-restore-translate could not translate this rule, so it is missing here; audit the iptables-save dump instead: "${comment.trim().slice(0, 80)}"`, pos.ref);
      sink.unsupported(pos);
    } else {
      const managed = IPTABLES_NFT.exec(comment);
      if (managed !== null) sink.report('warning', 'NFT_IPTABLES_NFT', `table ${managed[1] ?? ''} is managed by iptables-nft: audit iptables-nft-save output instead`, pos.ref);
      sink.ignored(pos, REASON.comment);
    }
  }
}

function topStatement(ctx: TextContext): void {
  const t = ctx.peek() as Token;
  switch (t.kind === 'string' ? '' : t.text) {
    case 'table':
      return tableStatement(ctx, 1);
    case 'add':
    case 'create':
    case 'insert':
      return command(ctx);
    case 'flush':
      return flush(ctx);
    case 'define':
    case 'redefine':
      return define(ctx);
    case 'include': {
      const st = ctx.collect();
      const pos = ctx.posOf(st);
      ctx.sink.report('warning', 'NFT_INCLUDE', `included file cannot be followed; audit \`nft list ruleset\` output instead: "${ctx.raw(st)}"`, pos.ref);
      return ctx.sink.unsupported(pos);
    }
    default: {
      const st = ctx.collect();
      if (st.length === 0) {
        ctx.advance();
        return badStatement(ctx, [t], 'unexpected "}"');
      }
      const head = (st[0] as Token).text;
      if (UNSUPPORTED_COMMANDS.has(head)) {
        const pos = ctx.posOf(st);
        ctx.sink.report('warning', 'NFT_UNSUPPORTED_COMMAND', `"${head}" commands are not applied: "${ctx.raw(st).slice(0, 80)}"`, pos.ref);
        return ctx.sink.unsupported(pos);
      }
      return badStatement(ctx, st, 'unknown statement');
    }
  }
}

/** `table [family] name {` or `add table [family] name [{ … }]` (`skip` = words before the family). */
function tableStatement(ctx: TextContext, skip: number): void {
  const header = headerTokens(ctx);
  const open = header[header.length - 1]?.text === '{';
  const { family, rest } = ctx.family(header.slice(skip, open ? -1 : undefined), 1);
  const name = rest[0]?.text;
  if (name === undefined) return badStatement(ctx, header, 'table without a name');
  ctx.builder.table(family, name, ctx.posOf(header));
  ctx.sink.parsed(ctx.posOf(header));
  if (open) tableBody(ctx, family, name);
}

/** Tokens up to and including a `{` on the statement, or the whole statement when it has none. */
function headerTokens(ctx: TextContext): Token[] {
  const out: Token[] = [];
  for (let t = ctx.peek(); t !== undefined; t = ctx.peek()) {
    if (t.kind === 'nl' || (t.kind === 'punct' && (t.text === ';' || t.text === '}'))) break;
    ctx.advance();
    out.push(t);
    if (t.kind === 'punct' && t.text === '{') break;
  }
  return out;
}

/** `add|create|insert table|chain|rule|set|map|element …`. */
function command(ctx: TextContext): void {
  const verb = ctx.peek() as Token;
  const object = ctx.peek(1)?.text;
  if (object === 'table' && verb.text !== 'insert') return tableStatement(ctx, 2);
  if ((object === 'chain' || object === 'set' || object === 'map') && verb.text !== 'insert') return declaration(ctx, object);
  if (object === 'rule') return ruleCommand(ctx, verb.text === 'insert');
  const st = ctx.collect();
  if (object === 'element') return elementCommand(ctx, st);
  const pos = ctx.posOf(st);
  ctx.sink.report('warning', 'NFT_UNSUPPORTED_COMMAND', `"${verb.text} ${object ?? ''}" is not applied: "${ctx.raw(st).slice(0, 80)}"`, pos.ref);
  ctx.sink.unsupported(pos);
}

/** `add chain [family] table name [{ … }]`, `add set|map [family] table name { … }`. */
function declaration(ctx: TextContext, object: 'chain' | 'set' | 'map'): void {
  const header = headerTokens(ctx);
  const open = header[header.length - 1]?.text === '{';
  const { family, rest } = ctx.family(header.slice(2, open ? -1 : undefined), 2);
  const [table, name] = [rest[0]?.text, rest[1]?.text];
  if (table === undefined || name === undefined) return badStatement(ctx, header, `${object} without table and name`);
  ctx.sink.parsed(ctx.posOf(header));
  if (object === 'chain' && open) return chainBody(ctx, family, table, name, header);
  if (object === 'chain') return void ctx.builder.chain(family, table, name, ctx.posOf(header));
  if (open) return setBody(ctx, family, table, name, object === 'map', header);
  return badStatement(ctx, header, `${object} without a body`);
}

/** `add|insert rule [family] table chain [position|index|handle N] <rule>`. */
function ruleCommand(ctx: TextContext, insert: boolean): void {
  const st = ctx.collect();
  const { family, rest } = ctx.family(st.slice(2), 2);
  const [table, chain] = [rest[0]?.text, rest[1]?.text];
  if (table === undefined || chain === undefined) return badStatement(ctx, st, 'rule without table and chain');
  let body = rest.slice(2);
  if (['position', 'index', 'handle'].includes(body[0]?.text ?? '')) {
    ctx.sink.report('warning', 'NFT_UNSUPPORTED_COMMAND', `"${body[0]?.text} ${body[1]?.text ?? ''}" is not applied: the rule is placed at the ${insert ? 'head' : 'end'} of the chain`, ctx.posOf(st).ref);
    body = body.slice(2);
  }
  ctx.builder.rule(family, table, chain, ctx.rule(st, body), insert);
}

/** `add element [family] table set { … }`. */
function elementCommand(ctx: TextContext, st: readonly Token[]): void {
  const open = st.findIndex((t) => t.kind === 'punct' && t.text === '{');
  const { family, rest } = ctx.family(st.slice(2, open < 0 ? undefined : open), 2);
  const [table, name] = [rest[0]?.text, rest[1]?.text];
  if (table === undefined || name === undefined || open < 0) return badStatement(ctx, st, 'element without table, set and values');
  const { value, entries } = readBraced(new TokenCursor(ctx.expand(st.slice(open), 0)));
  const values = value.kind === 'set' ? [...value.items] : [value];
  ctx.builder.elements(family, table, name, values, entries, ctx.posOf(st));
  ctx.sink.parsed(ctx.posOf(st));
}

/** `flush ruleset|table|chain|set|map …`: applied to what was declared before it. */
function flush(ctx: TextContext): void {
  const st = ctx.collect();
  const object = st[1]?.text;
  const { family, rest } = ctx.family(st.slice(2), object === 'table' ? 1 : 2);
  const [a, b] = [rest[0]?.text, rest[1]?.text];
  if (object === 'ruleset') ctx.builder.flushRuleset();
  else if (object === 'table' && a !== undefined) ctx.builder.flushTable(family as NftFamily, a);
  else if (object === 'chain' && a !== undefined && b !== undefined) ctx.builder.flushChain(family, a, b);
  ctx.sink.ignored(ctx.posOf(st), REASON.flush);
}

/** `define name = value`. */
function define(ctx: TextContext): void {
  const st = ctx.collect();
  const name = st[1]?.text;
  if (name === undefined || st[2]?.text !== '=' || st.length < 4) return badStatement(ctx, st, 'unreadable define');
  ctx.defines.set(name, ctx.expand(st.slice(3), 0));
  ctx.sink.parsed(ctx.posOf(st));
}
