/**
 * @fileoverview Command lines of save / restore / `-S` text: `[p:b] -A`, `-I CHAIN [n]`, `-N`, `-P`, `-4`/`-6`
 * prefixes; other iptables commands are reported as unsupported. A rule's arguments are split into its spec right
 * here (and interpreted when the family is known), so the tokens of 100,000 lines are never all alive at once.
 */
import { v6Evidence } from './family.js';
import { trimmed } from './facts.js';
import { readOptions } from './options.js';
import type { FamilyMark } from './raw.js';
import { blockFor, type ParseState } from './parse-state.js';
import type { RawTarget } from './spec.js';
import { tokenize } from './tokenize.js';

const COUNTERS = /^\[\d+:\d+\]$/;
const NAT_TARGETS = new Set(['DNAT', 'SNAT', 'MASQUERADE', 'REDIRECT', 'NETMAP']);
const OTHER_COMMANDS = new Set([
  '-D', '--delete', '-R', '--replace', '-X', '--delete-chain', '-F', '--flush', '-Z', '--zero', '-E', '--rename-chain',
  '-L', '--list', '-S', '--list-rules', '-C', '--check',
]);

/** Reads one command line (already trimmed) into the parse state. */
export function readCommand(st: ParseState, text: string, lineNo: number): void {
  const { tokens, unterminatedQuote } = tokenize(text);
  if (unterminatedQuote) st.sink.add('warning', 'IPT_UNTERMINATED_QUOTE', 'a quoted value is not closed: read to the end of the line', lineNo);
  let i = 0;
  if (COUNTERS.test(tokens[0] ?? '')) i++;
  const family = familyMark(tokens[i]);
  if (family !== undefined) i++;
  const cmd = tokens[i] ?? '';
  switch (cmd) {
    case '-A':
    case '--append':
    case '-I':
    case '--insert':
      return readRule(st, tokens, i, text, lineNo, family);
    case '-N':
    case '--new-chain':
    case '-P':
    case '--policy':
      return readChainCommand(st, tokens, i, lineNo, family);
    default:
      return unsupported(st, cmd, text, lineNo);
  }
}

function familyMark(token: string | undefined): FamilyMark {
  if (token === '-4' || token === '--ipv4') return 'ipv4';
  if (token === '-6' || token === '--ipv6') return 'ipv6';
  return undefined;
}

function readRule(st: ParseState, tokens: string[], i: number, text: string, lineNo: number, family: FamilyMark): void {
  const chain = tokens[i + 1];
  if (chain === undefined || chain.startsWith('-')) {
    st.sink.add('error', 'IPT_UNREADABLE_LINE', `rule without a chain name: "${text}"`, lineNo);
    st.unsupported++;
    return;
  }
  const insert = tokens[i] === '-I' || tokens[i] === '--insert';
  let rest = i + 2;
  let position: number | undefined;
  if (insert && /^\d{1,9}$/.test(tokens[rest] ?? '')) {
    position = Number(tokens[rest]);
    rest++;
  }
  const block = blockFor(st, lineNo);
  const specTokens = tokens.slice(rest);
  const ev = st.evidence.get(block);
  if (ev !== undefined) {
    ev.chains.add(chain);
    if (jumpsToNat(specTokens)) ev.natTarget = true;
  }
  const spec = readOptions(specTokens);
  const header = st.headerFamily;
  const facts = header === undefined || st.interpret === undefined ? undefined : st.interpret(spec, header.family);
  st.rules.push({
    block,
    chain: intern(st, chain),
    command: insert ? 'I' : 'A',
    position,
    line: lineNo,
    raw: text,
    family,
    target: spec.target === undefined ? undefined : sharedTarget(st, spec.target),
    specFamily: spec.family,
    problems: trimmed(spec.problems),
    spec: facts === undefined ? spec : undefined,
    facts,
    v6Evidence: header === undefined && family === undefined ? v6Evidence(specTokens) : undefined,
  });
}

/** One string per distinct name (chain names repeat on every rule of a chain). */
function intern(st: ParseState, name: string): string {
  const known = st.names.get(name);
  if (known !== undefined) return known;
  st.names.set(name, name);
  return name;
}

/** One target record per distinct `-j NAME` / `-g NAME` (its options are read into the spec, not kept). */
function sharedTarget(st: ParseState, t: RawTarget): RawTarget {
  const key = t.goto ? `-g ${t.name}` : t.name;
  const known = st.targets.get(key);
  if (known !== undefined) return known;
  const shared: RawTarget = { name: t.name, goto: t.goto, options: [] };
  st.targets.set(key, shared);
  return shared;
}

function jumpsToNat(tokens: readonly string[]): boolean {
  for (let k = 0; k + 1 < tokens.length; k++) {
    if ((tokens[k] === '-j' || tokens[k] === '--jump') && NAT_TARGETS.has(tokens[k + 1] as string)) return true;
  }
  return false;
}

function readChainCommand(st: ParseState, tokens: string[], i: number, lineNo: number, family: FamilyMark): void {
  const name = tokens[i + 1];
  const isPolicy = tokens[i] === '-P' || tokens[i] === '--policy';
  if (name === undefined || (isPolicy && tokens[i + 2] === undefined)) {
    st.sink.add('error', 'IPT_UNREADABLE_LINE', `incomplete ${tokens[i] ?? ''} command`, lineNo);
    st.unsupported++;
    return;
  }
  const block = blockFor(st, lineNo);
  st.evidence.get(block)?.chains.add(name);
  const policy = isPolicy ? tokens[i + 2] : undefined;
  st.chains.push({ block, name, policy, form: isPolicy ? '-P' : '-N', line: lineNo, family });
}

function unsupported(st: ParseState, cmd: string, text: string, lineNo: number): void {
  st.unsupported++;
  if (OTHER_COMMANDS.has(cmd)) {
    st.sink.add('warning', 'IPT_UNSUPPORTED_COMMAND', `command ${cmd} is not supported: "${text}"`, lineNo);
    return;
  }
  st.sink.add('error', 'IPT_UNREADABLE_LINE', `not an iptables statement: "${clip(text)}"`, lineNo);
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
