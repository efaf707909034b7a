/**
 * @fileoverview Prints IR values and matches in one canonical nft-like spelling, for Conditions and messages, so
 * the text and JSON front ends produce the same texts for the same ruleset.
 */
import type { NftExpr, NftOp, NftSelector, NftValue } from './ir.js';

const OP_TEXT: Readonly<Record<NftOp, string>> = { eq: '', in: '', ne: '!= ', lt: '< ', gt: '> ', le: '<= ', ge: '>= ' };

/** `22`, `1024-65535`, `{ 22, 80 }`, `@name`. */
export function renderValue(v: NftValue): string {
  switch (v.kind) {
    case 'atom':
      return /^[A-Za-z0-9_.:/*+@$-]+$/.test(v.text) ? v.text : `"${v.text}"`;
    case 'range':
      return `${v.lo}-${v.hi}`;
    case 'set':
      // Sorted, so the written order (text) and the kernel's order (JSON) read the same.
      return `{ ${v.items.map(renderValue).sort(naturalOrder).join(', ')} }`;
    case 'ref':
      return `@${v.name}`;
    default:
      return v.text;
  }
}

function naturalOrder(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** `tcp flags & { fin, syn }`. */
export function renderSelector(s: NftSelector): string {
  return s.mask === undefined ? s.key : `${s.key} & ${renderValue(s.mask)}`;
}

/** `tcp dport != 22`, `iifname "eth0"`. */
export function renderMatch(left: NftSelector, op: NftOp, right: NftValue): string {
  return `${renderSelector(left)} ${OP_TEXT[op]}${renderValue(right)}`;
}

/** A short text for any expression (messages and Conditions). */
export function renderExpr(e: NftExpr): string {
  switch (e.kind) {
    case 'match':
      return renderMatch(e.left, e.op, e.right);
    case 'verdict':
      return e.target === undefined ? e.verdict : `${e.verdict} ${e.target}`;
    case 'vmap':
      return `${renderSelector(e.left)} vmap ${e.ref !== undefined ? `@${e.ref}` : '{ … }'}`;
    case 'xt':
      return `xt ${e.xtType} ${e.name}`;
    default:
      return e.text;
  }
}
