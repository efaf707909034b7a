/**
 * @fileoverview In which directions each chain is reachable: builtin INPUT/PREROUTING see inbound traffic,
 * OUTPUT/POSTROUTING outbound, FORWARD routed traffic; user chains inherit the directions of every chain that
 * jumps (-j) or goes (-g) to them, transitively. A worklist visits each chain at most once per direction bit,
 * so cycles terminate and the cost is linear in chains + edges.
 */

/** Direction bits. */
export const REACH_IN = 1;
export const REACH_OUT = 2;
export const REACH_FORWARD = 4;

/** Builtin chains per table (iptables 1.8). */
export const BUILTIN_CHAINS: Readonly<Record<string, readonly string[]>> = {
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
  raw: ['PREROUTING', 'OUTPUT'],
  security: ['INPUT', 'FORWARD', 'OUTPUT'],
};

/** Whether `name` is a builtin chain of `table`. */
export function isBuiltin(table: string, name: string): boolean {
  return BUILTIN_CHAINS[table]?.includes(name) ?? false;
}

/** Direction bits a builtin chain starts with (0 for user chains). */
export function builtinReach(name: string): number {
  switch (name) {
    case 'INPUT':
    case 'PREROUTING':
      return REACH_IN;
    case 'OUTPUT':
    case 'POSTROUTING':
      return REACH_OUT;
    case 'FORWARD':
      return REACH_FORWARD;
    default:
      return 0;
  }
}

/**
 * Propagates direction bits from `seeds` along `edges` (chain key → called chain keys).
 * Returns the bits of every chain that received any.
 */
export function propagateReach(seeds: ReadonlyMap<string, number>, edges: ReadonlyMap<string, readonly string[]>): Map<string, number> {
  const reach = new Map<string, number>();
  const work: string[] = [];
  for (const [key, bits] of seeds) {
    if (bits === 0) continue;
    reach.set(key, bits);
    work.push(key);
  }
  while (work.length > 0) {
    const key = work.pop() as string;
    const bits = reach.get(key) ?? 0;
    for (const next of edges.get(key) ?? []) {
      const old = reach.get(next) ?? 0;
      const merged = old | bits;
      if (merged === old) continue;
      reach.set(next, merged);
      work.push(next);
    }
  }
  return reach;
}
