/**
 * @fileoverview Header names → canonical columns, by alias (case-, space-, `_`- and `-`-insensitive): the firewall
 * console Export List (`Local Port`, `Authorized Users`), Export-FirewallRules / Export-Csv (`LocalPort`,
 * `OverrideBlockRules`), scripts' joins (`Port`), and the native k2audit CSV (`local_ports`, `order`).
 */
import type { WinFieldKey } from '../ps-json/win-fields.js';

/** A mapped column: a rule field, the display name, the native `order`, or a column known and not needed. */
export type ColumnKey = WinFieldKey | 'displayName' | 'order' | 'unused';

const ALIASES: Readonly<Record<string, ColumnKey>> = {
  name: 'name',
  rulename: 'name',
  displayname: 'displayName',
  id: 'id',
  instanceid: 'id',
  ruleid: 'id',
  group: 'group',
  displaygroup: 'group',
  rulegroup: 'group',
  enabled: 'enabled',
  direction: 'direction',
  dir: 'direction',
  action: 'action',
  override: 'override',
  overrideblockrules: 'override',
  profile: 'profile',
  profiles: 'profile',
  protocol: 'protocol',
  localport: 'localPort',
  localports: 'localPort',
  remoteport: 'remotePort',
  remoteports: 'remotePort',
  port: 'port',
  ports: 'port',
  icmptype: 'icmpType',
  icmptypes: 'icmpType',
  localaddress: 'localAddress',
  localaddresses: 'localAddress',
  localip: 'localAddress',
  remoteaddress: 'remoteAddress',
  remoteaddresses: 'remoteAddress',
  remoteip: 'remoteAddress',
  program: 'program',
  applicationname: 'program',
  package: 'package',
  applicationpackage: 'package',
  service: 'service',
  servicename: 'service',
  interfacetype: 'interfaceType',
  interfacetypes: 'interfaceType',
  interfacealias: 'interfaceAlias',
  interface: 'interfaceAlias',
  localuser: 'localUser',
  authorizedlocalprincipals: 'localUser',
  remoteuser: 'remoteUser',
  authorizedusers: 'remoteUser',
  allowedusers: 'remoteUser',
  remotemachine: 'remoteMachine',
  authorizedcomputers: 'remoteMachine',
  allowedcomputers: 'remoteMachine',
  owner: 'owner',
  localuserowner: 'owner',
  authentication: 'authentication',
  encryption: 'encryption',
  policystoresourcetype: 'store',
  policystoresource: 'storeName',
  order: 'order',
  // Known columns that do not change what a rule matches.
  description: 'unused',
  platform: 'unused',
  edgetraversal: 'unused',
  edgetraversalpolicy: 'unused',
  loosesourcemapping: 'unused',
  localonlymapping: 'unused',
  dynamictarget: 'unused',
  status: 'unused',
  primarystatus: 'unused',
  enforcementstatus: 'unused',
  policyappid: 'unused',
  sourcesystem: 'unused',
};

/** Columns of other vendors' exports (PAN-OS, FortiGate, Azure NSG, AWS): a file with any is not a Windows CSV. */
const FOREIGN: ReadonlySet<string> = new Set([
  'location',
  'sourcezone',
  'destinationzone',
  'sourceaddress',
  'destinationaddress',
  'destinationport',
  'srcintf',
  'dstintf',
  'srcaddr',
  'dstaddr',
  'sourceportrange',
  'destinationportrange',
  'sourceaddressprefix',
  'destinationaddressprefix',
  'priority',
  'access',
  'isegress',
  'ipprotocol',
  'fromport',
  'toport',
]);

/** Case-, space- and punctuation-insensitive form of a header cell. */
export function foldHeader(cell: string): string {
  return cell.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The canonical column of a header cell, or undefined for an unknown one. */
export function columnKey(cell: string): ColumnKey | undefined {
  return ALIASES[foldHeader(cell)];
}

/** Whether a header cell belongs to another vendor's export. */
export function isForeignColumn(cell: string): boolean {
  return FOREIGN.has(foldHeader(cell));
}
