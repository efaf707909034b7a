/**
 * @fileoverview File-level findings about a PowerShell JSON export: which store it came from, scope fields the whole
 * export lacks, required fields no rule states, objects the parser did not use, and missing profile settings.
 */
import type { Direction, Rule } from '../../src/model/rule.js';
import type { SourceRef } from '../../src/model/source-ref.js';
import type { PsDocument } from './document.js';
import { stringMember } from './json-values.js';
import type { WinSink } from './win-context.js';
import type { WinFieldKey, WinRawRule } from './win-fields.js';

const SCOPE_FIELDS: readonly (readonly [WinFieldKey, string])[] = [
  ['program', 'Program'],
  ['service', 'Service'],
  ['localAddress', 'LocalAddress'],
  ['remoteAddress', 'RemoteAddress'],
];
const REQUIRED: readonly WinFieldKey[] = ['enabled', 'direction', 'action'];

/** Required fields that no rule states: reported once here, so rules do not repeat it. */
export function absentRequired(raws: readonly WinRawRule[], out: WinSink, file: string): Set<WinFieldKey> {
  const absent = new Set<WinFieldKey>();
  if (raws.length === 0) return absent;
  for (const key of REQUIRED) {
    if (raws.some((r) => r.fields.has(key))) continue;
    absent.add(key);
    out.report('error', 'PSJSON_MISSING_FIELD', `no rule states ${key}; every rule is uncertain`, { file });
  }
  return absent;
}

/** Scope fields absent from every rule: rules scoped by them would look unscoped, so say so once. */
export function checkScopeFields(raws: readonly WinRawRule[], out: WinSink, file: string): void {
  if (raws.length === 0) return;
  const missing = SCOPE_FIELDS.filter(([key]) => !raws.some((r) => r.fields.has(key))).map(([, label]) => label);
  if (missing.length === 0) return;
  out.report(
    'warning',
    'PSJSON_FIELDS_MISSING',
    `the export has no ${missing.join('/')} data: rules scoped by ${missing.length > 1 ? 'them' : 'it'} look unscoped; use the collection script for complete data`,
    { file },
  );
}

/**
 * The policy store the rules were read from. Our header states it; other exports do not (PolicyStoreSource names each
 * rule's origin, `PersistentStore` for local rules even in an ActiveStore export), so say what the default reads.
 */
export function checkStore(doc: PsDocument, raws: readonly WinRawRule[], out: WinSink, file: string): void {
  if (raws.length === 0) return;
  const store = doc.header === undefined ? undefined : stringMember(doc.header.value, ['policystore']);
  if (store === undefined) {
    out.report(
      'info',
      'PSJSON_STORE_UNKNOWN',
      'the export does not say which policy store it was read from; Get-NetFirewallRule reads PersistentStore (local rules, no GPO rules) unless -PolicyStore ActiveStore is given',
      { file },
    );
    return;
  }
  if (store.toLowerCase() === 'activestore') return;
  out.report('warning', 'PSJSON_NOT_ACTIVE_STORE', `rules were read from the ${store} store, not ActiveStore: the effective policy may differ`, { file });
}

/** Elements and members the parser did not use. */
export function reportUnknown(doc: PsDocument, out: WinSink, ref: (path: readonly string[]) => SourceRef): void {
  for (const item of doc.unknown) {
    const what = item.path.length === 0 ? 'value' : `"${item.path[item.path.length - 1]}"`;
    out.report('info', 'PSJSON_UNUSED_VALUE', `${what} is neither a firewall rule nor a profile object; ignored`, ref(item.path));
  }
}

/** Directions with rules; a missing one means a filtered export. */
export function coveredDirections(rules: readonly Rule[], out: WinSink, file: string): Direction[] {
  const present = (['in', 'out'] as const).filter((d) => rules.some((r) => r.direction === d));
  if (rules.length === 0) return present;
  for (const d of ['in', 'out'] as const) {
    if (present.includes(d)) continue;
    const word = d === 'in' ? 'inbound' : 'outbound';
    out.report('warning', 'PSJSON_DIRECTION_MISSING', `no ${word} rules: the export looks filtered; ${word} traffic is not covered`, { file });
  }
  return present;
}
