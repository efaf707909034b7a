/**
 * @fileoverview The painter and piece-list operations as they were before the speed work (issue 8), kept verbatim as
 * the reference the rewritten ones must match exactly: same piece lists, same owners in the same order, same outcome.
 */
import type { Flat } from '../../../src/analyses/anomalies/flat.js';
import type { Shape } from '../../../src/analyses/anomalies/geometry.js';

/** Offset of the first piece whose end is ≥ x. */
export function firstPiece(p: readonly number[], x: number): number {
  let lo = 0;
  let hi = p.length / 3;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((p[3 * mid + 1] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return 3 * lo;
}

/** Calls `visit(owner)` for every piece overlapping the atoms until it returns false. */
export function forPiecesIn(p: readonly number[], atoms: Flat, visit: (owner: number) => boolean): boolean {
  for (let i = 0; i < atoms.length; i += 2) {
    const hi = atoms[i + 1] as number;
    for (let k = firstPiece(p, atoms[i] as number); k < p.length && (p[k] as number) <= hi; k += 3) {
      if (!visit(p[k + 2] as number)) return false;
    }
  }
  return true;
}

/** The atoms no piece covers (the input itself when nothing overlaps). */
export function minusPieces(p: readonly number[], atoms: Flat): Flat {
  let out: number[] | undefined;
  for (let i = 0; i < atoms.length; i += 2) {
    const start = atoms[i] as number;
    const hi = atoms[i + 1] as number;
    let cur = start;
    for (let k = firstPiece(p, cur); cur <= hi && k < p.length && (p[k] as number) <= hi; k += 3) {
      out ??= atoms.slice(0, i);
      if ((p[k] as number) > cur) out.push(cur, (p[k] as number) - 1);
      cur = Math.max(cur, (p[k + 1] as number) + 1);
    }
    if (out !== undefined && cur <= hi) out.push(cur, hi);
  }
  return out ?? atoms;
}

/** Adds pieces for atoms that no piece of `p` overlaps, merging with same-owner neighbours. */
export function addPieces(p: number[] | undefined, atoms: Flat, owner: number): number[] {
  const out = p ?? [];
  for (let i = 0; i < atoms.length; i += 2) addPiece(out, atoms[i] as number, atoms[i + 1] as number, owner);
  return out;
}

/** Adds one piece [lo, hi] that no piece of `p` overlaps. */
function addPiece(p: number[], lo: number, hi: number, owner: number): void {
  const k = firstPiece(p, lo);
  const joinsPrev = k > 0 && p[k - 1] === owner && (p[k - 2] as number) + 1 === lo;
  const joinsNext = k < p.length && p[k + 2] === owner && (p[k] as number) === hi + 1;
  if (joinsPrev && joinsNext) {
    p[k - 2] = p[k + 1] as number;
    p.splice(k, 3);
  } else if (joinsPrev) p[k - 2] = hi;
  else if (joinsNext) p[k] = lo;
  else p.splice(k, 0, lo, hi, owner);
}

/** Removes the atoms from the pieces, splitting pieces at the edges. */
export function extractPieces(p: number[], atoms: Flat): void {
  for (let i = 0; i < atoms.length; i += 2) {
    const a = atoms[i] as number;
    const b = atoms[i + 1] as number;
    const k = firstPiece(p, a);
    let end = k;
    while (end < p.length && (p[end] as number) <= b) end += 3;
    if (end === k) continue;
    const firstLo = p[k] as number;
    const firstOwner = p[k + 2] as number;
    const lastHi = p[end - 2] as number;
    const lastOwner = p[end - 1] as number;
    const left = firstLo < a;
    const right = lastHi > b;
    if (left && right) p.splice(k, end - k, firstLo, a - 1, firstOwner, b + 1, lastHi, lastOwner);
    else if (left) p.splice(k, end - k, firstLo, a - 1, firstOwner);
    else if (right) p.splice(k, end - k, b + 1, lastHi, lastOwner);
    else p.splice(k, end - k);
  }
}

/** Parts of a query: [lo, hi, best owner so far] triples; NONE = not painted. */
const NONE = Number.POSITIVE_INFINITY;

/** How a query ended: every point painted and every visit returned true; a visit returned false or a point is not
 * painted; or the node budget ran out first. */
type QueryOutcome = 'complete' | 'stopped' | 'exhausted';

export class ReferencePainter {
  private readonly own: (number[] | undefined)[];
  private readonly recent: Float64Array;
  private budget = 0;

  /**
   * `swap`: the tree runs over address atoms and pieces hold key segments. `union`: only whether points are painted
   * matters, so a query stops looking below a point as soon as it has any owner.
   */
  constructor(
    private readonly size: number,
    readonly swap = false,
    private readonly union = false,
  ) {
    this.own = new Array<number[] | undefined>(4 * Math.max(1, size)).fill(undefined);
    this.recent = new Float64Array(4 * Math.max(1, size)).fill(NONE);
  }

  /** Paints the box with `owner`, winning over every earlier paint. */
  paint(owner: number, box: Shape): void {
    const tree = this.swap ? box.atoms : box.keys;
    const other = this.swap ? box.keys : box.atoms;
    for (let i = 0; i < tree.length; i += 2) this.paintRec(1, 0, this.size - 1, tree[i] as number, tree[i + 1] as number, other, owner);
  }

  /**
   * Calls `visit(owner)` with the owner of the points of the box, part by part (an owner may come more than once),
   * until it returns false, visiting at most `budget` tree nodes (a wide box over many small paints has many owners).
   */
  owners(box: Shape, visit: (owner: number) => boolean, budget = Number.POSITIVE_INFINITY): QueryOutcome {
    const tree = this.swap ? box.atoms : box.keys;
    const other = this.swap ? box.keys : box.atoms;
    const parts: number[] = [];
    for (let i = 0; i < other.length; i += 2) parts.push(other[i] as number, other[i + 1] as number, NONE);
    this.budget = budget;
    for (let i = 0; i < tree.length; i += 2) {
      if (!this.query(1, 0, this.size - 1, tree[i] as number, tree[i + 1] as number, parts, visit)) return this.budget < 0 ? 'exhausted' : 'stopped';
    }
    return 'complete';
  }

  private paintRec(v: number, nl: number, nr: number, ql: number, qr: number, other: Flat, owner: number): void {
    if (qr < nl || nr < ql) return;
    if (owner < (this.recent[v] as number)) this.recent[v] = owner;
    if (ql <= nl && nr <= qr) {
      const own = this.own[v];
      if (own !== undefined) extractPieces(own, other);
      this.own[v] = addPieces(own, other, owner);
      return;
    }
    const mid = (nl + nr) >> 1;
    this.paintRec(2 * v, nl, mid, ql, qr, other, owner);
    this.paintRec(2 * v + 1, mid + 1, nr, ql, qr, other, owner);
  }

  private query(v: number, nl: number, nr: number, ql: number, qr: number, parts: readonly number[], visit: (owner: number) => boolean): boolean {
    if (--this.budget < 0) return false;
    const own = this.own[v];
    const here = own === undefined ? parts : improve(parts, own);
    if (nl === nr) return report(here, visit);
    const mid = (nl + nr) >> 1;
    if (ql <= mid && !this.child(2 * v, nl, mid, ql, qr, here, visit)) return false;
    return qr <= mid || this.child(2 * v + 1, mid + 1, nr, ql, qr, here, visit);
  }

  /** Reports the parts no paint below can improve; descends with the others. */
  private child(c: number, nl: number, nr: number, ql: number, qr: number, parts: readonly number[], visit: (owner: number) => boolean): boolean {
    const recent = this.recent[c] as number;
    let settledCount = 0;
    for (let k = 2; k < parts.length; k += 3) if (this.settles(parts[k] as number, recent)) settledCount++;
    if (settledCount === parts.length / 3) return report(parts, visit);
    if (settledCount === 0) return this.query(c, nl, nr, ql, qr, parts, visit);
    const settled: number[] = [];
    const open: number[] = [];
    for (let k = 0; k < parts.length; k += 3) {
      const best = parts[k + 2] as number;
      (this.settles(best, recent) ? settled : open).push(parts[k] as number, parts[k + 1] as number, best);
    }
    return report(settled, visit) && this.query(c, nl, nr, ql, qr, open, visit);
  }

  /** Whether nothing painted below (most recent paint `recent`) can change a part whose best owner is `best`. */
  private settles(best: number, recent: number): boolean {
    return recent >= best || (this.union && best !== NONE);
  }
}

/** Splits the parts where a piece of the node has a smaller owner than the part's best. */
function improve(parts: readonly number[], own: readonly number[]): readonly number[] {
  let out: number[] | undefined;
  for (let k = 0; k < parts.length; k += 3) {
    const lo = parts[k] as number;
    const hi = parts[k + 1] as number;
    const best = parts[k + 2] as number;
    let cur = lo;
    for (let j = firstPiece(own, lo); j < own.length && (own[j] as number) <= hi; j += 3) {
      const owner = own[j + 2] as number;
      if (owner >= best) continue;
      out ??= parts.slice(0, k);
      const plo = Math.max(lo, own[j] as number);
      if (plo > cur) out.push(cur, plo - 1, best);
      const phi = Math.min(hi, own[j + 1] as number);
      out.push(plo, phi, owner);
      cur = phi + 1;
    }
    if (out !== undefined && cur <= hi) out.push(cur, hi, best);
  }
  return out ?? parts;
}

function report(parts: readonly number[], visit: (owner: number) => boolean): boolean {
  for (let k = 2; k < parts.length; k += 3) {
    const best = parts[k] as number;
    if (best === NONE || !visit(best)) return false;
  }
  return true;
}

