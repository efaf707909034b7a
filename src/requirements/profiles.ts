/**
 * @fileoverview Requirement profiles: which K2 rows (and which of their directions) each host role must allow.
 * Role profiles for hosts around the K2 server (sql, client) mirror the K2 server's directions.
 */
import type { Direction } from '../model/rule.js';
import type { K2Row } from './k2-row.js';

/** Names accepted by `--profile`. */
export type ProfileName = 'farm' | 'standalone' | 'sql' | 'client';

/** A profile: its description and the K2-side directions it takes from each row. */
export interface Profile {
  readonly name: ProfileName;
  readonly description: string;
  /** True when the audited host is the K2 server's peer, so directions flip (K2 outbound = peer inbound). */
  readonly mirrored: boolean;
  /** Directions of the row, as seen from the K2 server, that this profile requires (empty: row not used). */
  readonly select: (row: K2Row) => readonly Direction[];
}

/** K2 outbound directions that a standalone server does not need (it talks to no other K2 server). */
const FARM_ONLY_OUTBOUND: ReadonlySet<string> = new Set(['k2-workflow-client', 'k2-host-server']);

/** Picks the given K2-side directions of the named rows only. */
function pick(table: Readonly<Record<string, readonly Direction[]>>): (row: K2Row) => readonly Direction[] {
  return (row) => (table[row.key] ?? []).filter((d) => row.directions.includes(d));
}

/** Profiles in display order. */
export const PROFILES: readonly Profile[] = [
  {
    name: 'farm',
    description:
      'K2 Five server in a farm: K2 platform in and out, infrastructure, integration, K2 database, web, SmartObjects',
    mirrored: false,
    select: (row) => row.directions,
  },
  {
    name: 'standalone',
    description: 'K2 Five standalone server: as farm, without outbound 5252/5555 to other K2 servers',
    mirrored: false,
    select: (row) => row.directions.filter((d) => !(d === 'out' && FARM_ONLY_OUTBOUND.has(row.key))),
  },
  {
    name: 'sql',
    description: 'SQL Server host of the K2 database: inbound 1433 from K2; 5022 in and out with feature alwayson',
    mirrored: true,
    select: pick({ 'sql-k2-db': ['out'], alwayson: ['in', 'out'] }),
  },
  {
    name: 'client',
    description: 'designer or workstation: outbound to the K2 web sites (80/443) and K2 servers (5252/5555)',
    mirrored: true,
    select: pick({
      'k2-web-http': ['in'],
      'k2-web-https': ['in'],
      'k2-workflow-client': ['in'],
      'k2-host-server': ['in'],
    }),
  },
];

/** The profile with this name, if any. */
export function findProfile(name: string): Profile | undefined {
  return PROFILES.find((p) => p.name === name);
}

/** Direction on the audited host for a K2-side direction. */
export function hostDirection(profile: Profile, k2Direction: Direction): Direction {
  if (!profile.mirrored) return k2Direction;
  return k2Direction === 'in' ? 'out' : 'in';
}
