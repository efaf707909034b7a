/**
 * @fileoverview Raw records of a GPO report: the WindowsFirewall elements found anywhere in the document (a GPO
 * report, a GPO backup's gpreport.xml, an RSoP `gpresult /x` report), each with its line and element path.
 */
import type { SourceRef } from '../../src/model/source-ref.js';
import type { RuleField } from '../windows-rule/index.js';

/** The namespace of the Windows Firewall settings extension; prefixes (`q1:`, `q2:`) vary per report. */
export const WF_NS = 'http://www.microsoft.com/GroupPolicy/Settings/WindowsFirewall';

/** One InboundFirewallRules / OutboundFirewallRules element (one rule). */
export interface RawXmlRule {
  readonly direction: 'in' | 'out';
  readonly ref: SourceRef & { readonly path: readonly string[] };
  /** The element's source text. */
  readonly raw: string;
  /** `Version` child text, if any. */
  version: string | undefined;
  /** Children in the firewall namespace, in order (Version excluded). */
  readonly fields: RuleField[];
  /** Firewall-namespace children that have child elements themselves (no rule key has). */
  readonly nested: { readonly key: string; readonly ref: SourceRef }[];
}

/** One setting of a DomainProfile / PrivateProfile / PublicProfile element: `<EnableFirewall><Value>true</Value>`. */
export interface RawXmlSetting {
  readonly name: string;
  value: string | undefined;
  readonly ref: SourceRef;
}

export interface RawXmlProfile {
  readonly name: string;
  readonly ref: SourceRef;
  readonly settings: RawXmlSetting[];
}

/** A firewall-namespace element that is neither a rule nor a profile setting (GlobalSettings children, IPsec sets, …). */
export interface RawXmlOther {
  readonly name: string;
  readonly ref: SourceRef;
  /** `GlobalSettings` child, top-level element, … */
  readonly where: 'global' | 'top';
}

/** Everything found; `R` is what each rule element became (RawXmlRule, or its normalized outcome: parse.ts). */
export interface RawXmlDocument<R = RawXmlRule> {
  /** Local name of the root element (`GPO`, `Rsop`, `report`). */
  root: string;
  readonly rules: R[];
  readonly profiles: RawXmlProfile[];
  readonly others: RawXmlOther[];
}
