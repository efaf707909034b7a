/**
 * @fileoverview One `nft -j` rule expression → an IR expression: matches, verdicts, verdict maps, statements
 * (counter, log, limit, quota, NAT, notrack, mangle, set updates) and `xt` compat expressions. Unknown keys are
 * kept as `unknown` (the normalizer warns), never dropped.
 */
import type { NftExpr, NftMapEntry, NftOp } from './ir.js';
import { renderLimit } from './limit.js';
import { renderValue } from './render.js';
import { isObject, selectorFromJson, soleKey, valueFromJson, verdictFromJson, type Json } from './json-values.js';

const OPS: Readonly<Record<string, NftOp>> = { '==': 'eq', '!=': 'ne', '<': 'lt', '>': 'gt', '<=': 'le', '>=': 'ge', in: 'in' };
const EFFECTLESS = new Set(['counter', 'log', 'notrack', 'mangle', 'set', 'flow', 'ct helper', 'ct timeout', 'ct expectation', 'secmark', 'dup', 'last']);
const NAT = new Set(['snat', 'dnat', 'masquerade', 'redirect']);
/** Left-hand expressions the audit cannot evaluate; a match on them is a Condition without a warning. */
const OPAQUE_LEFT = new Set(['fib', 'socket', 'osf', 'rt', 'ipsec', 'numgen', 'jhash', 'symhash', 'exthdr', 'tcp option', 'ip option', 'sctp chunk', 'concat']);

/** Converts one element of a rule's `expr` array. */
export function exprFromJson(e: Json): NftExpr {
  const key = soleKey(e);
  if (key === undefined || !isObject(e)) return { kind: 'unknown', text: JSON.stringify(e) };
  const body = e[key] ?? null;
  if (key === 'match') return matchFromJson(body);
  const verdict = verdictFromJson(e);
  if (verdict !== undefined) return verdict;
  if (EFFECTLESS.has(key)) return { kind: 'effectless', text: key };
  if (NAT.has(key)) return { kind: 'nat', nat: key as 'snat', text: JSON.stringify(body) };
  switch (key) {
    case 'limit':
      return limitFromJson(body);
    case 'quota':
      return { kind: 'condition', text: `quota ${JSON.stringify(body)}` };
    case 'meter':
      return { kind: 'condition', text: `meter ${JSON.stringify(body)}` };
    case 'xt':
      return xtFromJson(body);
    case 'vmap':
      return vmapFromJson(body);
    default:
      return { kind: 'unknown', text: JSON.stringify(e) };
  }
}

function matchFromJson(body: Json): NftExpr {
  if (!isObject(body)) return { kind: 'unknown', text: JSON.stringify({ match: body }) };
  const op = OPS[String(body.op)] ?? 'eq';
  const right = valueFromJson(body.right);
  const left = selectorFromJson(body.left);
  if (left !== undefined) return { kind: 'match', left, op, right };
  const leftKey = soleKey(body.left);
  const text = `${JSON.stringify(body.left)} ${String(body.op)} ${renderValue(right)}`;
  if (leftKey !== undefined && OPAQUE_LEFT.has(leftKey)) return { kind: 'condition', text };
  return { kind: 'unknown', text };
}

function limitFromJson(body: Json): NftExpr {
  if (!isObject(body) || typeof body.rate !== 'number') return { kind: 'condition', text: `limit ${JSON.stringify(body)}` };
  return {
    kind: 'condition',
    text: renderLimit({
      over: body.inv === true,
      rate: body.rate,
      rateUnit: typeof body.rate_unit === 'string' ? body.rate_unit : undefined,
      per: typeof body.per === 'string' ? body.per : 'second',
      burst: typeof body.burst === 'number' ? body.burst : undefined,
      burstUnit: typeof body.burst_unit === 'string' ? body.burst_unit : undefined,
    }),
  };
}

function xtFromJson(body: Json): NftExpr {
  if (!isObject(body)) return { kind: 'unknown', text: JSON.stringify({ xt: body }) };
  return { kind: 'xt', xtType: body.type === 'target' ? 'target' : 'match', name: typeof body.name === 'string' ? body.name : '' };
}

/** `{"vmap":{"key":L,"data":{"set":[[k,{"accept":null}],…]}}}` or `"data":"@name"`. */
function vmapFromJson(body: Json): NftExpr {
  const left = isObject(body) ? selectorFromJson(body.key) : undefined;
  if (!isObject(body) || left === undefined) return { kind: 'unknown', text: JSON.stringify({ vmap: body }) };
  const data = body.data;
  if (typeof data === 'string' && data.startsWith('@')) return { kind: 'vmap', left, entries: undefined, ref: data.slice(1) };
  const items = isObject(data) && Array.isArray(data.set) ? data.set : [];
  return { kind: 'vmap', left, entries: mapEntries(items) };
}

/** `[key, verdict]` pairs of a verdict map (anonymous or a named map's `elem`). */
export function mapEntries(items: readonly Json[]): NftMapEntry[] {
  const entries: NftMapEntry[] = [];
  for (const item of items) {
    if (!Array.isArray(item) || item.length !== 2) continue;
    const verdict = verdictFromJson(item[1]);
    if (verdict !== undefined) entries.push({ key: valueFromJson(item[0]), verdict });
  }
  return entries;
}
