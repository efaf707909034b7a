/**
 * @fileoverview Per-rule verdicts in one first-match chain (one direction). Two structures, no pairwise loop:
 * - a cover tree (cover-tree.ts) filled in chain order with the certain rules that end the packet's walk through the
 *   chain (ACCEPT, DROP/REJECT, RETURN, goto); jumps and non-terminating targets (LOG, MARK) never cover, since
 *   packets may come back from a jump;
 * - a painter (painter.ts) painted from the last rule to the first with every rule except non-terminating ones
 *   (uncertain rules with their upper-bound boxes), so that each point is owned by its first possible matcher, and
 *   during the sweep by the first possible matcher after the current rule.
 *
 * Shadowed: the union of the EARLIER certain covering rules contains the rule's box, so it never matches a new
 * connection (exact, for every rule). `by` = the rules that decide its traffic first, or, when an uncertain rule or a
 * jump comes first somewhere, a small sufficient set of covering rules.
 * - `conflicting` when some point's first possible matcher is a certain ACCEPT where the rule drops, or the reverse:
 *   part of its traffic certainly gets the opposite decision.
 * - RULE_REDUNDANT ("upward") instead of RULE_SHADOWED when the first possible matcher of every point is a certain
 *   rule with the rule's own action (an uncertain rule, jump, RETURN or goto first makes the outcome unknown).
 * Redundant ("downward") for a rule that is not shadowed: if the first possible matcher AFTER it of every point of its
 * box is a certain rule with the same action, removing the rule changes no decision. Points no later rule matches fall
 * to the chain policy or return, which does not count (an ACCEPT under an ACCEPT policy is not reported); an uncertain
 * rule or jump in between makes the outcome unknown. A later rule that is itself shadowed does not count (of two
 * duplicates only the second is reported, as shadowed by the first), so all reported rules can be removed together.
 * Both checks use the whole box, also where earlier rules decide: sound, and at worst a missed finding.
 */
import type { Geometry, Item } from './geometry.js';
import { CoverTree } from './cover-tree.js';
import { minimalCover } from './region.js';
import { OwnerSet } from './owner-set.js';
import { Painter } from './painter.js';

/**
 * Tree nodes a query of the painter may visit for one rule. A wide rule over thousands of small rules has thousands
 * of first matchers; beyond this the details are left out (no downward verdict, no "redundant" label, covering rules
 * from the cover tree) rather than paying for all of them.
 */
const QUERY_BUDGET = 512;
/** First matchers listed at most as `by`; more and a small covering set is given instead. */
const MAX_BY = 12;

export interface ChainVerdict {
  readonly item: Item;
  readonly kind: 'shadowed' | 'redundant';
  readonly by: readonly Item[];
  readonly conflicting: boolean;
}

export interface ChainAnalysis {
  readonly verdicts: readonly ChainVerdict[];
  /** By item index: whether the rule is shadowed (never matches). */
  readonly shadowed: readonly boolean[];
  /** Whether the structures ran over address atoms (the narrower dimension of this chain). */
  readonly swap: boolean;
}

/** Verdicts for every rule of the chain. */
export function analyseChain(geo: Geometry): ChainAnalysis {
  const { items } = geo;
  const any = Painter.forGeometry(geo);
  const later: (readonly Item[] | undefined)[] = [];
  for (let k = items.length - 1; k >= 0; k--) {
    const it = items[k] as Item;
    later[k] = sameLater(it, any, items);
    if (it.rule.action !== 'continue') any.paint(k, it);
  }
  const cover = new CoverTree(geo, any.swap);
  const verdicts: ChainVerdict[] = [];
  const shadowed: boolean[] = [];
  const owners = new OwnerSet(items.length);
  for (const it of items) {
    owners.clear();
    const covered = it.index > 0 && cover.covers(it, owners);
    shadowed.push(covered);
    if (it.certain && it.cls !== 'pass') cover.insert(it.index, it);
    if (covered) verdicts.push(upward(it, () => owners.sorted().map((i) => items[i] as Item), any, items));
  }
  for (const it of items) {
    const down = later[it.index];
    if (shadowed[it.index] === true || down === undefined || down.some((k) => shadowed[k.index] === true)) continue;
    verdicts.push({ item: it, kind: 'redundant', by: down, conflicting: false });
  }
  return { verdicts, shadowed, swap: any.swap };
}

function isDecision(cls: Item['cls']): boolean {
  return cls === 'allow' || cls === 'block';
}

/**
 * A shadowed rule: do its first matchers decide like it (redundant) or against it (conflicting)? `by` are the
 * first matchers when they all end the walk for certain, else the covering rules found by the cover tree (listed
 * only then: `covering` is called at most once, before the next query of the tree).
 */
function upward(it: Item, covering: () => readonly Item[], any: Painter, items: readonly Item[]): ChainVerdict {
  let conflicting = false;
  let same = isDecision(it.cls);
  let exact = true;
  const first = new Set<number>();
  const outcome = any.owners(
    it,
    (o) => {
      const j = items[o] as Item;
      const decides = j.certain && isDecision(j.cls);
      if (decides && isDecision(it.cls) && j.cls !== it.cls) conflicting = true;
      if (!decides || j.cls !== it.cls) same = false;
      if (!j.certain || j.cls === 'pass') exact = false;
      first.add(o);
      return !(conflicting && !same && first.size > MAX_BY);
    },
    QUERY_BUDGET,
  );
  const complete = outcome === 'complete';
  const by = complete && exact && first.size <= MAX_BY ? sorted(first, items) : minimalCover(it, covering());
  return { item: it, kind: complete && same ? 'redundant' : 'shadowed', by, conflicting };
}

/** The later rules that take the whole box with the same action first, if they do. */
function sameLater(it: Item, any: Painter, items: readonly Item[]): Item[] | undefined {
  if (!isDecision(it.cls)) return undefined;
  const owners = new Set<number>();
  const outcome = any.owners(
    it,
    (o) => {
      const j = items[o] as Item;
      return j.certain && j.cls === it.cls && (owners.add(o), true);
    },
    QUERY_BUDGET,
  );
  return outcome === 'complete' ? sorted(owners, items) : undefined;
}

function sorted(owners: ReadonlySet<number>, items: readonly Item[]): Item[] {
  return [...owners].sort((a, b) => a - b).map((i) => items[i] as Item);
}
