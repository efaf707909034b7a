/**
 * @fileoverview Provenance of every model object: the file and line (or element path / vendor id) it came from.
 */

/** Where a rule, setting or diagnostic came from. Lines are 1-based. */
export interface SourceRef {
  readonly file: string;
  readonly line?: number;
  /** Element path for formats without line numbers (XML, JSON). */
  readonly path?: readonly string[];
  /** The vendor's own id (registry value name, PowerShell rule Name). */
  readonly vendorId?: string;
}

/** References are immutable and shared (a rule's source is cited by every finding about it): texts are kept. */
const formatted = new WeakMap<SourceRef, string>();

/** Renders a reference as `file:line`, `file#element/path` or `file#vendor-id`. */
export function formatRef(ref: SourceRef): string {
  let text = formatted.get(ref);
  if (text === undefined) formatted.set(ref, (text = format(ref)));
  return text;
}

function format(ref: SourceRef): string {
  if (ref.line !== undefined) return `${ref.file}:${ref.line}`;
  if (ref.path !== undefined && ref.path.length > 0) return `${ref.file}#${ref.path.join('/')}`;
  if (ref.vendorId !== undefined) return `${ref.file}#${ref.vendorId}`;
  return ref.file;
}

/** Orders references by file, then line, then path. */
export function compareRefs(a: SourceRef, b: SourceRef): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  const la = a.line ?? 0;
  const lb = b.line ?? 0;
  if (la !== lb) return la - lb;
  const pa = formatRef(a);
  const pb = formatRef(b);
  return pa < pb ? -1 : pa > pb ? 1 : 0;
}
