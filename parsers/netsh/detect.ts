/**
 * @fileoverview Content sniffing for netsh advfirewall output: a `Rule Name:`/`Regelname:` line with a dashes
 * separator after it, an allprofiles section header, the "No rules match" message, or (any locale) a
 * `Label: value` line directly above a dashes separator, so that foreign-locale dumps reach the parser and get
 * its "unsupported locale" message.
 */
import { splitLines } from '../../src/input/decode.js';
import { isNoRulesLine, ruleFieldKey } from './labels.js';
import { isSeparator, splitLabel } from './parse.js';
import { profileHeader } from './profile-labels.js';

/** Only the head of a file is sniffed; every signature appears within its first rule or section. */
const SNIFF_CHARS = 256 * 1024;

/** Whether the text looks like `netsh advfirewall firewall show rule` and/or `show allprofiles` output. */
export function looksLikeNetsh(text: string): boolean {
  const lines = splitLines(text.slice(0, SNIFF_CHARS));
  let sawRuleName = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (isSeparator(line)) {
      if (sawRuleName) return true;
      const above = i > 0 ? splitLabel(lines[i - 1] ?? '') : undefined;
      if (above !== undefined && isLabelHeader(above.label)) return true;
      continue;
    }
    if (profileHeader(line) !== undefined || isNoRulesLine(line)) return true;
    const split = /^\s/.test(line) ? undefined : splitLabel(line);
    if (split !== undefined && ruleFieldKey(split.label) === 'name') sawRuleName = true;
  }
  return false;
}

/** A plausible localized header label: words only (no brackets, quotes, slashes or `=` of other formats). */
function isLabelHeader(label: string): boolean {
  return label.length > 0 && label.length <= 60 && /^[\p{L}][\p{L}\p{M} .'-]*$/u.test(label);
}
