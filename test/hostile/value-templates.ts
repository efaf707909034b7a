/**
 * @fileoverview One tiny rule template per text format with ports and addresses, for the invalid-values tests: a rule
 * allowing TCP to a local port from a remote address, and the lines where the port and the address land.
 */

/** One format: how to write a rule with the given local port and remote address, and the lines they land on. */
export interface Template {
  readonly format: string;
  readonly file: string;
  /** Port range separator of the format. */
  readonly rangeSep: string;
  render(port: string, addr: string | undefined): string;
  readonly portLine: number;
  readonly addrLine: number;
  /** Where a reversed address range is written differently (iptables needs the iprange module). */
  renderRange?(range: string): string;
  readonly rangeLine?: number;
}

const NETSH: Template = {
  format: 'netsh',
  file: 'hostile.netsh.txt',
  rangeSep: '-',
  render: (port, addr) =>
    [
      'Rule Name:                            Hostile value',
      '----------------------------------------------------------------------',
      'Enabled:                              Yes',
      'Direction:                            In',
      'Profiles:                             Domain,Private,Public',
      'Grouping:                             K2',
      'LocalIP:                              Any',
      `RemoteIP:                             ${addr ?? 'Any'}`,
      'Protocol:                             TCP',
      `LocalPort:                            ${port}`,
      'RemotePort:                           Any',
      'Edge traversal:                       No',
      'Action:                               Allow',
      '',
      'Ok.',
      '',
    ].join('\r\n'),
  portLine: 10,
  addrLine: 8,
};

const IPTABLES: Template = {
  format: 'iptables-save',
  file: 'hostile.iptables-save',
  rangeSep: ':',
  render: (port, addr) =>
    ['*filter', ':INPUT DROP [0:0]', ':FORWARD DROP [0:0]', ':OUTPUT ACCEPT [0:0]', `-A INPUT${addr === undefined ? '' : ` -s ${addr}`} -p tcp -m tcp --dport ${port} -j ACCEPT`, 'COMMIT', ''].join('\n'),
  portLine: 5,
  addrLine: 5,
  renderRange: (range) => ['*filter', ':INPUT DROP [0:0]', ':OUTPUT ACCEPT [0:0]', `-A INPUT -p tcp -m iprange --src-range ${range} -m tcp --dport 5555 -j ACCEPT`, 'COMMIT', ''].join('\n'),
  rangeLine: 4,
};

const REG: Template = {
  format: 'reg',
  file: 'hostile.reg',
  rangeSep: '-',
  render: (port, addr) =>
    [
      'Windows Registry Editor Version 5.00',
      '',
      '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\SharedAccess\\Parameters\\FirewallPolicy\\FirewallRules]',
      `"hostile"="v2.30|Action=Allow|Active=TRUE|Dir=In|Protocol=6|${port.includes('-') ? 'LPort2_10' : 'LPort'}=${port}|${addr === undefined ? '' : `RA4=${addr}|`}Name=hostile|"`,
      '',
    ].join('\r\n'),
  portLine: 4,
  addrLine: 4,
};

const PS_JSON: Template = {
  format: 'ps-json',
  file: 'hostile.ps.json',
  rangeSep: '-',
  render: (port, addr) =>
    [
      '[',
      '  {',
      '    "Name": "hostile",',
      '    "DisplayName": "Hostile value",',
      '    "Enabled": "True",',
      '    "Direction": "Inbound",',
      '    "Action": "Allow",',
      '    "Profile": "Any",',
      '    "PolicyStoreSourceType": "Local",',
      '    "Protocol": "TCP",',
      `    "LocalPort": "${port}",`,
      '    "RemotePort": "Any",',
      '    "LocalAddress": "Any",',
      `    "RemoteAddress": "${addr ?? 'Any'}"`,
      '  }',
      ']',
      '',
    ].join('\n'),
  portLine: 11,
  addrLine: 14,
};

const CSV: Template = {
  format: 'csv',
  file: 'hostile.csv',
  rangeSep: '-',
  render: (port, addr) =>
    ['order,name,enabled,direction,action,protocol,local_ports,remote_ports,local_addresses,remote_addresses,interface,profile', `10,hostile,yes,in,allow,tcp,${port},,,${addr ?? ''},,domain`, ''].join('\n'),
  portLine: 2,
  addrLine: 2,
};

const GPO_XML: Template = {
  format: 'gpo-xml',
  file: 'hostile.gpo.xml',
  rangeSep: '-',
  render: (port, addr) =>
    [
      '<?xml version="1.0" encoding="utf-8"?>',
      '<GPO xmlns="http://www.microsoft.com/GroupPolicy/Settings">',
      '  <Computer>',
      '    <ExtensionData>',
      '      <Extension xmlns:q1="http://www.microsoft.com/GroupPolicy/Settings/WindowsFirewall">',
      '        <q1:InboundFirewallRules>',
      '          <q1:Version>2.20</q1:Version>',
      '          <q1:Action>Allow</q1:Action>',
      '          <q1:Name>hostile</q1:Name>',
      '          <q1:Dir>In</q1:Dir>',
      `          <q1:LPort>${port}</q1:LPort>`,
      addr === undefined ? '' : `          <q1:RA4>${addr}</q1:RA4>`,
      '          <q1:Protocol>6</q1:Protocol>',
      '          <q1:Active>true</q1:Active>',
      '        </q1:InboundFirewallRules>',
      '      </Extension>',
      '    </ExtensionData>',
      '  </Computer>',
      '</GPO>',
      '',
    ].join('\n'),
  portLine: 11,
  addrLine: 12,
};

const NFT: Template = {
  format: 'nft',
  file: 'hostile.nft',
  rangeSep: '-',
  render: (port, addr) =>
    ['table ip filter {', '\tchain input {', '\t\ttype filter hook input priority filter; policy drop;', `\t\t${addr === undefined ? '' : `ip saddr ${addr} `}tcp dport ${port} accept`, '\t}', '}', ''].join('\n'),
  portLine: 4,
  addrLine: 4,
};

export const TEMPLATES: readonly Template[] = [NETSH, IPTABLES, REG, PS_JSON, CSV, GPO_XML, NFT];
