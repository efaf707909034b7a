/**
 * @fileoverview `--feature name[=value]` metadata, parsing and evaluation of row conditions against it.
 */
import { FEATURE_NAMES, isFeatureName, type FeatureName } from './feature-names.js';
import type { FeatureCondition } from './k2-row.js';

/** flag: on when named; choice: one value of `values`; sap-list: two-digit SAP system numbers. */
export type FeatureKind = 'flag' | 'choice' | 'sap-list';

/** What `k2audit profiles` shows about a feature. */
export interface FeatureInfo {
  readonly name: FeatureName;
  readonly kind: FeatureKind;
  /** Allowed values (choice), a value hint (sap-list) or none (flag). */
  readonly values: readonly string[];
  /** Value assumed when the feature is not given (choice features only). */
  readonly default?: string;
  /** Another feature this one switches on. */
  readonly implies?: FeatureName;
  readonly description: string;
}

/** Features in display order. */
export const FEATURES: readonly FeatureInfo[] = [
  {
    name: 'email', kind: 'choice', values: ['smtp', 'msa', 'none'], default: 'smtp',
    description: 'workflow email: SMTP 25, MSA 587, or none',
  },
  {
    name: 'web', kind: 'choice', values: ['http', 'https', 'both'], default: 'both',
    description: 'K2 web sites on HTTP 80, HTTPS 443, or both',
  },
  {
    name: 'sql-broker', kind: 'flag', values: [],
    description: 'SQL Service Broker integration (outbound 1433)',
  },
  {
    name: 'oracle', kind: 'flag', values: [],
    description: 'Oracle Service Broker (outbound 1521)',
  },
  {
    name: 'k2connect', kind: 'flag', values: [],
    description: 'K2 Connect installed (inbound 8085; SAP 32NN/33NN with sap=NN)',
  },
  {
    name: 'sap', kind: 'sap-list', values: ['NN[,NN]'], implies: 'k2connect',
    description: 'SAP system numbers for K2 Connect (ports 32NN and 33NN)',
  },
  {
    name: 'exchange-events', kind: 'choice', values: ['winrm1', 'winrm2'],
    description: 'Exchange mailbox events over WinRM 1.1 (80/443) or 2.0 (5985/5986)',
  },
  {
    name: 'alwayson', kind: 'flag', values: [],
    description: 'SQL AlwaysOn on the K2 database instance (5022)',
  },
  {
    name: 'legacy', kind: 'flag', values: [],
    description: 'K2 4.x discovery service (49599/49600)',
  },
  {
    name: 'dtc-upgrade', kind: 'flag', values: [],
    description: 'MSDTC for a K2 4.7 to K2 Five upgrade (inbound 1024-65535)',
  },
  {
    name: 'custom-broker', kind: 'flag', values: [],
    description: 'custom Service Broker; ports from --port custom-broker=N',
  },
];

/** Effective features: name → value ('' for flags); choice defaults included. */
export type FeatureState = ReadonlyMap<FeatureName, string>;

/** The effective features, or one error line. */
export type FeatureParseResult = { ok: true; state: FeatureState } | { ok: false; error: string };

const INFO: ReadonlyMap<FeatureName, FeatureInfo> = new Map(FEATURES.map((f) => [f.name, f]));

/** Parses `--feature` arguments (`email=msa`, `oracle`, `sap=00,01`) into the effective feature state. */
export function parseFeatures(args: readonly string[]): FeatureParseResult {
  const state = new Map<FeatureName, string>();
  for (const arg of args) {
    const eq = arg.indexOf('=');
    const name = (eq < 0 ? arg : arg.slice(0, eq)).trim().toLowerCase();
    const value = eq < 0 ? undefined : arg.slice(eq + 1).trim();
    if (!isFeatureName(name)) {
      return { ok: false, error: `unknown feature "${name}"; features: ${FEATURE_NAMES.join(', ')}` };
    }
    if (state.has(name)) return { ok: false, error: `feature ${name} given more than once` };
    const r = featureValue(INFO.get(name) as FeatureInfo, value);
    if (!r.ok) return r;
    state.set(name, r.value);
  }
  for (const f of FEATURES) {
    if (f.default !== undefined && !state.has(f.name)) state.set(f.name, f.default);
    if (f.implies !== undefined && state.has(f.name) && !state.has(f.implies)) state.set(f.implies, '');
  }
  return { ok: true, state };
}

type ValueResult = { ok: true; value: string } | { ok: false; error: string };

function featureValue(info: FeatureInfo, value: string | undefined): ValueResult {
  const { name } = info;
  if (info.kind === 'flag') {
    if (value !== undefined) return { ok: false, error: `feature ${name}: takes no value (got "${value}")` };
    return { ok: true, value: '' };
  }
  if (value === undefined || value === '') {
    return { ok: false, error: `feature ${name}: needs a value (${info.values.join(', ')})` };
  }
  if (info.kind === 'sap-list') return sapValue(value);
  const v = value.toLowerCase();
  if (!info.values.includes(v)) {
    return { ok: false, error: `feature ${name}: value "${value}" not one of ${info.values.join(', ')}` };
  }
  return { ok: true, value: v };
}

function sapValue(value: string): ValueResult {
  const numbers = new Set<string>();
  for (const part of value.split(',')) {
    const nn = part.trim();
    if (!/^\d{2}$/.test(nn)) {
      return { ok: false, error: `feature sap: value "${nn}" is not a two-digit SAP system number (e.g. sap=00)` };
    }
    numbers.add(nn);
  }
  return { ok: true, value: [...numbers].sort().join(',') };
}

/** Whether a row condition holds under the feature state. */
export function conditionHolds(cond: FeatureCondition, state: FeatureState): boolean {
  const value = state.get(cond.feature);
  if (value === undefined) return false;
  return cond.values === undefined || cond.values.includes(value);
}

/** Human text of a condition: `feature email=smtp`, `feature web=http|both`, `feature oracle`. */
export function conditionText(cond: FeatureCondition): string {
  if (cond.values === undefined) return `feature ${cond.feature}`;
  return `feature ${cond.feature}=${cond.values.join('|')}`;
}

/** The state as sorted `name` / `name=value` strings. */
export function formatFeatures(state: FeatureState): string[] {
  return [...state].map(([name, value]) => (value === '' ? name : `${name}=${value}`)).sort();
}

/** SAP system numbers from `sap=NN[,NN]` (e.g. [0, 1]), or undefined when not given. */
export function sapSystemNumbers(state: FeatureState): readonly number[] | undefined {
  const value = state.get('sap');
  if (value === undefined) return undefined;
  return value.split(',').map(Number);
}
