/**
 * @fileoverview Option tables of the iptables match modules and targets (from the iptables 1.8 extensions),
 * so the option reader knows which module an option belongs to and how many values it takes.
 */

/** Number of value arguments an option takes. */
export type Arity = 0 | 1 | 2;

type Table = Readonly<Record<string, Readonly<Record<string, Arity>>>>;

const PORTS: Readonly<Record<string, Arity>> = { '--sport': 1, '--source-port': 1, '--dport': 1, '--destination-port': 1 };

const MATCHES: Table = {
  tcp: { ...PORTS, '--tcp-flags': 2, '--syn': 0, '--tcp-option': 1 },
  udp: PORTS,
  udplite: PORTS,
  sctp: { ...PORTS, '--chunk-types': 2 },
  dccp: { ...PORTS, '--dccp-types': 1, '--dccp-option': 1 },
  icmp: { '--icmp-type': 1 },
  icmp6: { '--icmpv6-type': 1 },
  multiport: { '--sports': 1, '--source-ports': 1, '--dports': 1, '--destination-ports': 1, '--ports': 1 },
  iprange: { '--src-range': 1, '--dst-range': 1 },
  state: { '--state': 1 },
  conntrack: {
    '--ctstate': 1, '--ctproto': 1, '--ctorigsrc': 1, '--ctorigdst': 1, '--ctreplsrc': 1, '--ctrepldst': 1,
    '--ctorigsrcport': 1, '--ctorigdstport': 1, '--ctreplsrcport': 1, '--ctrepldstport': 1, '--ctstatus': 1,
    '--ctexpire': 1, '--ctdir': 1,
  },
  comment: { '--comment': 1 },
  addrtype: { '--src-type': 1, '--dst-type': 1, '--limit-iface-in': 0, '--limit-iface-out': 0 },
  set: {
    '--match-set': 2, '--set': 2, '--return-nomatch': 0, '--update-counters': 0, '--update-subcounters': 0,
    '--packets-eq': 1, '--packets-lt': 1, '--packets-gt': 1, '--bytes-eq': 1, '--bytes-lt': 1, '--bytes-gt': 1,
  },
  rpfilter: { '--loose': 0, '--validmark': 0, '--accept-local': 0, '--invert': 0 },
  pkttype: { '--pkt-type': 1 },
  mac: { '--mac-source': 1 },
  limit: { '--limit': 1, '--limit-burst': 1 },
  hashlimit: {
    '--hashlimit': 1, '--hashlimit-upto': 1, '--hashlimit-above': 1, '--hashlimit-burst': 1, '--hashlimit-mode': 1,
    '--hashlimit-name': 1, '--hashlimit-srcmask': 1, '--hashlimit-dstmask': 1, '--hashlimit-htable-size': 1,
    '--hashlimit-htable-max': 1, '--hashlimit-htable-expire': 1, '--hashlimit-htable-gcinterval': 1,
    '--hashlimit-rate-match': 0, '--hashlimit-rate-interval': 1,
  },
  recent: {
    '--set': 0, '--rcheck': 0, '--update': 0, '--remove': 0, '--seconds': 1, '--reap': 0, '--hitcount': 1,
    '--rttl': 0, '--name': 1, '--rsource': 0, '--rdest': 0, '--mask': 1,
  },
  connlimit: { '--connlimit-upto': 1, '--connlimit-above': 1, '--connlimit-mask': 1, '--connlimit-saddr': 0, '--connlimit-daddr': 0 },
  statistic: { '--mode': 1, '--probability': 1, '--every': 1, '--packet': 1 },
  time: {
    '--datestart': 1, '--datestop': 1, '--timestart': 1, '--timestop': 1, '--monthdays': 1, '--weekdays': 1,
    '--kerneltz': 0, '--localtz': 0, '--utc': 0, '--contiguous': 0,
  },
  string: { '--algo': 1, '--from': 1, '--to': 1, '--string': 1, '--hex-string': 1, '--icase': 0 },
  u32: { '--u32': 1 },
  mark: { '--mark': 1 },
  connmark: { '--mark': 1 },
  owner: {
    '--uid-owner': 1, '--gid-owner': 1, '--socket-exists': 0, '--pid-owner': 1, '--sid-owner': 1, '--cmd-owner': 1,
    '--suppl-groups': 0,
  },
  length: { '--length': 1 },
  ttl: { '--ttl-eq': 1, '--ttl-gt': 1, '--ttl-lt': 1 },
  hl: { '--hl-eq': 1, '--hl-gt': 1, '--hl-lt': 1 },
  physdev: { '--physdev-in': 1, '--physdev-out': 1, '--physdev-is-in': 0, '--physdev-is-out': 0, '--physdev-is-bridged': 0 },
  policy: {
    '--dir': 1, '--pol': 1, '--strict': 0, '--reqid': 1, '--spi': 1, '--proto': 1, '--mode': 1, '--tunnel-src': 1,
    '--tunnel-dst': 1, '--next': 0,
  },
  devgroup: { '--src-group': 1, '--dst-group': 1 },
  helper: { '--helper': 1 },
  realm: { '--realm': 1 },
  quota: { '--quota': 1 },
  tos: { '--tos': 1 },
  dscp: { '--dscp': 1, '--dscp-class': 1 },
  ecn: { '--ecn-tcp-cwr': 0, '--ecn-tcp-ece': 0, '--ecn-ip-ect': 1 },
  tcpmss: { '--mss': 1 },
  connbytes: { '--connbytes': 1, '--connbytes-dir': 1, '--connbytes-mode': 1 },
  esp: { '--espspi': 1 },
  ah: { '--ahspi': 1, '--ahlen': 1, '--ahres': 0 },
  frag: { '--fragid': 1, '--fraglen': 1, '--fragres': 0, '--fragfirst': 0, '--fragmore': 0, '--fraglast': 0 },
  ipv6header: { '--header': 1, '--soft': 0 },
  hbh: { '--hbh-len': 1, '--hbh-opts': 1 },
  dst: { '--dst-len': 1, '--dst-opts': 1 },
  rt: { '--rt-type': 1, '--rt-segsleft': 1, '--rt-len': 1, '--rt-0-res': 0, '--rt-0-addrs': 1, '--rt-0-not-strict': 0 },
  mh: { '--mh-type': 1 },
  eui64: {},
  socket: { '--transparent': 0, '--nowildcard': 0, '--restore-skmark': 0 },
  cgroup: { '--path': 1, '--cgroup': 1 },
  cpu: { '--cpu': 1 },
  nfacct: { '--nfacct-name': 1 },
  connlabel: { '--label': 1, '--set': 0 },
  cluster: { '--cluster-total-nodes': 1, '--cluster-local-node': 1, '--cluster-local-nodemask': 1, '--cluster-hash-seed': 1 },
  osf: { '--genre': 1, '--ttl': 1, '--log': 1 },
  bpf: { '--bytecode': 1, '--object-pinned': 1 },
  ipvs: { '--ipvs': 0, '--vproto': 1, '--vaddr': 1, '--vport': 1, '--vdir': 1, '--vmethod': 1, '--vportctl': 1 },
};

