/**
 * @fileoverview `--port name=PORTS` overrides: the valid names (derived from the K2 rows) and their parsing.
 */
import { formatPorts, parsePortList, type PortSet } from '../model/port-set.js';
import { K2_ROWS } from './k2-rows.js';

/** What `k2audit profiles` shows about an override name. */
export interface PortNameInfo {
  readonly name: string;
  /** Default ports as text (`1433`), or `-` when the user must supply them. */
  readonly defaultPorts: string;
  /** Keys of the K2 rows whose ports it replaces. */
  readonly rows: readonly string[];
}

/** Override names, sorted. */
export const PORT_NAMES: readonly PortNameInfo[] = derivePortNames();

const VALID = new Set(PORT_NAMES.map((p) => p.name));

/** Override name → replacement ports. */
export type PortOverrides = ReadonlyMap<string, PortSet>;
/** The parsed overrides, or one error line. */
export type PortOverrideResult = { ok: true; overrides: PortOverrides } | { ok: false; error: string };

/** Parses `--port` arguments such as `sql=1533`, `web-https=8443,9443`, `custom-broker=7000-7010`. */
export function parsePortOverrides(args: readonly string[]): PortOverrideResult {
  const overrides = new Map<string, PortSet>();
  for (const arg of args) {
    const eq = arg.indexOf('=');
    if (eq <= 0) return { ok: false, error: `--port "${arg}": expected name=PORTS (e.g. sql=1533)` };
    const name = arg.slice(0, eq).trim().toLowerCase();
    if (!VALID.has(name)) return { ok: false, error: `unknown port name "${name}"; names: ${[...VALID].join(', ')}` };
    if (overrides.has(name)) return { ok: false, error: `--port ${name} given more than once` };
    const parsed = parsePortList(arg.slice(eq + 1));
    if (!parsed.ok) return { ok: false, error: `--port ${arg.trim()}: ${parsed.error}` };
    overrides.set(name, parsed.set);
  }
  return { ok: true, overrides };
}

function derivePortNames(): PortNameInfo[] {
  const groups = new Map<string, { rows: string[]; ports: PortSet | undefined }>();
  for (const row of K2_ROWS) {
    if (row.portName === undefined) continue;
    const g = groups.get(row.portName) ?? { rows: [], ports: undefined };
    g.rows.push(row.key);
    if (typeof row.ports !== 'string') g.ports = g.ports === undefined ? row.ports : g.ports.union(row.ports);
    groups.set(row.portName, g);
  }
  return [...groups]
    .map(([name, g]) => ({ name, defaultPorts: g.ports === undefined ? '-' : formatPorts(g.ports), rows: g.rows }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}
