/**
 * @fileoverview Base-chain priorities: numbers, the standard names (`raw`, `mangle`, `dstnat`, `filter`,
 * `security`, `srcnat`; bridge `out` …) and `name ± n`, as nft resolves them.
 */

const NAMED: Readonly<Record<string, number>> = { raw: -300, mangle: -150, dstnat: -100, filter: 0, security: 50, srcnat: 100 };
/** The bridge family has its own scale. */
const BRIDGE: Readonly<Record<string, number>> = { dstnat: -300, filter: -200, out: 100, srcnat: 300 };

/** Resolves a priority written as words (`filter`, `-300`, `mangle - 5`, `filter+10`); undefined when unreadable. */
export function parsePriority(words: readonly string[], family: string): number | undefined {
  const text = words.join(' ').replace(/\s+/g, '');
  const m = /^([a-z]+|[+-]?\d+)(?:([+-])(\d+))?$/.exec(text);
  if (m === null) return undefined;
  const head = m[1] as string;
  const base = /^[+-]?\d+$/.test(head) ? Number(head) : (family === 'bridge' ? BRIDGE : NAMED)[head];
  if (base === undefined) return undefined;
  if (m[2] === undefined) return base;
  const delta = Number(m[3]);
  return m[2] === '+' ? base + delta : base - delta;
}