const MARK_OPTS: Readonly<Record<string, Arity>> = { '--set-mark': 1, '--set-xmark': 1, '--and-mark': 1, '--or-mark': 1, '--xor-mark': 1 };

const TARGETS: Table = {
  ACCEPT: {},
  DROP: {},
  RETURN: {},
  QUEUE: {},
  REJECT: { '--reject-with': 1 },
  LOG: {
    '--log-level': 1, '--log-prefix': 1, '--log-tcp-sequence': 0, '--log-tcp-options': 0, '--log-ip-options': 0,
    '--log-uid': 0, '--log-macdecode': 0,
  },
  NFLOG: { '--nflog-group': 1, '--nflog-prefix': 1, '--nflog-range': 1, '--nflog-size': 1, '--nflog-threshold': 1 },
  ULOG: { '--ulog-nlgroup': 1, '--ulog-prefix': 1, '--ulog-cprange': 1, '--ulog-qthreshold': 1 },
  MARK: MARK_OPTS,
  CONNMARK: { ...MARK_OPTS, '--save-mark': 0, '--restore-mark': 0, '--nfmask': 1, '--ctmask': 1, '--mask': 1 },
  CT: { '--notrack': 0, '--helper': 1, '--ctevents': 1, '--expevents': 1, '--zone': 1, '--zone-orig': 1, '--zone-reply': 1, '--timeout': 1 },
  NOTRACK: {},
  CHECKSUM: { '--checksum-fill': 0 },
  TCPMSS: { '--set-mss': 1, '--clamp-mss-to-pmtu': 0 },
  TRACE: {},
  AUDIT: { '--type': 1 },
  SET: { '--add-set': 2, '--del-set': 2, '--map-set': 2, '--exist': 0, '--timeout': 1, '--map-mark': 0, '--map-prio': 0, '--map-queue': 0 },
  CLASSIFY: { '--set-class': 1 },
  DSCP: { '--set-dscp': 1, '--set-dscp-class': 1 },
  TOS: { '--set-tos': 1, '--and-tos': 1, '--or-tos': 1, '--xor-tos': 1 },
  TTL: { '--ttl-set': 1, '--ttl-dec': 1, '--ttl-inc': 1 },
  HL: { '--hl-set': 1, '--hl-dec': 1, '--hl-inc': 1 },
  CONNSECMARK: { '--save': 0, '--restore': 0 },
  SECMARK: { '--selctx': 1 },
  IDLETIMER: { '--timeout': 1, '--label': 1 },
  TEE: { '--gateway': 1 },
  NFQUEUE: { '--queue-num': 1, '--queue-balance': 1, '--queue-bypass': 0, '--fail-open': 0, '--queue-cpu-fanout': 0 },
  DNAT: { '--to-destination': 1, '--random': 0, '--random-fully': 0, '--persistent': 0 },
  SNAT: { '--to-source': 1, '--random': 0, '--random-fully': 0, '--persistent': 0 },
  MASQUERADE: { '--to-ports': 1, '--random': 0, '--random-fully': 0 },
  REDIRECT: { '--to-ports': 1, '--random': 0 },
  NETMAP: { '--to': 1 },
};

