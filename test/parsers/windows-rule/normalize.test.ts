import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Diagnostic } from '../../../src/model/diagnostic.js';
import { parseAddressList } from '../../../src/model/ip.js';
import { ports } from '../../../src/model/port-set.js';
import { ANY_PROTOCOL, protocols } from '../../../src/model/protocol.js';
import type { Rule } from '../../../src/model/rule.js';
import { normalizeRuleString } from '../../../parsers/windows-rule/normalize.js';
import { codes, conditionTexts, describe } from './helpers.js';

/** Normalizes one rule string; returns the rule, the diagnostics and the uncertain flag. */
function norm(text: string, store: 'local' | 'gpo' = 'local'): { rule: Rule; diags: Diagnostic[]; uncertain: boolean } {
  const diags: Diagnostic[] = [];
  const r = normalizeRuleString(text, { id: 'id1', source: { file: 'f.reg', line: 7, vendorId: 'id1' }, store, raw: text }, diags);
  return { rule: r.rule, diags, uncertain: r.uncertain };
}

test('a rule with only LPort2_10=49152-65535 opens exactly 49152-65535, never any port', () => {
  const { rule, diags, uncertain } = norm('v2.30|Action=Allow|Active=TRUE|Dir=In|Protocol=6|LPort2_10=49152-65535|');
  assert.ok(rule.localPorts.set.equals(ports([49152, 65535])));
  assert.not.ok(rule.localPorts.set.isFull());
  assert.equal(rule.localPorts.keywords, []);
  assert.ok(rule.remotePorts.set.isFull());
  assert.equal(rule.conditions, []);
  assert.equal(diags, []);
  assert.is(uncertain, false);
});

test('RPort2_10 ranges and repeated, interleaved port keys are unioned per side', () => {
  const { rule } = norm('v2.20|Action=Allow|Active=TRUE|Dir=Out|Protocol=6|RPort=135|RPort=5985|RPort2_10=49152-65535|LPort=1|LPort2_10=10-20|');
  assert.ok(rule.remotePorts.set.equals(ports(135, 5985, [49152, 65535])));
  assert.ok(rule.localPorts.set.equals(ports(1, [10, 20])));
});

test('core fields: id, name, source, store, raw, action/active/dir, repeated Profile, protocol', () => {
  const text = 'v2.30|Action=ByPass|Active=FALSE|Dir=Out|Profile=Private|Profile=Public|Protocol=17|RPort=53|Name=DNS out|';
  const { rule } = norm(text, 'gpo');
  assert.is(rule.id, 'id1');
  assert.is(rule.name, 'DNS out');
  assert.equal(rule.source, { file: 'f.reg', line: 7, vendorId: 'id1' });
  assert.is(rule.store, 'gpo');
  assert.is(rule.raw, text);
  assert.is(describe(rule), 'out bypass udp local any remote-port 53 from any [private,public] off');
  assert.is(norm('v2.30|Action=Block|Active=TRUE|Dir=In|').rule.action, 'block');
});

test('absent keys mean any: no Profile = all profiles, no Protocol = any, no ports or addresses = any; Protocol=256 = any', () => {
  const { rule } = norm('v2.30|Action=Allow|Active=TRUE|Dir=In|');
  assert.is(describe(rule), 'in allow any local any remote-port any from any [domain,private,public]');
  assert.is(rule.name, 'id1', 'no Name: the id');
  assert.ok(norm('v2.30|Action=Allow|Active=TRUE|Dir=In|Protocol=256|').rule.protocols.equals(ANY_PROTOCOL));
  assert.ok(norm('v2.30|Action=Allow|Active=TRUE|Dir=In|Protocol=47|').rule.protocols.equals(protocols(47)));
});

