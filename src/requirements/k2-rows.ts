/**
 * @fileoverview Every row of the K2 port reference (seed 000) as data, in seed order.
 */
import { INFRASTRUCTURE_ROWS } from './k2-rows-infrastructure.js';
import { INTEGRATION_ROWS } from './k2-rows-integration.js';
import { PLATFORM_ROWS } from './k2-rows-platform.js';
import type { K2Row } from './k2-row.js';

/** Row types re-exported so consumers import from one module. */
export { K2_SEED_DOCUMENT, type K2Row, type FeatureCondition, type PortsNeedingInput } from './k2-row.js';

/** All K2 rows; rows with two port variants (WinRM) appear once per variant, sharing the seed line. */
export const K2_ROWS: readonly K2Row[] = [...INFRASTRUCTURE_ROWS, ...INTEGRATION_ROWS, ...PLATFORM_ROWS];

const BY_KEY: ReadonlyMap<string, K2Row> = new Map(K2_ROWS.map((r) => [r.key, r]));

/** The row with this key, if any. */
export function k2Row(key: string): K2Row | undefined {
  return BY_KEY.get(key);
}
