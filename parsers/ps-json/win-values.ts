/**
 * @fileoverview Port, address, protocol and ICMP values of a Windows rule → model matches. Lists may mix numbers,
 * ranges and keywords (`RPC`, `LocalSubnet`); both parts are kept. An unreadable token widens the field to "any" and
 * makes the rule uncertain, never silently narrower or certain.
 */
import { AddressSet } from '../../src/model/address-set.js';
import { parseAddressToken } from '../../src/model/ip.js';
import { NO_PORTS, parsePortToken, type PortParseResult } from '../../src/model/port-set.js';
import { ANY_PROTOCOL, parseProtocol, type ProtocolSet } from '../../src/model/protocol.js';
import {
  ANY_ADDRESS_MATCH,
  ANY_PORT_MATCH,
  type AddressMatch,
  type PortKeyword,
  type PortMatch,
} from '../../src/model/rule.js';
import { addressKeyword, portKeyword } from '../shared/windows-keywords.js';
import { displayAddressKeyword, displayPortKeyword } from './win-display.js';
import { isAnyValue } from './win-enums.js';
import type { WinReadOptions, WinValue } from './win-fields.js';
import type { WinRuleContext } from './win-context.js';

/** The list tokens of a value: items split on `,` (and `;` for lenient lists), trimmed, empty ones dropped. */
export function valueTokens(v: WinValue, opts: WinReadOptions): string[] {
  const sep = opts.lenientLists === true ? /[,;]/ : /,/;
  return v.items.flatMap((item) => item.split(sep).map((t) => t.trim())).filter((t) => t !== '');
}

/** LocalPort/RemotePort → PortMatch; missing, empty or `Any` means any port. */
export function readPorts(v: WinValue | undefined, what: string, ctx: WinRuleContext, opts: WinReadOptions): PortMatch {
  if (v === undefined) return ANY_PORT_MATCH;
  if (v.problem !== undefined) return problem(v, what, ctx, ANY_PORT_MATCH);
  const tokens = valueTokens(v, opts);
  if (tokens.length === 0 || tokens.some(isAnyValue)) return ANY_PORT_MATCH;
  let set = NO_PORTS;
  const keywords: PortKeyword[] = [];
  for (const token of tokens) {
    const keyword = portKeyword(token) ?? displayPortKeyword(token);
    if (keyword !== undefined) {
      if (!keywords.includes(keyword)) keywords.push(keyword);
      continue;
    }
    const r = portToken(token, opts);
    if (!r.ok) {
      ctx.unreadable('INVALID_PORT', `${r.error} in ${what}`, v.ref, what, token);
      return ANY_PORT_MATCH;
    }
    set = set.union(r.set);
  }
  return { set, keywords };
}

function portToken(token: string, opts: WinReadOptions): PortParseResult {
  const r = parsePortToken(token, '-');
  if (r.ok || opts.lenientLists !== true || !token.includes(':')) return r;
  return parsePortToken(token, ':');
}

/** Whether a port value names concrete ports (not empty, `Any` or only keywords). */
export function hasConcretePorts(v: WinValue | undefined, opts: WinReadOptions): boolean {
  if (v === undefined || v.problem !== undefined) return false;
  const tokens = valueTokens(v, opts);
  return tokens.length > 0 && !tokens.some(isAnyValue) && tokens.some((t) => portKeyword(t) === undefined && displayPortKeyword(t) === undefined);
}

/** LocalAddress/RemoteAddress → AddressMatch; missing, empty or `Any` means any address. */
export function readAddresses(v: WinValue | undefined, what: string, ctx: WinRuleContext, opts: WinReadOptions): AddressMatch {
  if (v === undefined) return ANY_ADDRESS_MATCH;
  if (v.problem !== undefined) return problem(v, what, ctx, ANY_ADDRESS_MATCH);
  const tokens = valueTokens(v, opts);
  if (tokens.length === 0 || tokens.some(isAnyValue)) return ANY_ADDRESS_MATCH;
  let set = AddressSet.NONE;
  const symbols: string[] = [];
  for (const token of tokens) {
    const keyword = addressKeyword(token) ?? displayAddressKeyword(token);
    if (keyword !== undefined) {
      if (!symbols.includes(keyword)) symbols.push(keyword);
      continue;
    }
    const r = parseAddressToken(token);
    if (!r.ok) {
      ctx.unreadable('INVALID_ADDRESS', `${r.error} in ${what}`, v.ref, what, token);
      return ANY_ADDRESS_MATCH;
    }
    set = set.union(r.set);
  }
  return { set, symbols, negated: false };
}

/** Protocol → ProtocolSet; missing, empty or `Any` means any protocol. */
export function readProtocol(v: WinValue | undefined, ctx: WinRuleContext): ProtocolSet {
  if (v === undefined) return ANY_PROTOCOL;
  if (v.problem !== undefined) return problem(v, 'protocol', ctx, ANY_PROTOCOL);
  const text = v.items.map((i) => i.trim()).filter((i) => i !== '');
  if (text.length === 0 || text.some(isAnyValue)) return ANY_PROTOCOL;
  const joined = text.join(',');
  const set = text.length === 1 ? parseProtocol(joined) : undefined;
  if (set !== undefined) return set;
  ctx.unreadable('INVALID_PROTOCOL', `unknown protocol "${joined}"`, v.ref, 'protocol', joined);
  return ANY_PROTOCOL;
}

/** IcmpType items (`8`, `3:4`, `Any`) → one `icmp type 3 code 4` condition; unreadable items → error. */
export function readIcmpTypes(v: WinValue | undefined, ctx: WinRuleContext, opts: WinReadOptions): void {
  if (v === undefined) return;
  if (v.problem !== undefined) {
    problem(v, 'icmp type', ctx, undefined);
    return;
  }
  const tokens = valueTokens(v, opts);
  if (tokens.length === 0 || tokens.some(isAnyValue)) return;
  const parts: string[] = [];
  for (const token of tokens) {
    const m = /^(\d{1,3})(?::(\d{1,3}|\*))?$/.exec(token);
    if (m === null || Number(m[1]) > 255 || Number(m[2] ?? 0) > 255) {
      ctx.unreadable('INVALID_VALUE', `invalid ICMP type "${token}"`, v.ref, 'icmp type', token);
      return;
    }
    parts.push(m[2] === undefined || m[2] === '*' ? `type ${m[1]}` : `type ${m[1]} code ${m[2]}`);
  }
  ctx.condition('other', `icmp ${parts.join(', ')}`);
}

function problem<T>(v: WinValue, what: string, ctx: WinRuleContext, widest: T): T {
  const p = v.problem;
  if (p !== undefined) ctx.unreadable(p.code, p.message, v.ref, what, v.items.join(', '));
  return widest;
}
