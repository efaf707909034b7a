/**
 * @fileoverview Sorts a rule's fields by class (keys.ts), keeping source order within each class, and reports
 * unknown keys: info when descriptive, warning + condition when the key belongs to a narrowing family.
 */
import { classifyKey, type CoreKey } from './keys.js';
import { quote } from '../shared/parse-sink.js';
import type { RuleIssues } from './rule-issues.js';
import type { ScopeGroup } from './scopes.js';
import type { RuleField } from './split.js';

/** A rule's fields by class. */
export interface GroupedFields {
  readonly core: Readonly<Record<CoreKey, RuleField[]>>;
  readonly localPorts: RuleField[];
  readonly remotePorts: RuleField[];
  readonly localAddresses: RuleField[];
  readonly remoteAddresses: RuleField[];
  readonly icmp: RuleField[];
  /** Scope fields by lower-cased key. */
  readonly scopes: Map<string, ScopeGroup & { fields: RuleField[] }>;
  /** The first `Name` value. */
  name: string | undefined;
}

/** Groups the fields; unknown keys are reported here. */
export function groupFields(fields: readonly RuleField[], issues: RuleIssues): GroupedFields {
  const g: GroupedFields = {
    core: { action: [], active: [], dir: [], profile: [], protocol: [] },
    localPorts: [],
    remotePorts: [],
    localAddresses: [],
    remoteAddresses: [],
    icmp: [],
    scopes: new Map(),
    name: undefined,
  };
  for (const field of fields) place(field, g, issues);
  return g;
}

function place(field: RuleField, g: GroupedFields, issues: RuleIssues): void {
  const c = classifyKey(field.key);
  switch (c.kind) {
    case 'core':
      g.core[c.key].push(field);
      return;
    case 'local-port':
      g.localPorts.push(field);
      return;
    case 'remote-port':
      g.remotePorts.push(field);
      return;
    case 'local-address':
      g.localAddresses.push(field);
      return;
    case 'remote-address':
      g.remoteAddresses.push(field);
      return;
    case 'icmp':
      g.icmp.push(field);
      return;
    case 'scope':
      addScope(field, c.condition, c.label, g);
      return;
    case 'text':
      if (field.key.trim().toLowerCase() === 'name' && g.name === undefined) g.name = field.value;
      return;
    case 'unknown':
      reportUnknown(field, c.narrowing, issues);
  }
}

function addScope(field: RuleField, condition: ScopeGroup['condition'], label: string, g: GroupedFields): void {
  const key = field.key.trim().toLowerCase();
  const group = g.scopes.get(key);
  if (group === undefined) g.scopes.set(key, { condition, label, fields: [field] });
  else group.fields.push(field);
}

function reportUnknown(field: RuleField, narrowing: boolean, issues: RuleIssues): void {
  if (!narrowing) {
    issues.info('WINRULE_UNKNOWN_KEY', `unknown rule key "${field.key}" kept in raw (value ${quote(field.value)})`, field.ref);
    return;
  }
  issues.warn(
    'WINRULE_UNKNOWN_NARROWING_KEY',
    `unknown rule key "${field.key}" of a narrowing family; the rule is treated as conditional (value ${quote(field.value)})`,
    `unknown field ${field.key}=${field.value}`,
    field.ref,
  );
}
