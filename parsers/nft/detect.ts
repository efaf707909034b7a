/**
 * @fileoverview Content sniffing for nft: `nft -j list ruleset` JSON must open with the top-level
 * `{"nftables": [` (so other JSON, such as PowerShell exports, is never claimed); nft text must start with an nft
 * statement (`table [family] name {`, `add|insert|create table|chain|rule|set|map|element`, `flush ruleset`,
 * `define x =`, `include "…"`) after blank lines and comments, or with an nft shebang.
 */

const JSON_HEAD = /^\s*\{\s*"nftables"\s*:\s*\[/;
const SHEBANG = /^#!\S*\bnft\b/;
const STATEMENT =
  /^(?:table\s+(?:(?:ip|ip6|inet|arp|bridge|netdev)\s+)?[\w.-]+\s*\{|(?:add|create|insert)\s+(?:table|chain|rule|set|map|element)\s|flush\s+(?:ruleset|table|chain)\b|define\s+[\w.-]+\s*=|include\s+")/;
const SAMPLE_LINES = 200;

/** Whether the text is `nft -j` JSON. */
export function looksLikeNftJson(text: string): boolean {
  return JSON_HEAD.test(text.slice(0, 4096));
}

/** Whether the text is nft ruleset text or an nft script. */
export function looksLikeNftText(text: string): boolean {
  let start = 0;
  for (let scanned = 0; scanned < SAMPLE_LINES && start < text.length; scanned++) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    const line = text.slice(start, end).trim();
    start = end + 1;
    if (scanned === 0 && SHEBANG.test(line)) return true;
    if (line === '' || line.startsWith('#')) continue;
    return STATEMENT.test(line);
  }
  return false;
}
