/**
 * @fileoverview Connection-tracking matches: `-m state --state` and `-m conntrack` (`--ctstate`, `--ctproto`,
 * `--ctorig*`). The audit judges the packet that opens a connection, whose state is NEW (plus the virtual
 * SNAT/DNAT bits when it was translated); a match that can never see that packet sets `neverNew`.
 */
import type { ConnState } from '../../src/model/rule.js';
import { append, ALL_STATES, restrictAddresses, restrictPorts, restrictProtocols, unreadable, type RuleFacts, type SideFacts } from './facts.js';
import { renderMatch, type RawMatch, type RawOption } from './spec.js';
import { readAddresses, readPort, readProtocol } from './values.js';

const STATE_BITS: Readonly<Record<string, number>> = {
  INVALID: 1, ESTABLISHED: 2, RELATED: 4, NEW: 8, UNTRACKED: 16, SNAT: 32, DNAT: 64,
};
const NEW = 8;
const UNTRACKED = 16;
const SNAT = 32;
const DNAT = 64;

type StateEffect = 'none' | 'never-new' | 'uncertain';

/** Interprets `-m state`. */
export function readStateMatch(m: RawMatch, f: RuleFacts): void {
  for (const o of m.options) {
    if (o.name === '--state') stateOption(m, f, o, false);
    else f.conditions = append(f.conditions, { kind: 'match', text: renderMatch(m, [o]) });
  }
}

/** Interprets `-m conntrack`; options that cannot be evaluated become one Condition. */
export function readConntrackMatch(m: RawMatch, f: RuleFacts): void {
  const rest: RawOption[] = [];
  for (const o of m.options) {
    const v = o.values[0] ?? '';
    switch (o.name) {
      case '--ctstate':
        stateOption(m, f, o, true);
        break;
      case '--ctproto': {
        const p = readProtocol(v);
        if (p === undefined) unreadable(f, 'IPT_BAD_PROTOCOL', 'protocol', v, `--ctproto "${v}": unknown protocol`);
        else restrictProtocols(f, p, o.negated);
        break;
      }
      case '--ctorigsrc':
      case '--ctorigdst':
        origAddress(f, o.name === '--ctorigsrc' ? f.src : f.dst, o);
        break;
      case '--ctorigsrcport':
      case '--ctorigdstport':
        origPort(f, o.name === '--ctorigsrcport' ? f.src : f.dst, o);
        break;
      default:
        rest.push(o);
    }
  }
  if (rest.length > 0) f.conditions = append(f.conditions, { kind: 'match', text: renderMatch(m, rest) });
}

function origAddress(f: RuleFacts, side: SideFacts, o: RawOption): void {
  const v = o.values[0] ?? '';
  const r = readAddresses(v, f.family);
  if (!r.ok) return unreadable(f, 'IPT_BAD_ADDRESS', 'address', v, `${o.name} "${v}": ${r.error}`);
  restrictAddresses(side, r.value, o.negated);
}

function origPort(f: RuleFacts, side: SideFacts, o: RawOption): void {
  const v = o.values[0] ?? '';
  const r = readPort(v);
  if (!r.ok) return unreadable(f, 'IPT_BAD_PORT', 'port', v, `${o.name} "${v}": ${r.error}`);
  restrictPorts(side, r.value, o.negated);
}

function stateOption(m: RawMatch, f: RuleFacts, o: RawOption, virtualBits: boolean): void {
  const v = o.values[0] ?? '';
  const reading = readState(v, o.negated, virtualBits);
  if (reading.effect === undefined) return unreadable(f, 'IPT_BAD_VALUE', 'state', v, `${o.name} "${v}": unknown state`);
  f.stateMask &= reading.mask;
  if (reading.effect === 'never-new') f.neverNew = true;
  else if (reading.effect === 'uncertain') f.conditions = append(f.conditions, { kind: 'match', text: renderMatch(m, [o]) });
}

/** A state list's effect on the opening packet and the plain states it admits. */
interface StateReading {
  readonly effect: StateEffect | undefined;
  readonly mask: number;
}

/** One cache per (virtualBits, negated): a handful of state lists repeat across every rule of a dump. */
const readings: readonly Map<string, StateReading>[] = [new Map(), new Map(), new Map(), new Map()];

function readState(list: string, negated: boolean, virtualBits: boolean): StateReading {
  const cache = readings[(virtualBits ? 2 : 0) + (negated ? 1 : 0)] as Map<string, StateReading>;
  let r = cache.get(list);
  if (r === undefined) {
    r = { effect: computeEffect(list, negated, virtualBits), mask: stateMask(list, negated) };
    if (cache.size > 1000) cache.clear();
    cache.set(list, r);
  }
  return r;
}

/**
 * What a state list does to the opening packet: it matches (`none`), never matches (`never-new`), or matches
 * only some opening packets (translated or untracked ones: `uncertain`). Undefined for an unknown state name.
 */
export function stateEffect(list: string, negated: boolean, virtualBits: boolean): StateEffect | undefined {
  return readState(list, negated, virtualBits).effect;
}

/** The plain states (no SNAT/DNAT bits) a state list admits, as a bit mask over ALL_STATES. */
function stateMask(list: string, negated: boolean): number {
  let mask = 0;
  for (const name of list.split(',')) mask |= (STATE_BITS[name.toUpperCase()] ?? 0) & ALL_STATES;
  return negated ? ALL_STATES & ~mask : mask;
}

/** State names per mask, built once (the model's arrays are read-only, so rules share them). */
const NAMES_BY_MASK: readonly (readonly ConnState[])[] = Array.from({ length: ALL_STATES + 1 }, (_, mask) => {
  const names: ConnState[] = [];
  for (const [name, bit] of Object.entries(STATE_BITS)) if (bit & ALL_STATES & mask) names.push(name.toLowerCase() as ConnState);
  return names;
});

/** Names of the states in a mask, for the model. */
export function stateNames(mask: number): readonly ConnState[] {
  return NAMES_BY_MASK[mask & ALL_STATES] ?? [];
}

function computeEffect(list: string, negated: boolean, virtualBits: boolean): StateEffect | undefined {
  let mask = 0;
  for (const name of list.split(',')) {
    const bit = STATE_BITS[name.toUpperCase()];
    if (bit === undefined || (!virtualBits && (bit === SNAT || bit === DNAT))) return undefined;
    mask |= bit;
  }
  const matches = (bits: number): boolean => ((bits & mask) !== 0) !== negated;
  const opening = virtualBits ? [NEW, NEW | SNAT, NEW | DNAT, NEW | SNAT | DNAT] : [NEW];
  const hits = opening.filter(matches).length;
  if (hits === opening.length) return 'none';
  if (hits === 0 && !matches(UNTRACKED)) return 'never-new';
  return 'uncertain';
}
