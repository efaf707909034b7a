/**
 * @fileoverview `k2audit explain <export...> --flow "in tcp 5555 [from 10.1.2.3]"`: is this flow allowed, and which rules decide it.
 */
import { explainJson, explainText } from '../../../reports/explain.js';
import type { Direction, FirewallProfile } from '../../model/rule.js';
import { explainFlow, parseFlowSpec } from '../../engine/explain.js';
import { DEFAULT_MATCH_SETTINGS } from '../../engine/rule-match.js';
import { buildUnits } from '../../engine/units.js';
import type { LoadedInput } from '../../engine/audit.js';
import { UsageError } from '../errors.js';
import { loadInputAsync, loadOptionsFrom } from '../load-input-async.js';
import { matchSettingsFrom } from '../options.js';
import type { CommandIO } from './compare.js';

export interface ExplainArgs {
  readonly exports: readonly string[];
  readonly flow: string;
  readonly fwProfile: FirewallProfile;
  readonly format: 'text' | 'json';
  readonly inputFormat?: string | undefined;
  readonly direction?: Direction | undefined;
  readonly iface?: readonly string[] | undefined;
  readonly rpcRange?: string | undefined;
}

/** Prints the explanation; exit 0 (errors exit 2 through the thrown UsageError/InputError). */
export async function runExplain(args: ExplainArgs, io: CommandIO): Promise<number> {
  const flow = parseFlowSpec(args.flow);
  if (!flow.ok) throw new UsageError(flow.error);
  const settings = { ...DEFAULT_MATCH_SETTINGS, ...matchSettingsFrom(args.iface, args.rpcRange) };
  const inputs: LoadedInput[] = [];
  for (const p of args.exports) inputs.push(await loadInputAsync(p, loadOptionsFrom(args)));
  const built = buildUnits(inputs.map((i) => ({ file: i.summary.path, ruleSet: i.ruleSet })), settings);
  if (!built.ok) throw new UsageError(built.error);
  const e = explainFlow(built.units, flow.flow, { fwProfile: args.fwProfile, settings });
  io.stdout(args.format === 'json' ? explainJson(e, args.fwProfile) : explainText(e, args.fwProfile));
  return 0;
}
