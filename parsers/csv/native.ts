/**
 * @fileoverview The native k2audit CSV's own rows and semantics (fixtures/csv/NATIVE.md): `policy` rows (order cell
 * `policy`) set a direction's default and switch the file to first-match evaluation in `order`, one builtin chain
 * per direction (`filter/INPUT`, `filter/OUTPUT`, the keys the engine walks); `fwd` rows are not host traffic.
 */
import type { Chain, Direction, Rule } from '../../src/model/rule.js';
import type { SourceRef } from '../../src/model/source-ref.js';
import type { ParseSink } from '../shared/parse-sink.js';
import { foldValue, parseAction, parseDirection } from '../ps-json/win-enums.js';
import type { ColumnKey } from './columns.js';
import type { ColumnMap } from './layout.js';
import type { CsvRecord } from './read-records.js';

export const CHAIN_KEYS: Readonly<Record<Direction, string>> = { in: 'filter/INPUT', out: 'filter/OUTPUT' };

/** Default policy per direction, from `policy` rows. */
export type Policies = Partial<Record<Direction, { readonly policy: 'accept' | 'drop'; readonly source: SourceRef }>>;

function cell(record: CsvRecord, columns: ColumnMap, key: ColumnKey): string {
  const i = columns.index.get(key);
  return i === undefined ? '' : (record.cells[i] ?? '').trim();
}

/** A `policy,,,in,deny` row. */
export function isPolicyRow(record: CsvRecord, columns: ColumnMap): boolean {
  return foldValue(cell(record, columns, 'order')) === 'policy';
}

/** A rule for forwarded traffic (`fwd`), which never reaches the host. */
export function isForwardRow(record: CsvRecord, columns: ColumnMap): boolean {
  const d = foldValue(cell(record, columns, 'direction'));
  return d === 'fwd' || d === 'forward';
}

/** Reads a policy row into `policies`; invalid or repeated rows are reported. */
export function readPolicyRow(record: CsvRecord, columns: ColumnMap, policies: Policies, sink: ParseSink): void {
  const direction = parseDirection(cell(record, columns, 'direction'));
  const action = parseAction(cell(record, columns, 'action'));
  sink.parsed(record.line);
  if (direction === undefined || action === undefined || action === 'bypass') {
    const text = `${cell(record, columns, 'direction')} ${cell(record, columns, 'action')}`.trim();
    sink.report('error', 'CSV_INVALID_VALUE', `invalid policy row "${text}": expected direction in|out and action allow|deny`, record.line);
    sink.unsupported(record.line);
    return;
  }
  if (policies[direction] !== undefined) {
    sink.report('warning', 'CSV_DUPLICATE_POLICY', `second policy row for direction ${direction}; the first is used`, record.line);
    sink.unsupported(record.line);
    return;
  }
  policies[direction] = { policy: action === 'allow' ? 'accept' : 'drop', source: { file: sink.file, line: record.line } };
}

/** The order value of a rule row, or undefined when it is not a number. */
export function orderOf(record: CsvRecord, columns: ColumnMap): number | undefined {
  const text = cell(record, columns, 'order');
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : undefined;
}

/** A rule with its native order (undefined = unreadable: placed after all others, in file order). */
export interface OrderedRule {
  readonly rule: Rule;
  readonly order: number | undefined;
}

/** First-match: rules sorted by order (stable), tagged with their chain; one builtin chain per direction. */
export function buildChains(list: readonly OrderedRule[], policies: Policies, sink: ParseSink): { rules: Rule[]; chains: Chain[] } {
  const sorted = list
    .map((r, i) => ({ ...r, i }))
    .sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || a.i - b.i)
    .map(({ rule }) => ({ ...rule, chain: CHAIN_KEYS[rule.direction] }));
  const chains = (['in', 'out'] as const).map((d): Chain => {
    const p = policies[d];
    if (p === undefined) {
      sink.report('warning', 'CSV_POLICY_MISSING', `no policy row for direction ${d}: unmatched ${d === 'in' ? 'inbound' : 'outbound'} traffic is accepted`);
    }
    const [table = 'filter', name = ''] = CHAIN_KEYS[d].split('/');
    return {
      key: CHAIN_KEYS[d],
      table,
      name,
      builtin: true,
      ...(p === undefined ? {} : { policy: p.policy, source: p.source }),
      ruleIds: sorted.filter((r) => r.direction === d).map((r) => r.id),
    };
  });
  return { rules: sorted, chains };
}
