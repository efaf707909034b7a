/**
 * @fileoverview Stage 2 of the CSV parser: header + records → RuleSet. Windows-shaped files get Windows semantics;
 * the native CSV gets them too unless it has `policy` rows (then first-match chains). Every line is accounted for:
 * header and rows parsed, preamble/blank/empty rows ignored, unreadable cells unsupported.
 */
import type { Direction, Rule, RuleSet } from '../../src/model/rule.js';
import { IGNORED, ParseSink } from '../shared/parse-sink.js';
import { WinSink } from '../ps-json/win-context.js';
import { normalizeWinRule, type WinRuleOptions } from '../ps-json/win-rule.js';
import { reportColumns } from './header-checks.js';
import type { Layout, ColumnMap } from './layout.js';
import { buildChains, isForwardRow, isPolicyRow, orderOf, readPolicyRow, type OrderedRule, type Policies } from './native.js';
import type { CsvRecord, CsvTable } from './read-records.js';
import { isEmptyRecord, rowRule } from './row-rule.js';
import { preambleReason } from './sniff.js';

export const IGNORED_CSV = { emptyRow: 'empty row', forward: 'forward rule not evaluated' } as const;

/** What the caller decided about the file before the rows are read. */
export interface CsvPlan {
  readonly file: string;
  readonly table: CsvTable;
  readonly layout: Layout;
  readonly columns: ColumnMap;
  /** Direction for every row when there is no Direction column. */
  readonly direction?: Direction;
}

/** Builds the RuleSet. */
export function normalizeCsv(plan: CsvPlan): RuleSet {
  const { table, columns, layout, file } = plan;
  const sink = new ParseSink(file, table.lines.length);
  markPreamble(table, sink);
  const absentFields = reportColumns(plan, sink);
  const opts: WinRuleOptions = {
    prefix: 'CSV',
    absentFields,
    lenientLists: layout === 'native',
    ...(plan.direction === undefined ? {} : { direction: plan.direction }),
  };
  const out = new WinSink(sink);
  const policies: Policies = {};
  const ordered: OrderedRule[] = [];
  for (const record of table.records) {
    const rule = readRecord(record, plan, sink, out, opts, policies);
    if (rule !== undefined) ordered.push({ rule, order: layout === 'native' ? orderOf(record, columns) : undefined });
  }
  const firstMatch = layout === 'native' && Object.keys(policies).length > 0;
  if (layout === 'native') reportNativeSemantics(firstMatch, sink, table.header.line);
  const { rules, chains } = firstMatch ? buildChains(checkOrder(ordered, sink), policies, sink) : { rules: ordered.map((o) => o.rule), chains: undefined };
  return {
    semantics: firstMatch ? 'first-match' : 'windows',
    rules,
    families: ['ipv4', 'ipv6'],
    directions: directionsOf(rules, plan),
    ...(chains === undefined ? {} : { chains }),
    diagnostics: sink.diagnostics,
    accounting: sink.accounting(),
  };
}

/** One record → a rule, or nothing (empty row, policy row, forward rule). */
function readRecord(record: CsvRecord, plan: CsvPlan, sink: ParseSink, out: WinSink, opts: WinRuleOptions, policies: Policies): Rule | undefined {
  const mark = (fn: (line: number) => void): void => {
    for (let l = record.line; l <= record.endLine; l++) fn(l);
  };
  if (isEmptyRecord(record)) {
    mark((l) => sink.ignored(l, IGNORED_CSV.emptyRow));
    return undefined;
  }
  if (plan.layout === 'native' && isPolicyRow(record, plan.columns)) {
    readPolicyRow(record, plan.columns, policies, sink);
    return undefined;
  }
  if (plan.layout === 'native' && isForwardRow(record, plan.columns)) {
    mark((l) => sink.ignored(l, IGNORED_CSV.forward));
    sink.report('info', 'CSV_FORWARD_IGNORED', 'fwd rule: forwarded traffic does not reach this host; not evaluated', record.line);
    return undefined;
  }
  mark((l) => sink.parsed(l));
  const raw = rowRule(record, plan.columns, plan.table.lines, plan.file, plan.layout === 'native');
  const rule = normalizeWinRule(raw, out, opts);
  const extra = record.cells.slice(plan.table.header.cells.length).filter((c) => c.trim() !== '');
  if (extra.length === 0) return rule;
  sink.report('warning', 'CSV_EXTRA_CELLS', `${extra.length} cell(s) beyond the header (an unquoted delimiter in a value?): "${extra[0]?.trim()}"`, record.line);
  return { ...rule, conditions: [...rule.conditions, { kind: 'other', text: `extra cells ${extra.map((c) => `"${c.trim()}"`).join(', ')}` }] };
}

/** Rows without a readable order are an error under first-match and go last. */
function checkOrder(list: readonly OrderedRule[], sink: ParseSink): OrderedRule[] {
  return list.map((o) => {
    if (o.order !== undefined) return o;
    const line = o.rule.source.line;
    sink.report('error', 'CSV_INVALID_VALUE', 'rule without a numeric order; evaluated after all ordered rules', line);
    if (line !== undefined) sink.unsupported(line);
    return { order: undefined, rule: { ...o.rule, conditions: [...o.rule.conditions, { kind: 'other', text: 'unreadable order' }] } };
  });
}

function reportNativeSemantics(firstMatch: boolean, sink: ParseSink, line: number): void {
  const text = firstMatch
    ? 'native CSV with policy rows: first match per direction in `order`'
    : 'native CSV without policy rows: Windows precedence (block beats allow, order not used); add `policy` rows for first-match';
  sink.report('info', 'CSV_NATIVE_SEMANTICS', text, line);
}

/** Blank lines, the `#TYPE`/comment preamble, and the header line. */
function markPreamble(table: CsvTable, sink: ParseSink): void {
  table.lines.forEach((line, i) => {
    const reason = preambleReason(line);
    if (i < table.header.line - 1 && reason !== undefined) sink.ignored(i + 1, reason);
    else if (line.trim() === '') sink.ignored(i + 1, IGNORED.blank);
  });
  for (let l = table.header.line; l <= table.header.endLine; l++) sink.parsed(l);
}

/** A file with a fixed direction covers exactly it; otherwise the directions its rules have. */
function directionsOf(rules: readonly Rule[], plan: CsvPlan): Direction[] {
  if (plan.direction !== undefined) return [plan.direction];
  return (['in', 'out'] as const).filter((d) => rules.some((r) => r.direction === d));
}

