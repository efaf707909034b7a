/**
 * @fileoverview Port matches: tcp/udp/udplite/sctp/dccp `--sport/--dport`, `--syn`, `--tcp-flags`, and
 * multiport lists. TCP flags are judged against the SYN packet that opens a connection.
 */
import { append, restrictPorts, unreadable, type RuleFacts, type SideFacts } from './facts.js';
import { renderMatch, type RawMatch, type RawOption } from './spec.js';
import { readPort, readPortList } from './values.js';

const FLAG_BITS: Readonly<Record<string, number>> = {
  FIN: 1, SYN: 2, RST: 4, PSH: 8, ACK: 16, URG: 32, ECE: 64, CWR: 128, ALL: 255, NONE: 0,
};
const SYN_PACKET = FLAG_BITS.SYN as number;

/** Interprets a tcp/udp/udplite/sctp/dccp match; options that do not narrow ports become a Condition. */
export function readPortMatch(m: RawMatch, f: RuleFacts): void {
  const rest: RawOption[] = [];
  for (const o of m.options) {
    switch (o.name) {
      case '--sport':
      case '--source-port':
        portOption(f, f.src, o);
        break;
      case '--dport':
      case '--destination-port':
        portOption(f, f.dst, o);
        break;
      case '--syn':
        // `--syn` matches the opening SYN; `! --syn` never does.
        if (o.negated) f.neverNew = true;
        break;
      case '--tcp-flags':
        tcpFlags(f, o);
        break;
      default:
        rest.push(o);
    }
  }
  if (rest.length > 0) f.conditions = append(f.conditions, { kind: 'match', text: renderMatch(m, rest) });
}

/** Interprets `-m multiport`; `--ports` (source OR destination) is kept as the destination list plus a Condition. */
export function readMultiport(m: RawMatch, f: RuleFacts): void {
  for (const o of m.options) {
    switch (o.name) {
      case '--sports':
      case '--source-ports':
        portListOption(f, f.src, o);
        break;
      case '--dports':
      case '--destination-ports':
        portListOption(f, f.dst, o);
        break;
      case '--ports':
        portListOption(f, f.dst, o);
        f.conditions = append(f.conditions, { kind: 'match', text: 'multiport --ports (source or destination)' });
        break;
      default:
        f.conditions = append(f.conditions, { kind: 'match', text: renderMatch(m, [o]) });
    }
  }
}

function portOption(f: RuleFacts, side: SideFacts, o: RawOption): void {
  const v = o.values[0] ?? '';
  const r = readPort(v);
  if (!r.ok) return unreadable(f, 'IPT_BAD_PORT', 'port', v, `${o.name} "${v}": ${r.error}`);
  restrictPorts(side, r.value, o.negated);
}

function portListOption(f: RuleFacts, side: SideFacts, o: RawOption): void {
  const v = o.values[0] ?? '';
  const r = readPortList(v);
  if (!r.ok) return unreadable(f, 'IPT_BAD_PORT', 'port', v, `${o.name} "${v}": ${r.error}`);
  restrictPorts(side, r.value, o.negated);
}

/** `--tcp-flags MASK COMP` matches the SYN packet iff ({SYN} ∩ MASK) == COMP; negation flips the result. */
function tcpFlags(f: RuleFacts, o: RawOption): void {
  const mask = flagBits(o.values[0] ?? '');
  const comp = flagBits(o.values[1] ?? '');
  if (mask === undefined || comp === undefined) {
    const v = o.values.join(' ');
    return unreadable(f, 'IPT_BAD_VALUE', 'tcp-flags', v, `--tcp-flags "${v}": unknown flag`);
  }
  const matchesSyn = ((SYN_PACKET & mask) === comp) !== o.negated;
  if (!matchesSyn) f.neverNew = true;
}

function flagBits(list: string): number | undefined {
  let bits = 0;
  for (const name of list.split(',')) {
    const b = FLAG_BITS[name.toUpperCase()];
    if (b === undefined) return undefined;
    bits |= b;
  }
  return bits;
}