test('addresses: dotted mask equals prefix, ranges, RA6, LA4/LA6 local, keywords become symbols', () => {
  const { rule } = norm('v2.30|Action=Allow|Active=TRUE|Dir=In|RA4=10.0.0.0/255.0.0.0|RA4=192.168.1.0/24|RA4=172.16.0.1-172.16.0.9|RA6=fd00::/8|LA4=10.1.1.1|LA6=fe80::/64|');
  const want = parseAddressList('10.0.0.0/8,192.168.1.0/24,172.16.0.1-172.16.0.9,fd00::/8');
  assert.ok(want.ok && rule.remoteAddresses.set.equals(want.set));
  const local = parseAddressList('10.1.1.1,fe80::/64');
  assert.ok(local.ok && rule.localAddresses.set.equals(local.set));
  const kw = norm('v2.30|Action=Allow|Active=TRUE|Dir=In|RA4=LocalSubnet|RA6=LocalSubnet|RA4=DNS|RA4=DHCP|RA4=WINS|RA4=DefaultGateway|').rule;
  assert.equal(kw.remoteAddresses.symbols, ['LocalSubnet', 'DNS', 'DHCP', 'WINS', 'DefaultGateway']);
  assert.ok(kw.remoteAddresses.set.isEmpty());
});

test('RA42/RA62 keywords (IntrAnet, RmtIntrAnet, IntErnet, Ply2Renders) become symbols', () => {
  const { rule, diags } = norm('v2.30|Action=Allow|Active=TRUE|Dir=In|RA42=IntrAnet|RA62=IntrAnet|RA42=RmtIntrAnet|RA42=IntErnet|RA62=Ply2Renders|');
  assert.equal(rule.remoteAddresses.symbols, ['Intranet', 'RmtIntranet', 'Internet', 'Ply2Renders']);
  assert.equal(diags, []);
});

test('port keywords stay symbolic: RPC, RPC-EPMap, Teredo, IPHTTPSIn, IPTLSIn/IPTLSOut, Ply2Disc', () => {
  const { rule } = norm('v2.30|Action=Allow|Active=TRUE|Dir=In|Protocol=6|LPort=RPC|LPort=RPC-EPMap|LPort2_10=IPHTTPSIn|LPort2_10=IPTLSIn|LPort2_20=Ply2Disc|LPort=Teredo|RPort2_10=IPTLSOut|');
  assert.equal(rule.localPorts.keywords, ['RPC', 'RPC-EPMap', 'IPHTTPS', 'PlayToDiscovery', 'Teredo']);
  assert.ok(rule.localPorts.set.isEmpty());
  assert.equal(rule.remotePorts.keywords, ['IPHTTPS']);
});

test('an unknown port keyword is a warning, keyword Other and a condition (upper bound any)', () => {
  const { rule, diags, uncertain } = norm('v2.30|Action=Allow|Active=TRUE|Dir=In|Protocol=6|LPort2_29=Cortana|LPort=80|');
  assert.equal(rule.localPorts.keywords, ['Other']);
  assert.ok(rule.localPorts.set.equals(ports(80)));
  assert.equal(codes(diags), ['WINRULE_UNKNOWN_PORT_KEYWORD@7']);
  assert.ok(uncertain);
  assert.equal(conditionTexts(rule), ['other: unknown local port keyword "Cortana"']);
});

test('ICMP type:code on an ICMP rule → one condition; on a TCP rule → ignored with an info', () => {
  const icmp = norm('v2.30|Action=Allow|Active=TRUE|Dir=In|Protocol=1|ICMP4=8:*|ICMP4=3:4|');
  assert.equal(conditionTexts(icmp.rule), ['other: icmp type 8 code Any, type 3 code 4']);
  assert.ok(icmp.rule.localPorts.set.isFull());
  const v6 = norm('v2.30|Action=Allow|Active=TRUE|Dir=In|Protocol=58|ICMP6=128:*|');
  assert.equal(conditionTexts(v6.rule), ['other: icmp type 128 code Any']);
  const tcp = norm('v2.30|Action=Allow|Active=TRUE|Dir=In|Protocol=6|LPort=80|ICMP4=8:*|');
  assert.equal(tcp.rule.conditions, []);
  assert.equal(codes(tcp.diags), ['WINRULE_FIELD_NOT_APPLICABLE@7']);
  assert.is(tcp.uncertain, false);
});

