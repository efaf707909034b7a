/**
 * @fileoverview The gpo-xml parser: Group Policy report XML (`Get-GPOReport -ReportType Xml`, `gpreport.xml` in a GPO
 * backup, `gpresult /x` RSoP) → the GPO store's firewall rules and profile settings. The WindowsFirewall extension is
 * found by namespace URI, whatever its prefix. DOCTYPE/ENTITY declarations are rejected before parsing.
 */
import type { DecodedInput } from '../../src/input/decode.js';
import type { ParseOptions, ParseResult, Parser } from '../types.js';
import { ParseSink } from '../shared/parse-sink.js';
import { assembleRuleSet } from '../windows-rule/index.js';
import { looksLikeGpoXml } from './detect.js';
import { unsafeXml } from './guard.js';
import { countUnits, normalizeGpoXml, ruleNormalizer, type RuleOutcome } from './normalize.js';
import { parseGpoXml } from './parse.js';
import type { RawXmlDocument } from './raw.js';

/** Parses a GPO report; fatal for unsafe or malformed XML and for reports without firewall settings. */
export function parseGpoXmlReport(input: DecodedInput, _options: ParseOptions): ParseResult {
  const unsafe = unsafeXml(input.text, input.file);
  if (unsafe !== undefined) return { ok: false, diagnostics: [unsafe] };
  const parsed = parseGpoXml(input.text, input.file, ruleNormalizer);
  const fatal = (code: string, message: string, line?: number): ParseResult => ({
    ok: false,
    diagnostics: [{ severity: 'error', code, message, ref: line === undefined ? { file: input.file } : { file: input.file, line } }],
  });
  if (!parsed.ok) return fatal('GPOXML_MALFORMED', `malformed XML: ${parsed.message}`, parsed.line);
  const raw = parsed.doc;
  if (raw.rules.length === 0 && raw.profiles.length === 0 && raw.others.length === 0) {
    return fatal('GPOXML_NO_FIREWALL_SETTINGS', `the ${raw.root} report holds no Windows Firewall settings (namespace http://www.microsoft.com/GroupPolicy/Settings/WindowsFirewall); export the GPO that configures the firewall`);
  }
  const sink = new ParseSink(input.file, countUnits(raw));
  const doc = normalizeGpoXml(raw, sink);
  const extensions = firewallExtensions(raw);
  if (extensions > 1) {
    const message = `the report holds ${extensions} Windows Firewall extensions (several GPOs, e.g. Get-GPOReport -All); they are merged in file order, which need not be their link precedence`;
    sink.diagnostics.push({ severity: 'warning', code: 'GPOXML_SEVERAL_GPOS', message, ref: { file: input.file } });
  }
  const scope = raw.root.toLowerCase() === 'rsop' ? 'the resultant GPO policy only' : 'this GPO\'s settings only';
  sink.diagnostics.push({ severity: 'info', code: 'GPOXML_GPO_STORE_ONLY', message: `${scope}: local-store rules are not in this file`, ref: { file: input.file } });
  const ruleSet = assembleRuleSet({
    file: input.file,
    prefix: 'GPOXML',
    rules: doc.rules,
    profiles: doc.profiles.result(),
    diagnostics: sink.diagnostics,
    accounting: sink.accounting(),
    noProfilesAdvice: 'the report sets no firewall profile settings: the host\'s local profile settings apply (not in this file)',
  });
  return { ok: true, ruleSet };
}

/** Number of distinct WindowsFirewall extension elements the records come from. */
function firewallExtensions(raw: RawXmlDocument<RuleOutcome>): number {
  const parents = [...raw.rules, ...raw.profiles, ...raw.others.filter((o) => o.where === 'top')].map((x) => (x.ref.path ?? []).slice(0, -1).join('/'));
  return new Set(parents).size;
}

/** The gpo-xml Parser for the registry. */
export const gpoXmlParser: Parser = {
  format: 'gpo-xml',
  description: 'Group Policy report XML (Get-GPOReport -ReportType Xml, GPO backup gpreport.xml, gpresult /x)',
  detect: (input: DecodedInput) => looksLikeGpoXml(input.text),
  parse: parseGpoXmlReport,
};

export default gpoXmlParser;
