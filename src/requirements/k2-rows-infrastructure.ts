/**
 * @fileoverview K2 port reference rows of category Infrastructure (seed 000, lines 9–28), one entry per row
 * (per port variant where a row names two).
 */
import { ports } from '../model/port-set.js';
import { k2Seed, type K2Row } from './k2-row.js';

const CATEGORY = 'Infrastructure';

/** Seed 000 rows 9–28. */
export const INFRASTRUCTURE_ROWS: readonly K2Row[] = [
  {
    key: 'smtp', category: CATEGORY, portsText: '25', ports: ports(25),
    directions: ['out'], protocols: ['tcp'], protocolText: 'TCP',
    component: 'SMTP (workflow email)', portName: 'smtp', condition: { feature: 'email', values: ['smtp'] },
    note: 'SMTP, used for workflow emails and notifications.',
    seed: k2Seed(9, 'Infrastructure 25 Outbound TCP SMTP, used for workflow emails and notifications.'),
  },
  {
    key: 'dns', category: CATEGORY, portsText: '53', ports: ports(53),
    directions: ['out'], protocols: ['tcp', 'udp'], protocolText: 'TCP + UDP',
    component: 'DNS',
    note: 'DNS and DNS-UDP. User and Computer Authentication, Name Resolution, Trusts',
    seed: k2Seed(10, 'Infrastructure 53 Outbound TCP + UDP DNS and DNS-UDP. User and Computer Authentication, Name Resolution, Trusts'),
  },
  {
    key: 'kerberos', category: CATEGORY, portsText: '88', ports: ports(88),
    directions: ['out'], protocols: ['tcp', 'udp'], protocolText: 'TCP + UDP',
    component: 'Kerberos',
    note: 'Kerberos and Kerberos-UDP (Authentication), User and Computer Authentication, Forest Level Trusts',
    seed: k2Seed(11, 'Infrastructure 88 Outbound TCP + UDP Kerberos and Kerberos-UDP (Authentication), User and Computer Authentication, Forest Level Trusts'),
  },
  {
    key: 'windows-time', category: CATEGORY, portsText: '123', ports: ports(123),
    directions: ['out'], protocols: ['udp'], protocolText: 'UDP',
    component: 'Windows Time',
    note: 'WinTime (Windows Time Service)',
    seed: k2Seed(12, 'Infrastructure 123 Outbound UDP WinTime (Windows Time Service)'),
  },
  {
    key: 'rpc-epm', category: CATEGORY, portsText: '135', ports: ports(135),
    directions: ['out'], protocols: ['tcp'], protocolText: 'TCP',
    component: 'RPC endpoint mapper',
    note: 'RP, EPM. Replication',
    seed: k2Seed(13, 'Infrastructure 135 Outbound TCP RP, EPM. Replication'),
  },
  {
    key: 'netbios-name', category: CATEGORY, portsText: '137', ports: ports(137),
    directions: ['out'], protocols: ['udp'], protocolText: 'UDP',
    component: 'NetBIOS name service',
    note: 'NetLogon-UDP. AD User and Computer Authentication. NetLogon, NetBIOS Name Resolution',
    seed: k2Seed(14, 'Infrastructure 137 Outbound UDP NetLogon-UDP. AD User and Computer Authentication. NetLogon, NetBIOS Name Resolution'),
  },
  {
    key: 'netbios-datagram', category: CATEGORY, portsText: '138', ports: ports(138),
    directions: ['out'], protocols: ['udp'], protocolText: 'UDP',
    component: 'NetBIOS datagram service',
    note: 'DFSN, Group Policy. DFSN, NetLogon, NetBIOS Datagram Service',
    seed: k2Seed(15, 'Infrastructure 138 Outbound UDP DFSN, Group Policy. DFSN, NetLogon, NetBIOS Datagram Service'),
  },
  {
    key: 'netbios-session', category: CATEGORY, portsText: '139', ports: ports(139),
    directions: ['out'], protocols: ['tcp'], protocolText: 'TCP',
    component: 'NetBIOS session service',
    note: 'NetLogon-TCP. User and Computer Authentication, Replication. DFSN, NetBIOS Session Service, NetLogon',
    seed: k2Seed(16, 'Infrastructure 139 Outbound TCP NetLogon-TCP. User and Computer Authentication, Replication. DFSN, NetBIOS Session Service, NetLogon'),
  },
  {
    key: 'ldap', category: CATEGORY, portsText: '389', ports: ports(389),
    directions: ['in', 'out'], protocols: ['tcp', 'udp'], protocolText: 'TCP + UDP',
    component: 'LDAP (Active Directory)',
    note: 'LDAP and LDAP-UDP (Active Directory). Directory, Replication, User and Computer Authentication, Group Policy, Trusts',
    seed: k2Seed(17, 'Infrastructure 389 Inbound + Outbound TCP + UDP LDAP and LDAP-UDP (Active Directory). Directory, Replication, User and Computer Authentication, Group Policy, Trusts'),
  },
  {
    key: 'smb', category: CATEGORY, portsText: '445', ports: ports(445),
    directions: ['out'], protocols: ['tcp', 'udp'], protocolText: 'TCP + UDP',
    component: 'SMB',
    note: 'SMB (File Transfer),CIFS,SMB2, DFSN, LSARPC, NbtSS, NetLogonR, SamR, SrvSvc. Replication, User and Computer Authentication, Group Policy, Trusts',
    seed: k2Seed(18, 'Infrastructure 445 Outbound TCP + UDP SMB (File Transfer),CIFS,SMB2, DFSN, LSARPC, NbtSS, NetLogonR, SamR, SrvSvc. Replication, User and Computer Authentication, Group Policy, Trusts'),
  },
  {
    key: 'kpasswd', category: CATEGORY, portsText: '464', ports: ports(464),
    directions: ['out'], protocols: ['tcp', 'udp'], protocolText: 'TCP + UDP',
    component: 'Kerberos password change',
    note: 'PWChange, PWChange-UDP (Password Change)',
    seed: k2Seed(19, 'Infrastructure 464 Outbound TCP + UDP PWChange, PWChange-UDP (Password Change)'),
  },
  {
    key: 'msa', category: CATEGORY, portsText: '587', ports: ports(587),
    directions: ['out'], protocols: ['tcp'], protocolText: 'TCP',
    component: 'MSA (secured workflow email)', portName: 'msa', condition: { feature: 'email', values: ['msa'] },
    note: 'MSA Microsoft Secured Email, used for workflow emails and notifications.',
    seed: k2Seed(20, 'Infrastructure 587 Outbound TCP MSA Microsoft Secured Email, used for workflow emails and notifications.'),
  },
  {
    key: 'ldaps', category: CATEGORY, portsText: '636', ports: ports(636),
    directions: ['in', 'out'], protocols: ['tcp', 'udp'], protocolText: 'TCP + UDP',
    component: 'LDAP over SSL (Active Directory)',
    note: 'LDAP-SSL (Active Directory). Directory, Replication, User and Computer Authentication, Group Policy, Trusts',
    seed: k2Seed(21, 'Infrastructure 636 Inbound + Outbound TCP + UDP LDAP-SSL (Active Directory). Directory, Replication, User and Computer Authentication, Group Policy, Trusts'),
  },
  {
    key: 'ldap-gc', category: CATEGORY, portsText: '3268', ports: ports(3268),
    directions: ['out'], protocols: ['tcp'], protocolText: 'TCP',
    component: 'LDAP global catalog',
    note: 'LDAP-GC (Active Directory). Directory, Replication, User and Computer Authentication, Group Policy, Trusts',
    seed: k2Seed(22, 'Infrastructure 3268 Outbound TCP LDAP-GC (Active Directory). Directory, Replication, User and Computer Authentication, Group Policy, Trusts'),
  },
  {
    key: 'ldap-gc-ssl', category: CATEGORY, portsText: '3269', ports: ports(3269),
    directions: ['out'], protocols: ['tcp'], protocolText: 'TCP',
    component: 'LDAP global catalog over SSL',
    note: 'LDAP-GC-SSL (Active Directory). Directory, Replication, User and Computer Authentication, Group Policy, Trusts',
    seed: k2Seed(23, 'Infrastructure 3269 Outbound TCP LDAP-GC-SSL (Active Directory). Directory, Replication, User and Computer Authentication, Group Policy, Trusts'),
  },
  {
    key: 'dfsr', category: CATEGORY, portsText: '5722', ports: ports(5722),
    directions: ['out'], protocols: ['tcp'], protocolText: 'TCP',
    component: 'DFS Replication (RPC)',
    note: 'RPC, DFSR, File Replication',
    seed: k2Seed(24, 'Infrastructure 5722 Outbound TCP RPC, DFSR, File Replication'),
  },
  {
    key: 'ad-5725', category: CATEGORY, portsText: '5725', ports: ports(5725),
    directions: ['out'], protocols: ['tcp', 'udp'], protocolText: 'TCP + UDP',
    component: 'Active Directory (5725)',
    note: 'Active Directory',
    seed: k2Seed(25, 'Infrastructure 5725 Outbound TCP + UDP Active Directory'),
  },
  {
    key: 'ad-web-services', category: CATEGORY, portsText: '9389', ports: ports(9389),
    directions: ['out'], protocols: ['tcp'], protocolText: 'TCP',
    component: 'AD Web Services',
    note: 'AD-WEB-SERVICES (Active Directory)',
    seed: k2Seed(26, 'Infrastructure 9389 Outbound TCP AD-WEB-SERVICES (Active Directory)'),
  },
  {
    key: 'ad-dynamic-legacy', category: CATEGORY, portsText: '1025-5000', ports: ports([1025, 5000]),
    directions: ['out'], protocols: ['tcp', 'udp'], protocolText: 'TCP + UDP',
    component: 'AD dynamic RPC range (legacy)',
    note: 'Active Directory and AD-Dyn-UDP1 dynamic range: RPC, DCOM, EPM, DRSUAPI, NetLogonR, SamR, FRS, AD-Dyn-TCP1 Replication, User and Computer Authentication, Group Policy, Trusts',
    seed: k2Seed(27, 'Infrastructure 1025-5000 Outbound TCP + UDP Active Directory and AD-Dyn-UDP1 dynamic range: RPC, DCOM, EPM, DRSUAPI, NetLogonR, SamR, FRS, AD-Dyn-TCP1 Replication, User and Computer Authentication, Group Policy, Trusts'),
  },
  {
    key: 'ad-dynamic', category: CATEGORY, portsText: '49152-65535', ports: ports([49152, 65535]),
    directions: ['out'], protocols: ['tcp', 'udp'], protocolText: 'TCP + UDP',
    component: 'AD dynamic RPC range',
    note: 'Active Directory and AD-Dyn-UDP2 dynamic range: RPC, DCOM, EPM, DRSUAPI, NetLogonR, SamR, FRS. AD-Dyn-TCP2.Replication, User and Computer Authentication, Group Policy, Trusts',
    seed: k2Seed(28, 'Infrastructure 49152-65535 Outbound TCP + UDP Active Directory and AD-Dyn-UDP2 dynamic range: RPC, DCOM, EPM, DRSUAPI, NetLogonR, SamR, FRS. AD-Dyn-TCP2.Replication, User and Computer Authentication, Group Policy, Trusts'),
  },
];
