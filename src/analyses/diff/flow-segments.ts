/**
 * @fileoverview One side's verdict over every service port of a direction and protocol: each policy unit's
 * segments (evaluateFlow over 0–65535, in blocks) overlaid into one partition, remote addresses and citations united
 * (units speak for disjoint address families).
 */
import { AddressSet } from '../../model/address-set.js';
import { PORT_DOMAIN, ports } from '../../model/port-set.js';
import type { Direction } from '../../model/rule.js';
import type { Contribution, SegmentDecision } from '../../engine/decision.js';
import { evaluateFlow, type EvalContext } from '../../engine/evaluate.js';
import type { PolicyUnit } from '../../engine/units.js';

export interface Span {
  readonly lo: number;
  readonly hi: number;
}

/** A port segment of one side: remote addresses certainly (low) and possibly (high) allowed, and why. */
export interface SideSegment extends Span {
  readonly low: AddressSet;
  readonly high: AddressSet;
  readonly allowedBy: readonly Contribution[];
  readonly blockedBy: readonly Contribution[];
}

/** Elementary spans of several partitions of 0–65535, with the segment of each partition covering the span. */
export function overlay<T extends Span>(lists: readonly (readonly T[])[]): { lo: number; hi: number; parts: T[] }[] {
  const at = lists.map(() => 0);
  const out: { lo: number; hi: number; parts: T[] }[] = [];
  let lo = PORT_DOMAIN.min;
  while (lo <= PORT_DOMAIN.max) {
    let hi = PORT_DOMAIN.max;
    const parts: T[] = [];
    lists.forEach((list, k) => {
      while ((list[at[k] as number] as T).hi < lo) at[k] = (at[k] as number) + 1;
      const seg = list[at[k] as number] as T;
      parts.push(seg);
      if (seg.hi < hi) hi = seg.hi;
    });
    out.push({ lo, hi, parts });
    lo = hi + 1;
  }
  return out;
}

/**
 * Ports evaluated per call: the engine decides each segment against every rule touching the requested range, so
 * evaluating 0–65535 in blocks keeps that to the rules near each segment (same decisions, finer segments).
 */
const BLOCK = 1024;

/** One unit's segments over every port, evaluated block by block. */
function allPorts(unit: PolicyUnit, direction: Direction, protocol: number, ctx: EvalContext): { lo: number; hi: number; d: SegmentDecision }[] {
  const out: { lo: number; hi: number; d: SegmentDecision }[] = [];
  for (let lo = PORT_DOMAIN.min; lo <= PORT_DOMAIN.max; lo += BLOCK) {
    const hi = Math.min(PORT_DOMAIN.max, lo + BLOCK - 1);
    for (const s of evaluateFlow(unit, { direction, protocol, ports: ports([lo, hi]) }, ctx)) out.push({ lo: s.lo, hi: s.hi, d: s.decision });
  }
  return out;
}

/** The side's segments for new connections of `protocol` in `direction` on every port. */
export function sideSegments(units: readonly PolicyUnit[], direction: Direction, protocol: number, ctx: EvalContext): SideSegment[] {
  const lists = units.map((u) => allPorts(u, direction, protocol, ctx));
  if (lists.length === 1) return (lists[0] ?? []).map((s) => ({ lo: s.lo, hi: s.hi, low: s.d.low, high: s.d.high, allowedBy: s.d.allowedBy, blockedBy: s.d.blockedBy }));
  return overlay(lists).map(({ lo, hi, parts }) => ({
    lo,
    hi,
    low: parts.reduce((acc, p) => acc.union(p.d.low), AddressSet.NONE),
    high: parts.reduce((acc, p) => acc.union(p.d.high), AddressSet.NONE),
    allowedBy: parts.flatMap((p) => p.d.allowedBy),
    blockedBy: parts.flatMap((p) => p.d.blockedBy),
  }));
}
