/**
 * @fileoverview Matches judged against the packet that opens a connection (state NEW, a TCP SYN, unicast):
 * `ct state`, `tcp flags`, `meta pkttype`; and the interface matches `iif`/`iifname`/`oif`/`oifname`, whose
 * effect depends on the direction (emit.ts). The state effect is the iptables parser's.
 */
import { protocols, TCP } from '../../src/model/protocol.js';
import type { ConnState } from '../../src/model/rule.js';
import { stateEffect } from '../iptables-save/match-state.js';
import { restrictProtocols, unreadable, type RuleFacts } from './facts.js';
import type { NftOp } from './ir.js';
import { opaque, resolve, type MatchExpr } from './match-packet.js';
import { renderMatch } from './render.js';
import { readWords, type SetScope } from './values.js';

/** Every conntrack state, in the order the model lists them. */
const ALL_STATES: readonly ConnState[] = ['invalid', 'established', 'related', 'new', 'untracked'];

/** `ct state established,related`, `ct state { new, untracked }`, `ct state != invalid`. */
export function ctStateMatch(m: MatchExpr, f: RuleFacts, scope: SetScope): void {
  const e = resolve(m, f, scope);
  const words = readWords(e.items)?.map((w) => w.toLowerCase());
  if (e.symbols.length > 0 || words === undefined || (m.op !== 'eq' && m.op !== 'in' && m.op !== 'ne')) return opaque(m, f);
  const negated = m.op === 'ne';
  const text = words.join(',');
  const effect = stateEffect(text, negated, false);
  if (effect === undefined) return unreadable(f, 'NFT_BAD_VALUE', 'state', text, `ct state "${text}": unknown state`);
  const named = new Set(words as ConnState[]);
  const admitted = ALL_STATES.filter((s) => named.has(s) !== negated);
  f.states = new Set(f.states === undefined ? admitted : admitted.filter((s) => f.states?.has(s)));
  if (effect === 'never-new') f.neverNew = true;
  else if (effect === 'uncertain') f.conditions.push({ kind: 'match', text: `ct state ${negated ? '!= ' : ''}${ALL_STATES.filter((s) => named.has(s)).join(',')}` });
}

const FLAG_BITS: Readonly<Record<string, number>> = { fin: 1, syn: 2, rst: 4, psh: 8, ack: 16, urg: 32, ecn: 64, cwr: 128 };
const SYN = 2;

/** `tcp flags syn / fin,syn,rst,ack`, `tcp flags & (fin|syn) == fin|syn`, `tcp flags != syn`: judged on a SYN. */
export function tcpFlagsMatch(m: MatchExpr, f: RuleFacts, scope: SetScope): void {
  restrictProtocols(f, protocols(TCP), false);
  const value = flagBits(readWords(resolve(m, f, scope).items));
  const mask = m.left.mask === undefined ? 0xff : flagBits(readWords(resolve({ ...m, right: m.left.mask }, f, scope).items));
  if (value === undefined || mask === undefined) {
    const text = renderMatch(m.left, m.op, m.right);
    return unreadable(f, 'NFT_BAD_VALUE', 'tcp flags', text, `"${text}": unknown TCP flag`);
  }
  if (!compare(SYN & mask, m.op, value)) f.neverNew = true;
}

function compare(x: number, op: NftOp, v: number): boolean {
  switch (op) {
    case 'eq':
      return x === v;
    case 'ne':
      return x !== v;
    case 'lt':
      return x < v;
    case 'gt':
      return x > v;
    case 'le':
      return x <= v;
    case 'ge':
      return x >= v;
    default:
      return (x & v) !== 0;
  }
}

function flagBits(words: readonly string[] | undefined): number | undefined {
  if (words === undefined) return undefined;
  let bits = 0;
  for (const w of words) {
    const b = /^(0x[0-9a-f]+|\d+)$/i.test(w) ? Number(w) : FLAG_BITS[w.toLowerCase()];
    if (b === undefined || Number.isNaN(b)) return undefined;
    bits |= b;
  }
  return bits;
}

/**
 * `meta pkttype`: connections are opened by unicast packets; a rule that cannot match unicast never opens one.
 * Other types (`other`) stay a Condition.
 */
export function pkttypeMatch(m: MatchExpr, f: RuleFacts, scope: SetScope): void {
  const words = readWords(resolve(m, f, scope).items)?.map((w) => w.toLowerCase());
  const known = ['unicast', 'host', 'broadcast', 'multicast'];
  if (words === undefined || !words.every((w) => known.includes(w)) || (m.op !== 'eq' && m.op !== 'in' && m.op !== 'ne')) return opaque(m, f);
  const matchesUnicast = words.some((w) => w === 'unicast' || w === 'host') !== (m.op === 'ne');
  if (!matchesUnicast) f.neverNew = true;
}

/** `iifname "eth0"`, `iif != lo`, `oifname { "a", "b" }`: recorded; emit.ts decides per direction. */
export function interfaceMatch(m: MatchExpr, f: RuleFacts, scope: SetScope, input: boolean): void {
  const e = resolve(m, f, scope);
  const names = readWords(e.items);
  const short = m.left.key.replace(/^meta /, '');
  if (e.symbols.length > 0 || names === undefined || names.length === 0 || (m.op !== 'eq' && m.op !== 'in' && m.op !== 'ne')) {
    f.conditions.push({ kind: 'interface', text: renderMatch({ key: short }, m.op, m.right) });
    return;
  }
  const quoted = names.map((n) => `"${n}"`);
  const text = `${short} ${m.op === 'ne' ? '!= ' : ''}${quoted.length === 1 ? quoted[0] : `{ ${quoted.join(', ')} }`}`;
  (input ? f.inIfaces : f.outIfaces).push({ names, negated: m.op === 'ne', text });
}
