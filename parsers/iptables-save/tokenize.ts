/**
 * @fileoverview Splits one iptables-restore line into arguments exactly like iptables' `add_param_to_argv`.
 */

/** The arguments of one line, and whether a `"` was left open at the end. */
export interface TokenizeResult {
  readonly tokens: string[];
  readonly unterminatedQuote: boolean;
}

const SPACE = 32;
const TAB = 9;
const NEWLINE = 10;
const QUOTE = 34;
const BACKSLASH = 92;

/**
 * Tokenizes a rule line (LINUX.md A.3): space, tab and newline separate arguments and collapse; `"` opens and
 * closes a quoted run whose closing quote also ends the argument (so `""` is an empty argument); inside quotes
 * `\x` is a literal `x`; outside quotes a backslash is literal; single quotes are ordinary characters.
 */
export function tokenize(line: string): TokenizeResult {
  if (!line.includes('"')) return { tokens: splitPlain(line), unterminatedQuote: false };
  const tokens: string[] = [];
  let param = '';
  let runStart = -1;
  let quoteOpen = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (quoteOpen) {
      if (c === BACKSLASH) {
        // `\x` inside quotes is a literal x: keep the run before the backslash, restart the run at x.
        param += line.slice(runStart, i);
        runStart = i + 1;
        i++;
        continue;
      }
      if (c !== QUOTE) continue;
      // The closing quote ends the argument, even an empty one.
      tokens.push(param + line.slice(runStart, i));
      param = '';
      runStart = -1;
      quoteOpen = false;
      continue;
    }
    if (c === QUOTE) {
      if (runStart >= 0) param += line.slice(runStart, i);
      quoteOpen = true;
      runStart = i + 1;
      continue;
    }
    if (c === SPACE || c === TAB || c === NEWLINE) {
      if (runStart >= 0) param += line.slice(runStart, i);
      if (param.length > 0) tokens.push(param);
      param = '';
      runStart = -1;
      continue;
    }
    if (runStart < 0) runStart = i;
  }
  if (runStart >= 0) param += line.slice(runStart);
  if (param.length > 0 || quoteOpen) tokens.push(param);
  return { tokens, unterminatedQuote: quoteOpen };
}

/** Fast path for lines without quotes: split on runs of space, tab and newline. */
function splitPlain(line: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    const sep = c === SPACE || c === TAB || c === NEWLINE;
    if (sep) {
      if (start >= 0) out.push(line.slice(start, i));
      start = -1;
    } else if (start < 0) {
      start = i;
    }
  }
  if (start >= 0) out.push(line.slice(start));
  return out;
}
