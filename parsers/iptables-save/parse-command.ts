/**
 * @fileoverview Command lines of save / restore / `-S` text: `[p:b] -A`, `-I CHAIN [n]`, `-N`, `-P`, `-4`/`-6`
 * prefixes; other iptables commands are reported as unsupported.
 */
import type { FamilyMark } from './raw.js';
import { blockFor, type ParseState } from './parse-state.js';
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
  st.rules.push({ block, chain, command: insert ? 'I' : 'A', position, tokens: specTokens, line: lineNo, raw: text, family });
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
