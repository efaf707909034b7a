/**
 * @fileoverview The reg parser: regedit / `reg export` .reg files (UTF-16LE + BOM or ANSI; `Windows Registry Editor
 * Version 5.00` or `REGEDIT4`) of the FirewallRules and profile keys, local (`SharedAccess\…\FirewallPolicy`) or GPO
 * (`SOFTWARE\Policies\Microsoft\WindowsFirewall`) store. Rule strings go through the shared windows-rule normalizer.
 */
import { splitLines, type DecodedInput } from '../../src/input/decode.js';
import type { ParseOptions, ParseResult, Parser } from '../types.js';
import { ParseSink } from '../shared/parse-sink.js';
import { assembleRuleSet } from '../windows-rule/index.js';
import { looksLikeReg } from './detect.js';
import { normalizeReg, type RegDocument } from './normalize.js';
import { parseRegLines } from './parse.js';

const LOCAL_EXPORT = 'reg export "HKLM\\SYSTEM\\CurrentControlSet\\Services\\SharedAccess\\Parameters\\FirewallPolicy" fw.reg';
const GPO_EXPORT = 'reg export "HKLM\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall" gpo.reg';

/** Parses a .reg export; fatal only when it holds no firewall rule or profile key at all. */
export function parseReg(input: DecodedInput, _options: ParseOptions): ParseResult {
  const lines = splitLines(input.text);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const sink = new ParseSink(input.file, lines.length);
  const doc = normalizeReg(parseRegLines(lines, sink), sink);
  if (doc.firewallKeys === 0) {
    const message = `no FirewallRules or firewall profile key in this .reg file; export them with: ${LOCAL_EXPORT}`;
    return { ok: false, diagnostics: [{ severity: 'error', code: 'REG_NO_FIREWALL_KEYS', message, ref: { file: input.file } }] };
  }
  noteStores(doc, sink);
  const ruleSet = assembleRuleSet({
    file: input.file,
    prefix: 'REG',
    rules: doc.rules,
    profiles: doc.profiles.result(),
    diagnostics: sink.diagnostics,
    accounting: sink.accounting(),
    noProfilesAdvice: `no firewall profile key: profile defaults assumed (firewall on, block inbound, allow outbound); include them with: ${LOCAL_EXPORT}`,
  });
  return { ok: true, ruleSet };
}

/** The effective policy is local + GPO rules; say which one is missing. */
function noteStores(doc: RegDocument, sink: ParseSink): void {
  if (doc.stores.size !== 1) return;
  if (doc.stores.has('local')) {
    sink.report('info', 'REG_LOCAL_STORE_ONLY', `only local-store rules: rules from Group Policy are not in this file; add them with: ${GPO_EXPORT}`);
  } else {
    sink.report('info', 'REG_GPO_STORE_ONLY', `only Group Policy rules: local-store rules are not in this file; add them with: ${LOCAL_EXPORT}`);
  }
}

/** The reg Parser for the registry. */
export const regParser: Parser = {
  format: 'reg',
  description: 'regedit / reg export .reg of the firewall rule and profile keys (local or Group Policy store)',
  detect: (input: DecodedInput) => looksLikeReg(input.text),
  parse: parseReg,
};

export default regParser;
