/**
 * @fileoverview The registry-pol parser: a GPO's `Registry.pol` (binary PReg) → the GPO's firewall rules (store
 * 'gpo', under `SOFTWARE\Policies\Microsoft\WindowsFirewall\FirewallRules`) and profile settings. A damaged file
 * keeps the entries read before the damage and reports its byte offset.
 */
import type { DecodedInput } from '../../src/input/decode.js';
import type { ParseOptions, ParseResult, Parser } from '../types.js';
import { ParseSink } from '../shared/parse-sink.js';
import { assembleRuleSet } from '../windows-rule/index.js';
import { looksLikeRegistryPol } from './detect.js';
import { normalizePol } from './normalize.js';
import { readPolFile } from './parse.js';

const ADVICE = 'copy the GPO\'s Machine\\Registry.pol from SYSVOL again, or export the GPO with Get-GPOReport -ReportType Xml';

/** Parses Registry.pol bytes; fatal when nothing readable or no firewall setting is in the file. */
export function parseRegistryPol(input: DecodedInput, _options: ParseOptions): ParseResult {
  const pol = readPolFile(input.bytes);
  const fatal = (code: string, message: string): ParseResult => ({ ok: false, diagnostics: [{ severity: 'error', code, message, ref: { file: input.file } }] });
  if (pol.error !== undefined && pol.entries.length === 0) {
    return fatal('POL_UNREADABLE', `${pol.error.message} at byte offset ${pol.error.offset}; ${ADVICE}`);
  }
  const sink = new ParseSink(input.file, pol.entries.length + (pol.error === undefined ? 0 : 1));
  const doc = normalizePol(pol.entries, sink);
  if (pol.error !== undefined) {
    const unit = pol.entries.length + 1;
    sink.diagnostics.push({
      severity: 'error',
      code: 'POL_CORRUPT',
      message: `${pol.error.message} at byte offset ${pol.error.offset}; the ${pol.entries.length} entries before it were read, the rest of the file was not`,
      ref: { file: input.file, path: ['byte', String(pol.error.offset)] },
    });
    sink.unsupported(unit);
  }
  if (doc.firewallEntries === 0 && pol.error === undefined) {
    return fatal('POL_NO_FIREWALL_SETTINGS', 'this Registry.pol holds no Windows Firewall rule or profile setting (SOFTWARE\\Policies\\Microsoft\\WindowsFirewall)');
  }
  sink.diagnostics.push({ severity: 'info', code: 'POL_GPO_STORE_ONLY', message: 'one GPO\'s settings only: local-store rules and other GPOs are not in this file', ref: { file: input.file } });
  const ruleSet = assembleRuleSet({
    file: input.file,
    prefix: 'POL',
    rules: doc.rules,
    profiles: doc.profiles.result(),
    diagnostics: sink.diagnostics,
    accounting: sink.accounting(),
    noProfilesAdvice: 'the GPO sets no firewall profile settings: the host\'s local profile settings apply (not in this file)',
  });
  return { ok: true, ruleSet };
}

/** The registry-pol Parser for the registry. */
export const registryPolParser: Parser = {
  format: 'registry-pol',
  description: 'Group Policy Registry.pol (binary PReg) with Windows Firewall rules and profile settings',
  detect: (input: DecodedInput) => looksLikeRegistryPol(input.bytes),
  parse: parseRegistryPol,
};

export default registryPolParser;
