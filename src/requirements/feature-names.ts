/**
 * @fileoverview The closed list of feature names accepted by `--feature` (metadata lives in features.ts).
 */

/** Feature names in display order. */
export const FEATURE_NAMES = [
  'email',
  'web',
  'sql-broker',
  'oracle',
  'k2connect',
  'sap',
  'exchange-events',
  'alwayson',
  'legacy',
  'dtc-upgrade',
  'custom-broker',
] as const;

/** A valid `--feature` name. */
export type FeatureName = (typeof FEATURE_NAMES)[number];

/** Whether a string names a feature. */
export function isFeatureName(name: string): name is FeatureName {
  return (FEATURE_NAMES as readonly string[]).includes(name);
}
