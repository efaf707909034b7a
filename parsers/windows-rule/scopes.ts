/**
 * @fileoverview Scope fields (program, service, package, interface, IPsec security, user/machine authorization,
 * trust tuples) → one Condition per key: each narrows the rule in a way the export alone cannot evaluate.
 * `App=Any`/`*` and `IFType=All` narrow nothing. `Svc=*` means "services only" (MS-FASP: the rule applies to all
 * services), which does narrow: it becomes a `service *` condition rather than being read as "any".
 */
import type { Condition } from '../../src/model/rule.js';
import { isAnyValue } from './match-values.js';
import type { RuleIssues } from './rule-issues.js';
import type { RuleField } from './split.js';

/** One scope key's fields with the class data from keys.ts. */
export interface ScopeGroup {
  readonly condition: Condition['kind'];
  readonly label: string;
  readonly fields: readonly RuleField[];
}

/** Adds the condition of each scope group. */
export function addScopeConditions(groups: Iterable<ScopeGroup>, issues: RuleIssues): void {
  for (const group of groups) {
    const values = group.fields.map((f) => f.value.trim()).filter((v) => v !== '' && !narrowsNothing(group, v));
    if (values.length === 0) continue;
    const shown = group.condition === 'service' && values.length === 1 && values[0] === '*' ? ['* (services only)'] : values;
    issues.condition(group.condition, `${group.label} ${shown.join(', ')}`);
  }
}

function narrowsNothing(group: ScopeGroup, value: string): boolean {
  const v = value.toLowerCase();
  if (group.condition === 'service') return v === 'any';
  if (group.condition === 'interface-type') return v === 'all' || v === 'any';
  if (group.condition === 'security') return v === 'notrequired';
  return isAnyValue(value);
}
