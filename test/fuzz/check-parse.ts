/**
 * @fileoverview The parser-level fuzz property: decode → detect → parse → (on success) the audit engine with the farm
 * requirement set. Any exception, broken line accounting or a diagnostic pointing outside the file is a failure; a
 * fatal parse must say why with an 'error' diagnostic.
 */
import { detectFormat } from '../../parsers/index.js';
import { decode, splitLines } from '../../src/input/decode.js';
import { audit, type LoadedInput } from '../../src/engine/audit.js';
import type { RuleSet } from '../../src/model/rule.js';
import { resolveRequirements } from '../../src/requirements/resolve.js';
import type { RequirementSet } from '../../src/requirements/types.js';

/** What one fuzz input led to. */
export type ParseOutcome = 'unknown-format' | 'fatal' | 'parsed-with-errors' | 'parsed' | 'audit-refused';

/** The outcome, the detected format, the number of rules read and the time it took. */
export interface ParseCase {
  readonly outcome: ParseOutcome;
  readonly format: string;
  readonly rules: number;
  readonly ms: number;
}

let farm: RequirementSet | undefined;

/** The farm profile requirement set (built once). */
export function farmRequirements(): RequirementSet {
  if (farm !== undefined) return farm;
  const r = resolveRequirements({ profile: 'farm', features: [], ports: [] });
  if (!r.ok) throw new Error(`farm profile: ${r.error}`);
  farm = r.set;
  return farm;
}

/**
 * Runs one input through the pipeline (the audit engine too when `withEngine`); throws an Error describing the first
 * violated property.
 */
export function checkParse(file: string, bytes: Uint8Array, withEngine: boolean): ParseCase {
  const start = performance.now();
  const input = decode(file, bytes);
  const parser = detectFormat(input);
  if (parser === undefined) return { outcome: 'unknown-format', format: '-', rules: 0, ms: performance.now() - start };
  const result = parser.parse(input, { direction: 'in' });
  const format = parser.format;
  if (!result.ok) {
    if (!result.diagnostics.some((d) => d.severity === 'error')) throw new Error(`${format}: fatal parse without an error diagnostic`);
    return { outcome: 'fatal', format, rules: 0, ms: performance.now() - start };
  }
  const lines = input.encoding === 'binary' ? undefined : splitLines(input.text).length;
  checkRuleSet(format, result.ruleSet, lines);
  const outcome = withEngine ? runEngine(file, format, result.ruleSet) : undefined;
  const hasErrors = result.ruleSet.diagnostics.some((d) => d.severity === 'error');
  return { outcome: outcome ?? (hasErrors ? 'parsed-with-errors' : 'parsed'), format, rules: result.ruleSet.rules.length, ms: performance.now() - start };
}

/** Accounting adds up, and every diagnostic line lies inside the file. */
function checkRuleSet(format: string, rs: RuleSet, lines: number | undefined): void {
  const a = rs.accounting;
  const ignored = Object.values(a.ignored).reduce((n, v) => n + v, 0);
  if (a.parsed + ignored + a.unsupported !== a.total) {
    throw new Error(`${format}: accounting does not add up: parsed ${a.parsed} + ignored ${ignored} + unsupported ${a.unsupported} ≠ total ${a.total}`);
  }
  if (lines === undefined) return;
  for (const d of rs.diagnostics) {
    const line = d.ref.line;
    if (line !== undefined && (!Number.isInteger(line) || line < 1 || line > lines)) {
      throw new Error(`${format}: diagnostic ${d.code} at line ${line} of a ${lines}-line file`);
    }
  }
}

function runEngine(file: string, format: string, ruleSet: RuleSet): ParseOutcome | undefined {
  const a = ruleSet.accounting;
  const input: LoadedInput = {
    ruleSet,
    summary: { path: file, format, encoding: 'utf-8', sha256: '0'.repeat(64), ruleCount: ruleSet.rules.length, diagnostics: ruleSet.diagnostics, accounting: a },
  };
  const outcome = audit([input], farmRequirements(), { firewallProfile: 'domain', failOn: 'high', generatedAt: '2024-01-01T00:00:00.000Z', toolVersion: 'fuzz' });
  if (!outcome.ok) return 'audit-refused';
  if (outcome.result.requirements.length !== farmRequirements().requirements.length) throw new Error(`${format}: the audit lost requirements`);
  return undefined;
}