test('port keys on a non-TCP/UDP rule narrow nothing (info); without any protocol they are kept but uncertain', () => {
  const gre = norm('v2.30|Action=Allow|Active=TRUE|Dir=In|Protocol=47|LPort=80|');
  assert.ok(gre.rule.localPorts.set.isFull());
  assert.equal(codes(gre.diags), ['WINRULE_FIELD_NOT_APPLICABLE@7']);
  const none = norm('v2.30|Action=Allow|Active=TRUE|Dir=In|LPort=80|');
  assert.ok(none.rule.localPorts.set.equals(ports(80)));
  assert.equal(codes(none.diags), ['WINRULE_PORTS_WITHOUT_PROTOCOL@7']);
  assert.equal(conditionTexts(none.rule), ['other: ports without TCP/UDP protocol']);
});

test('scope keys become conditions of their kind; App=Any, IFType=All and Security=NotRequired narrow nothing', () => {
  const { rule, diags } = norm(
    'v2.30|Action=Allow|Active=TRUE|Dir=In|App=C:\\k2\\K2HostServer.exe|Svc=K2Server|PFN=Contoso.App_8wekyb3d8bbwe|AppPkgId=S-1-15-2-1|' +
      'IF={11111111-2222-3333-4444-555555555555}|IFType=Lan|IFType=Wireless|Security=Authenticate|Security2_9=An-NoEncap|' +
      'LUAuth=O:LSD:(A;;CC;;;S-1-5-84)|RUAuth=O:LSD:(A;;CC;;;S-1-1-0)|RMAuth=O:LSD:(A;;CC;;;S-1-5-11)|LUOwn=S-1-5-21-1|TTK=ProxSharing|TTK2_22=WFDPrint|',
  );
  assert.equal(conditionTexts(rule), [
    'program: program C:\\k2\\K2HostServer.exe',
    'service: service K2Server',
    'package: package family Contoso.App_8wekyb3d8bbwe',
    'package: app package S-1-15-2-1',
    'interface: interface {11111111-2222-3333-4444-555555555555}',
    'interface-type: interface type Lan, Wireless',
    'security: security Authenticate',
    'security: security An-NoEncap',
    'user: local user authorization O:LSD:(A;;CC;;;S-1-5-84)',
    'user: remote user authorization O:LSD:(A;;CC;;;S-1-1-0)',
    'user: remote machine authorization O:LSD:(A;;CC;;;S-1-5-11)',
    'user: local user owner S-1-5-21-1',
    'other: trust tuple ProxSharing',
    'other: trust tuple WFDPrint',
  ]);
  assert.equal(diags, []);
  assert.equal(norm('v2.30|Action=Allow|Active=TRUE|Dir=In|App=Any|IFType=All|Security=NotRequired|Svc=Any|').rule.conditions, []);
});

test('Svc=* means "services only": a service condition, not "any"', () => {
  assert.equal(conditionTexts(norm('v2.30|Action=Allow|Active=TRUE|Dir=In|Svc=*|').rule), ['service: service * (services only)']);
});

test('Name/Desc/EmbedCtxt/Edge/Defer/Platform/LSM never narrow; an unknown key is an info and stays in raw', () => {
  const text = 'v2.33|Action=Allow|Active=TRUE|Dir=In|Name=n|Desc=d|EmbedCtxt=@FirewallAPI.dll,-28502|Edge=TRUE|Defer=App|Platform=2:6:2|Platform2=GTEQ|LSM=TRUE|FutureKey=1|';
  const { rule, diags, uncertain } = norm(text);
  assert.equal(rule.conditions, []);
  assert.equal(codes(diags), ['WINRULE_UNKNOWN_KEY@7']);
  assert.is(diags[0]?.severity, 'info');
  assert.ok(rule.raw.includes('FutureKey=1'));
  assert.is(uncertain, false);
});

test('an unknown key of a narrowing family (newer variant) is a warning and a condition', () => {
  const { rule, diags } = norm('v2.33|Action=Allow|Active=TRUE|Dir=In|IFType3=Lan|');
  assert.equal(codes(diags), ['WINRULE_UNKNOWN_NARROWING_KEY@7']);
  assert.is(diags[0]?.severity, 'warning');
  assert.equal(conditionTexts(rule), ['other: unknown field IFType3=Lan']);
});

