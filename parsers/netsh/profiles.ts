/**
 * @fileoverview `show allprofiles` sections → ProfileSettings per firewall profile. Only `State`,
 * `Firewall Policy` and `LocalFirewallRules` matter to the audit; logging and the other keys are parsed and
 * ignored. A repeated section for the same profile is reported and ignored (the first one counts).
 */
import type { FirewallProfile, ProfileSettings } from '../../src/model/rule.js';
import type { RawProfileEntry, RawProfileSection } from './parse.js';
import { parseLocalRules, parsePolicy, parseState, profileKey, type FirewallPolicy } from './profile-labels.js';
import { IGNORED, quote, type ParseSink } from '../shared/parse-sink.js';

type ProfileMap = Partial<Record<FirewallProfile, ProfileSettings>>;

interface Settings {
  enabled: boolean | undefined;
  policy: FirewallPolicy | undefined;
  localRules: boolean | undefined;
}

/** Settings of every profile the export states, or undefined when it has no profile section at all. */
export function normalizeProfiles(sections: readonly RawProfileSection[], sink: ParseSink): ProfileMap | undefined {
  if (sections.length === 0) return undefined;
  const out: ProfileMap = {};
  for (const section of sections) {
    if (out[section.profile] !== undefined) {
      sink.report('warning', 'NETSH_DUPLICATE_PROFILE', `second ${section.profile} profile section; the first is used`, section.line);
      sink.unsupported(section.line);
      for (const entry of section.entries) sink.ignored(entry.line, IGNORED.duplicateProfile);
      continue;
    }
    out[section.profile] = readSection(section, sink);
  }
  return out;
}

function readSection(section: RawProfileSection, sink: ParseSink): ProfileSettings {
  sink.parsed(section.line);
  const s: Settings = { enabled: undefined, policy: undefined, localRules: undefined };
  for (const entry of section.entries) readEntry(entry, s, sink);
  const settings: ProfileSettings = {
    enabled: s.enabled,
    inbound: s.policy?.inbound,
    outbound: s.policy?.outbound,
    source: { file: sink.file, line: section.line },
  };
  return s.localRules === undefined ? settings : { ...settings, allowLocalPolicyMerge: s.localRules };
}

function readEntry(entry: RawProfileEntry, s: Settings, sink: ParseSink): void {
  const key = entry.logging ? undefined : profileKey(entry.key);
  if (key === undefined) return sink.ignored(entry.line, IGNORED.profileSetting);
  const bad = (): void => {
    sink.report('error', 'NETSH_INVALID_VALUE', `invalid ${entry.key} value ${quote(entry.value)}`, entry.line);
    sink.unsupported(entry.line);
  };
  sink.parsed(entry.line);
  if (key === 'state') {
    const r = parseState(entry.value);
    if (r.ok) s.enabled = r.value;
    else bad();
  } else if (key === 'policy') {
    const r = parsePolicy(entry.value);
    if (r.ok) s.policy = r.value;
    else bad();
  } else {
    const r = parseLocalRules(entry.value);
    if (r.ok) s.localRules = r.value;
    else bad();
  }
}
