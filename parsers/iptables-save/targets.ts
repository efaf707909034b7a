/**
 * @fileoverview `-j` / `-g` targets → model actions (LINUX.md A.7 §2): verdicts, chain calls, and the
 * non-terminating targets that let the packet continue.
 */
import type { Action, Condition } from '../../src/model/rule.js';
import type { Problem } from './diagnostics.js';
import type { RawTarget } from './spec.js';

/** The action of a rule and what goes with it. */
export interface TargetInfo {
  readonly action: Action;
  /** Target name for display, jump and goto. */
  readonly target: string | undefined;
  readonly conditions: readonly Condition[];
  readonly problem: Problem | undefined;
}

const CONTINUE = new Set([
  'LOG', 'NFLOG', 'ULOG', 'MARK', 'CONNMARK', 'CT', 'NOTRACK', 'CHECKSUM', 'TCPMSS', 'TRACE', 'AUDIT', 'SET',
  'CLASSIFY', 'DSCP', 'TOS', 'TTL', 'HL', 'CONNSECMARK', 'SECMARK', 'IDLETIMER', 'TEE',
]);
/** Address-translation targets; they only occur in the nat table. */
export const NAT_TARGETS: ReadonlySet<string> = new Set(['DNAT', 'SNAT', 'MASQUERADE', 'REDIRECT', 'NETMAP']);
/** Targets that can never be chain names. */
export const VERDICTS: ReadonlySet<string> = new Set(['ACCEPT', 'DROP', 'RETURN', 'QUEUE']);

const QUEUE_CONDITION: Condition = { kind: 'match', text: 'verdict from userspace queue' };

/**
 * Classifies a target. `isChain(name)` tells whether a chain of that name exists in the rule's table;
 * such a chain wins over a target extension of the same name, as in iptables.
 */
export function classifyTarget(t: RawTarget | undefined, table: string, isChain: (name: string) => boolean): TargetInfo {
  if (t === undefined) return plain('continue', undefined);
  const name = t.name;
  if (t.goto) return isChain(name) && !VERDICTS.has(name) ? plain('goto', name) : unknown(name, table);
  switch (name) {
    case 'ACCEPT':
      return plain('allow', name);
    case 'DROP':
    case 'REJECT':
      return plain('block', name);
    case 'RETURN':
      return plain('return', name);
    case 'QUEUE':
    case 'NFQUEUE':
      return { action: 'allow', target: name, conditions: [QUEUE_CONDITION], problem: undefined };
    default:
      break;
  }
  if (isChain(name)) return plain('jump', name);
  if (CONTINUE.has(name)) return plain('continue', name);
  if (NAT_TARGETS.has(name) && table === 'nat') return plain('continue', name);
  return unknown(name, table);
}

function plain(action: Action, target: string | undefined): TargetInfo {
  return { action, target, conditions: [], problem: undefined };
}

/** An undeclared, unknown target: treated as a block that may not apply, so it neither opens nor silently closes. */
function unknown(name: string, table: string): TargetInfo {
  const where = NAT_TARGETS.has(name) ? ` outside the nat table (table ${table})` : '';
  return {
    action: 'block',
    target: name,
    conditions: [{ kind: 'other', text: `unknown target "${name}"` }],
    problem: { severity: 'warning', code: 'IPT_UNKNOWN_TARGET', message: `unknown target "${name}"${where}` },
  };
}
