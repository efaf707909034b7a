/**
 * @fileoverview The shape of what allow rules (and, inbound, the defaults) open: ports per transport protocol.
 */
import type { PortSet } from '../../model/port-set.js';
import { TCP, UDP } from '../../model/protocol.js';
import type { Rule } from '../../model/rule.js';
import type { Citation } from '../../findings/result.js';

/** Transport protocols whose ports the analysis measures. */
export const PORT_PROTOCOLS: readonly number[] = [TCP, UDP];

/** Ports opened per protocol number. */
export type OpenedPorts = Map<number, PortSet>;

export interface RuleOpening {
  readonly rule: Rule;
  readonly opened: OpenedPorts;
  /**
   * `opened` is an upper bound: earlier rules already decide so many scattered parts of the rule's range that
   * listing them was cut short (the ports are open either way; only which rule opens them is in doubt).
   */
  readonly upperBound?: true;
}

export interface DefaultOpening {
  readonly opened: OpenedPorts;
  /** The default policies that accept (first-match: filter chains preferred over raw/mangle ones). */
  readonly citations: readonly Citation[];
}

export interface UnitOpening {
  /** By rule id, in rule-set order. */
  readonly rules: ReadonlyMap<string, RuleOpening>;
  /** Inbound only: ports the defaults accept without any allow rule; undefined when they accept none. */
  readonly byDefault: DefaultOpening | undefined;
}
