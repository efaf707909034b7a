/**
 * @fileoverview Diagnostic codes of the nft parser and the sink both front ends and the normalizer write to: a
 * ParseSink for the marks (text: one unit per line; JSON: one unit per element of the `nftables` array) plus
 * diagnostics that cite the object's own SourceRef (a line, or a JSON element path).
 */
import type { DiagnosticSeverity } from '../../src/model/diagnostic.js';
import type { SourceRef } from '../../src/model/source-ref.js';
import { ParseSink } from '../shared/parse-sink.js';
import type { NftPos } from './ir.js';

/** Stable diagnostic codes (tests assert them). */
export type NftCode =
  | 'NFT_EMPTY'
  | 'NFT_BAD_JSON'
  | 'NFT_BAD_SYNTAX'
  | 'NFT_UNSUPPORTED_COMMAND'
  | 'NFT_INCLUDE'
  | 'NFT_UNDEFINED_VARIABLE'
  | 'NFT_UNTRANSLATED_RULE'
  | 'NFT_IPTABLES_NFT'
  | 'NFT_UNKNOWN_EXPRESSION'
  | 'NFT_UNKNOWN_ELEMENT'
  | 'NFT_UNDECLARED_CHAIN'
  | 'NFT_UNDEFINED_SET'
  | 'NFT_UNKNOWN_TARGET'
  | 'NFT_BAD_PORT'
  | 'NFT_BAD_ADDRESS'
  | 'NFT_BAD_PROTOCOL'
  | 'NFT_BAD_VALUE'
  | 'NFT_BAD_PRIORITY'
  | 'NFT_ROUTED_CHAIN'
  | 'NFT_UNREACHABLE_CHAIN'
  | 'NFT_NAT_REDIRECT'
  | 'NFT_FAMILY_NOT_AUDITED'
  | 'NFT_HOOK_NOT_AUDITED'
  | 'NFT_NO_FILTER_TABLES';

/** Ignore reasons (keys of LineAccounting.ignored; stable: tests and the corpus check use them). */
export const REASON = {
  blank: 'blank',
  comment: 'comment',
  flush: 'flush command',
  flushed: 'removed by a later flush',
  metainfo: 'metainfo',
  namedObject: 'named object (counter, quota, limit, helper …) not used by the audit',
  nat: 'nat chain: address translation is reported, not evaluated as filtering',
  forward: 'routed traffic (forward hook) not audited',
  unreachable: 'chain not reachable from an input/output base chain',
  family: 'arp/bridge/netdev family not audited',
  hook: 'ingress/egress hook not audited',
} as const;

/** A problem found before its position is attached. */
export interface Problem {
  readonly severity: DiagnosticSeverity;
  readonly code: NftCode;
  readonly message: string;
}

/** Diagnostics and accounting marks of one input. */
export class NftSink {
  readonly marks: ParseSink;

  constructor(
    readonly file: string,
    units: number,
  ) {
    this.marks = new ParseSink(file, units);
  }

  /** Adds a diagnostic citing `ref` (the whole file when omitted). */
  report(severity: DiagnosticSeverity, code: NftCode, message: string, ref?: SourceRef): void {
    this.marks.diagnostics.push({ severity, code, message, ref: ref ?? { file: this.file } });
  }

  /** Adds a problem found inside the object at `pos`. */
  problem(p: Problem, pos: NftPos): void {
    this.report(p.severity, p.code, p.message, pos.ref);
  }

  parsed(pos: NftPos): void {
    for (let u = pos.first; u <= pos.last; u++) this.marks.parsed(u);
  }

  ignored(pos: NftPos, reason: string): void {
    for (let u = pos.first; u <= pos.last; u++) this.marks.ignored(u, reason);
  }

  unsupported(pos: NftPos): void {
    for (let u = pos.first; u <= pos.last; u++) this.marks.unsupported(u);
  }
}
