/**
 * @fileoverview The canonical text of a `limit` statement, built from its parts so `limit rate 100/second` (text)
 * and `{"limit":{"rate":100,"burst":5,"per":"second"}}` (JSON) become the same Condition.
 */

export interface LimitParts {
  readonly over: boolean;
  readonly rate: number;
  /** `bytes`, `kbytes`, `mbytes`; undefined for packets. */
  readonly rateUnit: string | undefined;
  readonly per: string;
  readonly burst: number | undefined;
  readonly burstUnit: string | undefined;
}

/** nft's default burst (5 packets) is not printed, as `nft list ruleset` does. */
export function renderLimit(p: LimitParts): string {
  const unit = p.rateUnit === undefined || p.rateUnit === 'packets' ? '' : ` ${p.rateUnit}`;
  const defaultBurst = p.burst === undefined || (p.burst === 5 && (p.burstUnit === undefined || p.burstUnit === 'packets'));
  const burst = defaultBurst ? '' : ` burst ${p.burst} ${p.burstUnit ?? 'packets'}`;
  return `limit rate ${p.over ? 'over ' : ''}${p.rate}${unit}/${p.per}${burst}`;
}
