/**
 * @fileoverview The Windows firewall rule-string grammar (MS-GPFAS 2.2.2.19) and the registry-shaped pieces shared by
 * the reg, registry-pol, wfw and gpo-xml parsers: splitting, normalizing to model Rules, profile settings, key
 * locations and RuleSet assembly.
 */
export { splitRuleString, isRuleString, type RuleField, type SplitRule } from './split.js';
export { normalizeRule, normalizeRuleString, type RuleInput, type NormalizedRule } from './normalize.js';
export { classifyKey as classifyRuleKey, type KeyClass } from './keys.js';
export {
  markOutcome,
  ProfileCollector,
  profileOfKey,
  PROFILE_VALUE_UNUSED,
  LOCAL_MERGE_UNUSED,
  type ProfileValue,
  type ProfileValueOutcome,
} from './profiles.js';
export { locateKey, classifyKey as classifyPolicyKey, type LocatedKey, type PolicyKey, type Store } from './policy-keys.js';
export { assembleRuleSet, RuleIds, type RuleSetParts } from './rule-set.js';
export { KEY_IGNORED, ignoredKeyReason, HARDENING_NOTICE, legacyPolicyMessage } from './key-reasons.js';
export { registryDataText, registryDword, registryText } from './registry-data.js';
