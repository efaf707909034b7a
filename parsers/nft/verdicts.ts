/**
 * @fileoverview nft verdicts → model actions: accept/drop/reject, return, continue, jump/goto (to a chain of
 * the same table), queue (a verdict from user space), and `xt target` compat targets (the iptables parser's
 * classification). A rule without a verdict continues.
 */
import type { Action, Condition } from '../../src/model/rule.js';
import { classifyTarget } from '../iptables-save/targets.js';
import type { NftVerdict } from './ir.js';
import type { Problem } from './sink.js';

/** The action of a rule and what goes with it. */
export interface VerdictInfo {
  readonly action: Action;
  readonly target: string | undefined;
  readonly conditions: readonly Condition[];
  readonly problem: Problem | undefined;
}

/** A rule without a verdict: the packet goes on to the next rule. */
export const CONTINUE: VerdictInfo = { action: 'continue', target: undefined, conditions: [], problem: undefined };

const QUEUE_CONDITION: Condition = { kind: 'match', text: 'verdict from userspace queue' };

/** Classifies a verdict; `isChain(name)` tells whether the rule's table has that chain. */
export function classifyVerdict(v: NftVerdict, isChain: (name: string) => boolean): VerdictInfo {
  switch (v.verdict) {
    case 'accept':
      return plain('allow', 'accept');
    case 'drop':
    case 'reject':
      return plain('block', v.verdict);
    case 'return':
      return plain('return', 'return');
    case 'continue':
      return plain('continue', 'continue');
    case 'queue':
      return { action: 'allow', target: 'queue', conditions: [QUEUE_CONDITION], problem: undefined };
    default: {
      const target = v.target ?? '';
      if (isChain(target)) return plain(v.verdict, target);
      return {
        action: 'block',
        target,
        conditions: [{ kind: 'other', text: `undeclared chain "${target}"` }],
        problem: { severity: 'warning', code: 'NFT_UNDECLARED_CHAIN', message: `${v.verdict} to chain "${target}" that is not declared in this table` },
      };
    }
  }
}

/** `xt target REJECT` and other compat targets, classified as iptables would. */
export function classifyXtTarget(name: string, table: string): VerdictInfo {
  const t = classifyTarget({ name, goto: false, options: [] }, table, () => false);
  const problem: Problem | undefined = t.problem === undefined ? undefined : { severity: t.problem.severity, code: 'NFT_UNKNOWN_TARGET', message: `unknown xt target "${name}"` };
  return { action: t.action, target: t.target, conditions: t.conditions, problem };
}

function plain(action: Action, target: string): VerdictInfo {
  return { action, target, conditions: [], problem: undefined };
}
