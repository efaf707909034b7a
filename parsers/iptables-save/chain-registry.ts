/**
 * @fileoverview Builds the chains of a dump: declarations (`:X`, `-N`, `-P`), rules in evaluation order
 * (`-I CHAIN n` inserts), implicit chains, and the lines of the other address family.
 */
import type { Family } from '../../src/model/address-set.js';
import type { DiagnosticSink } from './diagnostics.js';
import type { FamilyMark, RawChainDecl, RawDump, RawRule } from './raw.js';
import { isBuiltin } from './reachability.js';

/** One chain being assembled. */
export interface ChainEntry {
  readonly key: string;
  readonly table: string;
  readonly name: string;
  readonly builtin: boolean;
  policy: 'accept' | 'drop' | undefined;
  /** Line of the declaration that set the policy (or declared the chain). */
  line: number | undefined;
  /** Rules in evaluation order. */
  readonly rules: RawRule[];
}

/** The chains in order of first appearance, plus line accounting of declarations and other-family lines. */
export interface ChainRegistry {
  readonly chains: ChainEntry[];
  readonly byKey: Map<string, ChainEntry>;
  declLines: number;
  readonly ignored: Record<string, number>;
}

/** Assembles the chains of `dump` for `family`. */
export function buildChains(dump: RawDump, family: Family, sink: DiagnosticSink): ChainRegistry {
  const reg: ChainRegistry = { chains: [], byKey: new Map(), declLines: 0, ignored: {} };
  for (const d of dump.chains) {
    if (otherFamily(reg, d.family, family)) continue;
    declare(reg, d, sink);
  }
  let last: ChainEntry | undefined;
  for (const r of dump.rules) {
    if (otherFamily(reg, r.family ?? r.specFamily, family)) continue;
    // Consecutive rules of one chain (the usual layout) skip the key lookup.
    const chain = last !== undefined && last.name === r.chain && last.table === r.block.name ? last : chainFor(reg, r, sink);
    last = chain;
    if (r.command === 'I') chain.rules.splice(Math.min((r.position ?? 1) - 1, chain.rules.length), 0, r);
    else chain.rules.push(r);
  }
  return reg;
}

function otherFamily(reg: ChainRegistry, mark: FamilyMark, family: Family): boolean {
  if (mark === undefined || mark === family) return false;
  const reason = `other address family (${mark === 'ipv4' ? '-4' : '-6'} line)`;
  reg.ignored[reason] = (reg.ignored[reason] ?? 0) + 1;
  return true;
}

function entry(reg: ChainRegistry, table: string, name: string): ChainEntry {
  const key = `${table}/${name}`;
  let c = reg.byKey.get(key);
  if (c === undefined) {
    c = { key, table, name, builtin: isBuiltin(table, name), policy: undefined, line: undefined, rules: [] };
    reg.byKey.set(key, c);
    reg.chains.push(c);
  }
  return c;
}

function declare(reg: ChainRegistry, d: RawChainDecl, sink: DiagnosticSink): void {
  reg.declLines++;
  const c = entry(reg, d.block.name, d.name);
  if (d.form === '-N' || (d.form === ':' && !c.builtin)) {
    if (c.builtin) sink.add('warning', 'IPT_BAD_POLICY', `-N on builtin chain ${c.key}`, d.line);
    c.line ??= d.line;
    return;
  }
  if (!c.builtin) {
    sink.add('warning', 'IPT_BAD_POLICY', `policy "${d.policy ?? ''}" on user chain ${c.key} ignored`, d.line);
    c.line ??= d.line;
    return;
  }
  c.line = d.line;
  const p = (d.policy ?? '').toUpperCase();
  if (p === 'ACCEPT' || p === 'DROP') {
    c.policy = p === 'ACCEPT' ? 'accept' : 'drop';
    return;
  }
  // `-` keeps the kernel's current policy, which the dump does not show; a fresh chain starts with ACCEPT.
  c.policy = 'accept';
  sink.add('warning', 'IPT_BAD_POLICY', `policy "${d.policy ?? ''}" of builtin chain ${c.key} is not ACCEPT or DROP: ACCEPT assumed`, d.line);
}

function chainFor(reg: ChainRegistry, r: RawRule, sink: DiagnosticSink): ChainEntry {
  const key = `${r.block.name}/${r.chain}`;
  const known = reg.byKey.get(key);
  if (known !== undefined) return known;
  const c = entry(reg, r.block.name, r.chain);
  if (c.builtin) {
    c.policy = 'accept';
    sink.add('warning', 'IPT_POLICY_NOT_EXPORTED', `policy of builtin chain ${key} is not in the export: ACCEPT assumed`, r.line);
  } else {
    sink.add('warning', 'IPT_UNDECLARED_CHAIN', `chain ${key} is used without a declaration`, r.line);
  }
  return c;
}
