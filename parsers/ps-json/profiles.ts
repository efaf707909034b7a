/**
 * @fileoverview Get-NetFirewallProfile objects → ProfileSettings. `Enabled`/`Allow*` are GpoBoolean (0 False, 1 True,
 * 2 NotConfigured) and the default actions 0 NotConfigured / 2 Allow / 4 Block; NotConfigured leaves the setting unset
 * (the Windows default applies). `AllowInboundRules = False` is "block all inbound, ignore allow rules".
 */
import type { FirewallProfile, InboundDefault, ProfileSettings } from '../../src/model/rule.js';
import type { SourceRef } from '../../src/model/source-ref.js';
import type { JsonWinSink } from './json-sink.js';
import { member, stringMember, valueItems, type JsonObject, type Located } from './json-values.js';
import { parseDefaultAction, parseGpoBoolean, parseProfileName, type SettingResult } from './win-enums.js';

type ProfileMap = Partial<Record<FirewallProfile, ProfileSettings>>;

/** Settings per profile; `ref(path)` gives the position of an element or member. */
export function normalizeProfiles(items: readonly Located<JsonObject>[], out: JsonWinSink, ref: (path: readonly string[]) => SourceRef): ProfileMap {
  const map: ProfileMap = {};
  for (const item of items) {
    const nameText = stringMember(item.value, ['name', 'profile']) ?? '';
    const profile = parseProfileName(nameText);
    const at = ref(item.path);
    if (profile === undefined) {
      out.report('warning', 'PSJSON_UNKNOWN_PROFILE', `profile object with unknown name "${nameText}" ignored`, at);
      out.unsupported(at);
      continue;
    }
    if (map[profile] !== undefined) {
      out.report('warning', 'PSJSON_DUPLICATE_PROFILE', `second ${profile} profile object; the first is used`, at);
      continue;
    }
    map[profile] = readProfile(item, out, ref, at);
  }
  return map;
}

function readProfile(item: Located<JsonObject>, out: JsonWinSink, ref: (path: readonly string[]) => SourceRef, at: SourceRef): ProfileSettings {
  const setting = <T>(key: string, parse: (text: string) => SettingResult<T>): T | undefined => {
    const m = member(item.value, [key]);
    if (m === undefined) return undefined;
    const text = (valueItems(m.value) ?? []).join(', ');
    const r = parse(text);
    if (r.ok) return r.value;
    out.report('error', 'PSJSON_INVALID_VALUE', `invalid ${m.key} "${text}"`, ref([...item.path, m.key]));
    out.unsupported(ref([...item.path, m.key]));
    return undefined;
  };
  const enabled = setting('enabled', parseGpoBoolean);
  const allowInboundRules = setting('allowinboundrules', parseGpoBoolean);
  const inboundAction = setting('defaultinboundaction', parseDefaultAction);
  const outbound = setting('defaultoutboundaction', parseDefaultAction);
  const localRules = setting('allowlocalfirewallrules', parseGpoBoolean);
  const inbound: InboundDefault | undefined = allowInboundRules === false ? 'block-always' : inboundAction;
  return {
    enabled,
    inbound,
    outbound,
    ...(localRules === undefined ? {} : { allowLocalPolicyMerge: localRules }),
    source: at,
  };
}
