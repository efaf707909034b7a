/**
 * @fileoverview The wfw parser: `netsh advfirewall export "file.wfw"` (a binary regf registry hive of the local
 * store) → rules (the same rule strings as the registry) and profile settings. Unknown hive versions, damaged
 * hives and hives that are not firewall exports are rejected with the command to run instead.
 */
import type { DecodedInput } from '../../src/input/decode.js';
import type { ParseOptions, ParseResult, Parser } from '../types.js';
import { ParseSink } from '../shared/parse-sink.js';
import { assembleRuleSet, profileOfKey } from '../windows-rule/index.js';
import { looksLikeWfw } from './detect.js';
import { readHive, type HiveKey } from './hive.js';
import { countValues, normalizeWfw } from './normalize.js';

/** What to run instead when a .wfw cannot be read. */
export const WFW_ADVICE =
  'run instead: netsh advfirewall firewall show rule name=all verbose > rules.txt (plus netsh advfirewall show allprofiles >> rules.txt), ' +
  'or reg export "HKLM\\SYSTEM\\CurrentControlSet\\Services\\SharedAccess\\Parameters\\FirewallPolicy" fw.reg';

/** Parses a .wfw hive. */
export function parseWfw(input: DecodedInput, _options: ParseOptions): ParseResult {
  const fatal = (code: string, message: string): ParseResult => ({ ok: false, diagnostics: [{ severity: 'error', code, message: `${message}; ${WFW_ADVICE}`, ref: { file: input.file } }] });
  const hive = readHive(input.bytes);
  if (!hive.ok) {
    const code = hive.error.message.startsWith('unknown regf version') ? 'WFW_UNSUPPORTED_VERSION' : 'WFW_MALFORMED';
    return fatal(code, `cannot read the .wfw hive: ${hive.error.message} (byte offset ${hive.error.offset})`);
  }
  if (!isPolicyRoot(hive.root)) {
    return fatal('WFW_NOT_FIREWALL_EXPORT', `this registry hive is not a netsh advfirewall export (no FirewallRules or profile key under its root "${hive.root.name}")`);
  }
  const units = countValues(hive.root);
  const sink = new ParseSink(input.file, units + hive.problems.length);
  const doc = normalizeWfw(hive.root, sink);
  hive.problems.forEach((p, i) => {
    sink.diagnostics.push({ severity: 'error', code: 'WFW_DAMAGED', message: `damaged hive: ${p.message} (byte offset ${p.offset}); the affected keys or values were skipped`, ref: { file: input.file, path: ['byte', String(p.offset)] } });
    sink.unsupported(units + i + 1);
  });
  sink.diagnostics.push({ severity: 'info', code: 'WFW_LOCAL_STORE_ONLY', message: 'a .wfw holds the local store only: rules from Group Policy are not included', ref: { file: input.file } });
  const ruleSet = assembleRuleSet({
    file: input.file,
    prefix: 'WFW',
    rules: doc.rules,
    profiles: doc.profiles.result(),
    diagnostics: sink.diagnostics,
    accounting: sink.accounting(),
    noProfilesAdvice: 'no profile key in the export: profile defaults assumed (firewall on, block inbound, allow outbound)',
  });
  return { ok: true, ruleSet };
}

function isPolicyRoot(root: HiveKey): boolean {
  return root.subkeys.some((k) => k.name.toLowerCase() === 'firewallrules' || profileOfKey(k.name) !== undefined);
}

/** The wfw Parser for the registry. */
export const wfwParser: Parser = {
  format: 'wfw',
  description: 'netsh advfirewall export .wfw (binary registry hive of the local store)',
  detect: (input: DecodedInput) => looksLikeWfw(input.bytes),
  parse: parseWfw,
};

export default wfwParser;
