/**
 * @fileoverview Waivers: a reviewed, time-limited acceptance of a finding or of a requirement's gap.
 */
import type { SourceRef } from '../model/source-ref.js';

/** One validated waiver. Exactly one of `finding` / `requirement` is set. */
export interface Waiver {
  /** `file#waivers[2]`: how reports and WAIVER_* findings name it. */
  readonly id: string;
  /** Finding id (`gap:k2-host-server-in-tcp`, `over-permissive:fw.txt:12`). */
  readonly finding?: string;
  /** Requirement id: waives every finding about that requirement. */
  readonly requirement?: string;
  readonly reason: string;
  readonly approver: string;
  readonly ticket: string;
  /** Last day the waiver holds (YYYY-MM-DD, inclusive, UTC). */
  readonly expires: string;
  readonly source: SourceRef;
}

/** What a report shows next to a waived finding or requirement. */
export interface WaiverNote {
  readonly id: string;
  readonly reason: string;
  readonly approver: string;
  readonly ticket: string;
  readonly expires: string;
}
