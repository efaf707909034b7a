/**
 * @fileoverview Mutable state of one parse run, shared by parse.ts (line kinds) and parse-command.ts (commands).
 */
import type { Family } from '../../src/model/address-set.js';
import type { DiagnosticSink } from './diagnostics.js';
import type { RuleFacts } from './facts.js';
import type { RawTarget, RuleSpec } from './spec.js';
import type { RawChainDecl, RawRule, RawTableBlock } from './raw.js';
import type { TableEvidence } from './table-inference.js';

/** A block whose name is still being decided (implicit `-S` blocks). */
export interface OpenBlock extends RawTableBlock {
  name: string;
}

/** Mutable state of one parse run; parse-command.ts adds to it. */
export interface ParseState {
  readonly sink: DiagnosticSink;
  readonly blocks: OpenBlock[];
  readonly chains: RawChainDecl[];
  readonly rules: RawRule[];
  readonly evidence: Map<OpenBlock, TableEvidence>;
  readonly ignored: Record<string, number>;
  current: OpenBlock | undefined;
  parsed: number;
  unsupported: number;
  headerFamily: { family: Family; line: number } | undefined;
  readonly tablesSeen: Set<string>;
  /** Interprets a rule spec once the family is known (normalize.ts's interpretRule; absent: rules keep their spec). */
  readonly interpret: ((spec: RuleSpec, family: Family) => RuleFacts) | undefined;
  /** Interned chain names and shared target records (see parse-command.ts). */
  readonly names: Map<string, string>;
  readonly targets: Map<string, RawTarget>;
}

/** Counts a line as ignored for `reason`. */
export function ignore(st: ParseState, reason: string): void {
  st.ignored[reason] = (st.ignored[reason] ?? 0) + 1;
}

/** The open block, or a new implicit one for headerless (`iptables -S`) lines. */
export function blockFor(st: ParseState, lineNo: number): OpenBlock {
  if (st.current !== undefined) return st.current;
  const block: OpenBlock = { name: 'filter', line: undefined, explicit: false };
  st.blocks.push(block);
  st.evidence.set(block, { chains: new Set(), natTarget: false, firstLine: lineNo });
  st.current = block;
  return block;
}

