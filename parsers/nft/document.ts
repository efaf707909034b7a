/**
 * @fileoverview Builds an NftDocument the way `nft -f` would apply the statements: tables, chains (declared, or
 * created by a rule with a warning), rules appended or inserted, sets and their elements, and flushes.
 */
import {
  chainKey,
  tableKey,
  type NftBaseSpec,
  type NftChain,
  type NftDocument,
  type NftFamily,
  type NftMapEntry,
  type NftPos,
  type NftRule,
  type NftSet,
  type NftValue,
} from './ir.js';
import { REASON, type NftSink } from './sink.js';

/** Accumulates the objects of one ruleset. */
export class DocumentBuilder {
  readonly doc: NftDocument = { tables: new Map(), chains: new Map(), sets: new Map() };

  constructor(private readonly sink: NftSink) {}

  /** Declares a table (repeated declarations add to it, as in nft). */
  table(family: NftFamily, name: string, pos: NftPos | undefined): void {
    const key = tableKey(family, name);
    if (!this.doc.tables.has(key)) this.doc.tables.set(key, { family, name, pos });
  }

  /** Declares a chain, or completes one created earlier; a base spec given later replaces an earlier one. */
  chain(family: NftFamily, table: string, name: string, pos: NftPos | undefined, base?: NftBaseSpec): NftChain {
    this.table(family, table, undefined);
    const key = chainKey(family, table, name);
    let c = this.doc.chains.get(key);
    if (c === undefined) {
      c = { family, table, name, base, pos, rules: [] };
      this.doc.chains.set(key, c);
    }
    c.pos ??= pos;
    if (base !== undefined) c.base = base;
    return c;
  }

  /** Adds a rule at the end of its chain, or at the head for `insert rule`. */
  rule(family: NftFamily, table: string, chain: string, rule: NftRule, insert: boolean): void {
    const key = chainKey(family, table, chain);
    let c = this.doc.chains.get(key);
    if (c === undefined) {
      this.sink.report('warning', 'NFT_UNDECLARED_CHAIN', `rule added to chain "${key}" that was never declared`, rule.pos.ref);
      c = this.chain(family, table, chain, undefined);
    }
    if (insert) c.rules.unshift(rule);
    else c.rules.push(rule);
  }

  /** Declares a named set or map. */
  set(s: NftSet): void {
    this.table(s.family, s.table, undefined);
    const key = chainKey(s.family, s.table, s.name);
    const old = this.doc.sets.get(key);
    if (old === undefined) {
      this.doc.sets.set(key, s);
      return;
    }
    if (s.elements !== undefined) old.elements = [...(old.elements ?? []), ...s.elements];
    if (s.entries !== undefined) old.entries = [...(old.entries ?? []), ...s.entries];
  }

  /** `add element`: adds values (or verdict-map entries) to a declared set. */
  elements(family: NftFamily, table: string, name: string, values: NftValue[], entries: NftMapEntry[], pos: NftPos): void {
    const s = this.doc.sets.get(chainKey(family, table, name));
    if (s === undefined) {
      this.sink.report('warning', 'NFT_UNDEFINED_SET', `elements added to set "${name}" that was never declared`, pos.ref);
      return;
    }
    if (values.length > 0) s.elements = [...(s.elements ?? []), ...values];
    if (entries.length > 0) s.entries = [...(s.entries ?? []), ...entries];
  }

  /** `flush chain`: removes the rules of one chain. */
  flushChain(family: NftFamily, table: string, name: string): void {
    const c = this.doc.chains.get(chainKey(family, table, name));
    if (c !== undefined) this.discard(c);
  }

  /** `flush table`: removes the rules of every chain of the table. */
  flushTable(family: NftFamily, table: string): void {
    for (const c of this.doc.chains.values()) if (c.family === family && c.table === table) this.discard(c);
  }

  /** `flush ruleset`: forgets everything declared so far. */
  flushRuleset(): void {
    for (const c of this.doc.chains.values()) this.discard(c);
    this.doc.tables.clear();
    this.doc.chains.clear();
    this.doc.sets.clear();
  }

  /** Empties a chain; the removed rules are accounted as ignored. */
  private discard(c: NftChain): void {
    for (const r of c.rules) this.sink.ignored(r.pos, REASON.flushed);
    c.rules.length = 0;
  }
}