test('invalid values are errors; the rule is kept, uncertain, with the widest value for the field', () => {
  const cases: [string, string, string, (r: Rule) => boolean][] = [
    ['Protocol=6|LPort=70000|', 'WINRULE_INVALID_PORT', 'other: unreadable local port "70000"', (r) => r.localPorts.set.isFull()],
    ['Protocol=6|RPort=1-x|', 'WINRULE_INVALID_PORT', 'other: unreadable remote port "1-x"', (r) => r.remotePorts.set.isFull()],
    ['Protocol=tpc|', 'WINRULE_INVALID_PROTOCOL', 'other: unreadable protocol "tpc"', (r) => r.protocols.isFull()],
    ['RA4=300.1.1.1|', 'WINRULE_INVALID_ADDRESS', 'other: unreadable remote address "300.1.1.1"', (r) => r.remoteAddresses.set.isAny()],
    ['LA4=10.0.0.0/33|', 'WINRULE_INVALID_ADDRESS', 'other: unreadable local address "10.0.0.0/33"', (r) => r.localAddresses.set.isAny()],
    ['Profile=Work|', 'WINRULE_INVALID_VALUE', 'other: unreadable profile "Work"', (r) => r.profiles.length === 3],
    ['Protocol=1|ICMP4=300:0|', 'WINRULE_INVALID_ICMP', 'other: unreadable icmp type "300:0"', (r) => r.protocols.equals(protocols(1))],
  ];
  for (const [extra, code, condition, widest] of cases) {
    const { rule, diags, uncertain } = norm(`v2.30|Action=Allow|Active=TRUE|Dir=In|${extra}`);
    assert.equal(codes(diags), [`${code}@7`], extra);
    assert.is(diags[0]?.severity, 'error', extra);
    assert.equal(conditionTexts(rule), [condition], extra);
    assert.ok(uncertain, extra);
    assert.ok(widest(rule), `${extra} widest`);
  }
});

test('missing or unreadable Action/Active/Dir: error, fallback (allow / enabled / in) and a condition', () => {
  const missing = norm('v2.30|Protocol=6|');
  assert.equal(codes(missing.diags), ['WINRULE_MISSING_FIELD@7', 'WINRULE_MISSING_FIELD@7', 'WINRULE_MISSING_FIELD@7']);
  assert.is(describe(missing.rule), 'in allow tcp local any remote-port any from any [domain,private,public]');
  assert.equal(conditionTexts(missing.rule), ['other: missing active', 'other: missing dir', 'other: missing action']);
  const bad = norm('v2.30|Action=Maybe|Active=yes|Dir=Sideways|');
  assert.equal(conditionTexts(bad.rule), ['other: unreadable active "yes"', 'other: unreadable dir "Sideways"', 'other: unreadable action "Maybe"']);
});

test('a single-valued key given twice with different values: warning, the first is used', () => {
  const { rule, diags } = norm('v2.30|Action=Allow|Action=Block|Active=TRUE|Dir=In|');
  assert.is(rule.action, 'allow');
  assert.equal(codes(diags), ['WINRULE_DUPLICATE_FIELD@7']);
  assert.equal(conditionTexts(rule), ['other: conflicting Action values "Allow", "Block"']);
  assert.equal(norm('v2.30|Action=Allow|Action=allow|Active=TRUE|Dir=In|').diags, []);
});

test('versions: missing → info; a 3.x grammar → warning + condition; malformed field → error', () => {
  assert.equal(codes(norm('Action=Allow|Active=TRUE|Dir=In|').diags), ['WINRULE_MISSING_VERSION@7']);
  const v3 = norm('v3.0|Action=Allow|Active=TRUE|Dir=In|');
  assert.equal(codes(v3.diags), ['WINRULE_UNKNOWN_VERSION@7']);
  assert.equal(conditionTexts(v3.rule), ['other: rule version "v3.0"']);
  const junk = norm('v2.30|Action=Allow|Active=TRUE|Dir=In|junk|');
  assert.equal(codes(junk.diags), ['WINRULE_MALFORMED_FIELD@7']);
  assert.equal(conditionTexts(junk.rule), ['other: unreadable field "junk"']);
});

test.run();
