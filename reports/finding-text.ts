/**
 * @fileoverview The finding sentence for the reporters, worded once per finding: the CLI renders several formats
 * of one result, and each used to word every finding again.
 */
import type { Finding } from '../src/findings/finding.js';
import { findingMessage } from '../src/findings/messages.js';

/** Findings are immutable, so a finding's sentence never changes; entries go with their findings. */
const worded = new WeakMap<Finding, string>();

/** findingMessage(f), computed on first use and then reused by every report of the same result. */
export function findingText(f: Finding): string {
  const known = worded.get(f);
  if (known !== undefined) return known;
  const text = findingMessage(f);
  worded.set(f, text);
  return text;
}
