/**
 * @fileoverview Option values shared by the commands, and their conversion into API options.
 */
import { AddressSet } from '../model/address-set.js';
import { parseAddressList } from '../model/ip.js';
import { parsePortList, type PortSet } from '../model/port-set.js';
import type { MatchSettings } from '../engine/rule-match.js';
import type { Waiver } from '../waivers/types.js';
import { resolveRequirements } from '../requirements/resolve.js';
import type { Requirement, RequirementSet } from '../requirements/types.js';
import { InputError, UsageError } from './errors.js';
import { readInput } from './io.js';

export interface RequirementArgs {
  readonly profile?: string | undefined;
  readonly feature?: readonly string[] | undefined;
  readonly port?: readonly string[] | undefined;
  readonly requirements?: readonly string[] | undefined;
}

/** Resolves --profile / --feature / --port / --requirements into a requirement set. */
export async function requirementSetFrom(args: RequirementArgs): Promise<RequirementSet> {
  const custom = await customRequirements(args.requirements ?? []);
  const r = resolveRequirements({
    ...(args.profile === undefined ? {} : { profile: args.profile }),
    features: args.feature ?? [],
    ports: args.port ?? [],
    custom,
  });
  if (!r.ok) throw new UsageError(r.error);
  return r.set;
}

/** The requirements of `--requirements` files; the file loader (zod, yaml) is imported only when one is given. */
async function customRequirements(files: readonly string[]): Promise<Requirement[]> {
  if (files.length === 0) return [];
  const { loadRequirementFile } = await import('../requirements/custom-file.js');
  const custom: Requirement[] = [];
  for (const file of files) {
    const text = new TextDecoder('utf-8').decode(readInput(file)).replace(/^\uFEFF/, '');
    const loaded = loadRequirementFile(text, file);
    if (!loaded.ok) throw new InputError(loaded.error);
    custom.push(...loaded.requirements);
  }
  return custom;
}

/** Engine settings from `--iface NAME=CIDR[,CIDR]` and `--rpc-range LO-HI`. */
export function matchSettingsFrom(iface: readonly string[] | undefined, rpcRange: string | undefined): Partial<MatchSettings> {
  const out: { interfaces?: Map<string, AddressSet>; rpcRange?: PortSet } = {};
  if (iface !== undefined && iface.length > 0) {
    const map = new Map<string, AddressSet>();
    for (const spec of iface) {
      const eq = spec.indexOf('=');
      if (eq <= 0) throw new UsageError(`--iface "${spec}": expected NAME=CIDR[,CIDR…], e.g. eth0=10.0.0.0/24`);
      const r = parseAddressList(spec.slice(eq + 1));
      if (!r.ok || r.set.isEmpty()) throw new UsageError(`--iface "${spec}": ${r.ok ? 'no addresses' : r.error}`);
      const name = spec.slice(0, eq).trim();
      map.set(name, (map.get(name) ?? AddressSet.NONE).union(r.set));
    }
    out.interfaces = map;
  }
  if (rpcRange !== undefined) {
    const r = parsePortList(rpcRange);
    if (!r.ok) throw new UsageError(`--rpc-range "${rpcRange}": ${r.error}`);
    out.rpcRange = r.set;
  }
  return out;
}

/** Reads and validates `--waivers` files (the loader, with zod and yaml, is imported on first use). */
export async function waiversFrom(files: readonly string[]): Promise<{ list: Waiver[]; files: string[] }> {
  const list: Waiver[] = [];
  const { loadWaiverFile } = await import('../waivers/load.js');
  for (const file of files) {
    const loaded = loadWaiverFile(new TextDecoder('utf-8').decode(readInput(file)), file);
    if (!loaded.ok) throw new InputError(loaded.error);
    list.push(...loaded.waivers);
  }
  return { list, files: [...files] };
}

/** The report time: --timestamp, else SOURCE_DATE_EPOCH, else now (ISO 8601, UTC). */
export function reportTime(timestamp: string | undefined, env: NodeJS.ProcessEnv): string {
  const raw = timestamp ?? env['SOURCE_DATE_EPOCH'];
  if (raw === undefined || raw === '') return new Date().toISOString();
  const date = /^\d+$/.test(raw) ? new Date(Number(raw) * 1000) : new Date(raw);
  if (Number.isNaN(date.getTime())) throw new UsageError(`invalid time "${raw}" (use ISO 8601 or seconds since 1970)`);
  return date.toISOString();
}

export { toolVersion } from './version.js';
