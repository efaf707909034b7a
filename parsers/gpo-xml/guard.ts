/**
 * @fileoverview Safety checks before any XML parsing: a DOCTYPE or ENTITY declaration is rejected outright (entities
 * are never expanded, so entity bombs and external entities cannot act), and very large inputs are refused.
 */
import type { Diagnostic } from '../../src/model/diagnostic.js';

/** Largest report accepted, in characters (≈128 MB of UTF-16; a 20,000-rule report is ≈11 M characters). */
export const MAX_XML_CHARS = 64 * 1024 * 1024;

/** An 'error' diagnostic when the text must not be parsed, else undefined. */
export function unsafeXml(text: string, file: string): Diagnostic | undefined {
  // Only `<!` can start a declaration; reports have few or none, so the pattern runs only from the first one.
  const first = text.indexOf('<!');
  const pattern = /<!(DOCTYPE|ENTITY)\b/gi;
  pattern.lastIndex = Math.max(first, 0);
  const decl = first < 0 ? null : pattern.exec(text);
  if (decl !== null) {
    const line = text.slice(0, decl.index).split('\n').length;
    const message = `the XML declares a ${decl[1]?.toUpperCase() ?? 'DOCTYPE'}; GPO reports never do, and k2audit does not parse documents with DTDs or entity declarations`;
    return { severity: 'error', code: 'XML_DOCTYPE_REJECTED', message, ref: { file, line } };
  }
  if (text.length > MAX_XML_CHARS) {
    const message = `the XML has ${text.length} characters, more than the ${MAX_XML_CHARS} accepted; export only the firewall GPO`;
    return { severity: 'error', code: 'GPOXML_TOO_LARGE', message, ref: { file } };
  }
  return undefined;
}