const matchMap = new Map(Object.entries(MATCHES).map(([k, v]) => [k, new Map(Object.entries(v))]));
const targetMap = new Map(Object.entries(TARGETS).map(([k, v]) => [k, new Map(Object.entries(v))]));

/** Options of a known match module, or undefined for an unknown module. */
export function matchOptions(module: string): ReadonlyMap<string, Arity> | undefined {
  return matchMap.get(module);
}

/** Options of a known target, or undefined for a user chain or an unknown target. */
export function targetOptions(target: string): ReadonlyMap<string, Arity> | undefined {
  return targetMap.get(target);
}

/** Whether `name` is a target extension iptables knows (as opposed to a chain name). */
export function isKnownTarget(name: string): boolean {
  return targetMap.has(name);
}

/** The match a protocol loads implicitly when one of its options appears (`-p tcp --dport 22`). */
export function protocolModule(protocol: string): string | undefined {
  switch (protocol) {
    case 'tcp':
    case '6':
      return 'tcp';
    case 'udp':
    case '17':
      return 'udp';
    case 'udplite':
    case '136':
      return 'udplite';
    case 'sctp':
    case '132':
      return 'sctp';
    case 'dccp':
    case '33':
      return 'dccp';
    case 'icmp':
    case '1':
      return 'icmp';
    case 'icmpv6':
    case 'ipv6-icmp':
    case 'icmp6':
    case '58':
      return 'icmp6';
    default:
      return undefined;
  }
}
