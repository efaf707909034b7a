/**
 * @fileoverview Port and address fields of a netsh rule → PortMatch / AddressMatch. Lists may mix numbers,
 * ranges and keywords (`RPC`, `LocalSubnet`); both parts are kept. An unreadable token widens the field to
 * "any" and makes the rule uncertain, never silently narrower or certain.
 */
import { AddressSet } from '../../src/model/address-set.js';
import { parseAddressToken } from '../../src/model/ip.js';
import { NO_PORTS, parsePortToken } from '../../src/model/port-set.js';
import {
  ANY_ADDRESS_MATCH,
  ANY_PORT_MATCH,
  type AddressMatch,
  type PortKeyword,
  type PortMatch,
} from '../../src/model/rule.js';
import { addressKeyword, portKeyword } from '../shared/windows-keywords.js';
import { isAny } from './labels.js';
import type { RawField } from './parse.js';
import { listTokens, type RuleContext } from './rule-context.js';

/**
 * Readable one-line values and their matches: exports repeat the same port and address lists on many rules, and
 * the matches are immutable, so rules share them. Unreadable values are never cached (they report per rule).
 */
const portMatches = new Map<string, PortMatch>();
const addressMatches = new Map<string, AddressMatch>();
const CACHE_LIMIT = 20_000;

/** The field's match from the cache, else read; cached when it was readable (reading it added no condition). */
function cachedRead<T>(cache: Map<string, T>, field: RawField, what: string, ctx: RuleContext, read: (field: RawField, what: string, ctx: RuleContext) => T): T {
  const oneLine = field.continuations.length === 0;
  const hit = oneLine ? cache.get(field.value.text) : undefined;
  if (hit !== undefined) return hit;
  const before = ctx.conditions.length;
  const value = read(field, what, ctx);
  if (!oneLine || ctx.conditions.length !== before) return value;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(field.value.text, value);
  return value;
}

/** `LocalPort`/`RemotePort` → PortMatch; a missing or empty field means any port. */
export function readPorts(field: RawField | undefined, what: string, ctx: RuleContext): PortMatch {
  return field === undefined ? ANY_PORT_MATCH : cachedRead(portMatches, field, what, ctx, readPortTokens);
}

function readPortTokens(field: RawField, what: string, ctx: RuleContext): PortMatch {
  const tokens = listTokens(field);
  if (tokens.length === 0 || tokens.some((t) => isAny(t.text))) return ANY_PORT_MATCH;
  let set = NO_PORTS;
  const keywords: PortKeyword[] = [];
  let readable = true;
  for (const token of tokens) {
    const keyword = portKeyword(token.text);
    if (keyword !== undefined) {
      if (!keywords.includes(keyword)) keywords.push(keyword);
      continue;
    }
    const r = parsePortToken(token.text, '-');
    if (r.ok) {
      set = set.union(r.set);
      continue;
    }
    readable = false;
    ctx.unreadable('NETSH_INVALID_PORT', `${r.error} in ${field.label}`, token.line, what, token.text);
  }
  return readable ? { set, keywords } : ANY_PORT_MATCH;
}

/** `LocalIP`/`RemoteIP` → AddressMatch; a missing or empty field means any address. */
export function readAddresses(field: RawField | undefined, what: string, ctx: RuleContext): AddressMatch {
  return field === undefined ? ANY_ADDRESS_MATCH : cachedRead(addressMatches, field, what, ctx, readAddressTokens);
}

function readAddressTokens(field: RawField, what: string, ctx: RuleContext): AddressMatch {
  const tokens = listTokens(field);
  if (tokens.length === 0 || tokens.some((t) => isAny(t.text))) return ANY_ADDRESS_MATCH;
  let set = AddressSet.NONE;
  const symbols: string[] = [];
  let readable = true;
  for (const token of tokens) {
    const keyword = addressKeyword(token.text);
    if (keyword !== undefined) {
      if (!symbols.includes(keyword)) symbols.push(keyword);
      continue;
    }
    const r = parseAddressToken(token.text);
    if (r.ok) {
      set = set.union(r.set);
      continue;
    }
    readable = false;
    ctx.unreadable('NETSH_INVALID_ADDRESS', `${r.error} in ${field.label}`, token.line, what, token.text);
  }
  return readable ? { set, symbols, negated: false } : ANY_ADDRESS_MATCH;
}
