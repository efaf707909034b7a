/**
 * @fileoverview The `Protocol` field: name or number → ProtocolSet, and the ICMP type/code table netsh prints
 * as indented continuation lines under it → one `icmp type 8 code Any` condition.
 */
import { ANY_PROTOCOL, parseProtocol, type ProtocolSet } from '../../src/model/protocol.js';
import { isAny, isIcmpHeader } from './labels.js';
import type { RawField } from './parse.js';
import type { RuleContext } from './rule-context.js';
import { quote } from '../shared/parse-sink.js';

/** `Protocol` → ProtocolSet (missing, empty or `Any` → any); reads the ICMP table too. */
export function readProtocol(field: RawField | undefined, ctx: RuleContext): ProtocolSet {
  if (field === undefined) return ANY_PROTOCOL;
  readIcmpTable(field, ctx);
  const text = field.value.text;
  if (text === '' || isAny(text)) return ANY_PROTOCOL;
  const set = protocolOf(text);
  if (set !== undefined) return set;
  ctx.unreadable('NETSH_INVALID_PROTOCOL', `unknown protocol "${text}"`, field.value.line, 'protocol', text);
  return ANY_PROTOCOL;
}

/** parseProtocol, remembered per text (every rule names one of a few protocols). */
function protocolOf(text: string): ProtocolSet | undefined {
  if (protocolSets.has(text)) return protocolSets.get(text);
  const set = parseProtocol(text);
  if (protocolSets.size >= 1000) protocolSets.clear();
  protocolSets.set(text, set);
  return set;
}

const protocolSets = new Map<string, ProtocolSet | undefined>();

function readIcmpTable(field: RawField, ctx: RuleContext): void {
  const rows: string[] = [];
  for (const seg of field.continuations) {
    if (isIcmpHeader(seg.text)) continue;
    const parts = seg.text.split(/\s+/);
    if (parts.length === 2) {
      const [type = '', code = ''] = parts.map((p) => (isAny(p) ? 'Any' : p));
      rows.push(`type ${type} code ${code}`);
      continue;
    }
    ctx.sink.report('warning', 'NETSH_UNRECOGNIZED_LINE', `unreadable ICMP type/code row ${quote(seg.text)}`, seg.line);
    ctx.sink.unsupported(seg.line);
    ctx.condition('other', `unreadable icmp row "${seg.text}"`);
  }
  if (rows.length > 0) ctx.condition('other', `icmp ${rows.join(', ')}`);
}
