/**
 * @fileoverview Which rules and defaults explain a flow change: for newly allowed addresses the after side's
 * allowing rules and defaults plus the before side's blocking rules that were removed or changed; for newly
 * blocked addresses the reverse. Only contributions that touch the changed addresses are cited.
 */
import type { AddressSet } from '../../model/address-set.js';
import { compareRefs, formatRef, type SourceRef } from '../../model/source-ref.js';
import type { Contribution } from '../../engine/decision.js';
import type { SideSegment } from './flow-segments.js';
import type { DiffSide, Responsible } from './types.js';

/** Before-side rule ids that no longer exist unchanged on the after side. */
export interface Gone {
  readonly before: ReadonlySet<string>;
}

interface Cited {
  readonly side: DiffSide;
  readonly c: Contribution;
}

/** The responsible rules and defaults for a change of `set` between segments x (before) and y (after). */
export function responsibleFor(set: AddressSet, x: SideSegment, y: SideSegment, way: 'up' | 'down', gone: Gone): Responsible[] {
  const now = way === 'up' ? y.allowedBy : y.blockedBy;
  const then = way === 'up' ? x.blockedBy : x.allowedBy;
  const cited: Cited[] = [];
  for (const c of now) if (c.addresses.overlaps(set)) cited.push({ side: 'after', c });
  for (const c of then) {
    const id = c.citation.ruleId;
    if (c.citation.kind === 'rule' && id !== undefined && gone.before.has(id) && c.addresses.overlaps(set)) cited.push({ side: 'before', c });
  }
  const byKey = new Map<string, { side: DiffSide; ref: SourceRef; out: Responsible }>();
  for (const { side, c } of cited) {
    const ref = formatRef(c.citation.ref);
    const key = `${side}\u0000${c.citation.kind}\u0000${ref}\u0000${c.citation.name}`;
    if (!byKey.has(key)) byKey.set(key, { side, ref: c.citation.ref, out: { side, kind: c.citation.kind, ref, name: c.citation.name } });
  }
  return [...byKey.values()]
    .sort((p, q) => (p.side === q.side ? compareRefs(p.ref, q.ref) || (p.out.name < q.out.name ? -1 : p.out.name > q.out.name ? 1 : 0) : p.side === 'after' ? -1 : 1))
    .map((e) => e.out);
}
