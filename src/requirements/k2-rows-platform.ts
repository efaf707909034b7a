/**
 * @fileoverview K2 port reference rows of category K2 Platform (seed 000, lines 43–56), one entry per row
 * (per port variant where a row names two).
 */
import { ports } from '../model/port-set.js';
import { k2Seed, type K2Row } from './k2-row.js';

const CATEGORY = 'K2 Platform';

/** Seed 000 rows 43–56. */
export const PLATFORM_ROWS: readonly K2Row[] = [
  {
    key: 'k2-web-http', category: CATEGORY, portsText: '80', ports: ports(80),
    directions: ['in'], protocols: ['tcp'], protocolText: 'HTTP',
    component: 'K2 web sites and services (HTTP)', portName: 'web-http', condition: { feature: 'web', values: ['http', 'both'] },
    note: 'K2 Web Sites and Services (Note: port number may be different if the K2 web sites are configured with another port number)',
    seed: k2Seed(43, 'K2 Platform 80 Inbound HTTP K2 Web Sites and Services (Note: port number may be different if the K2 web sites are configured with another port number)'),
  },
  {
    key: 'k2-web-https', category: CATEGORY, portsText: '443', ports: ports(443),
    directions: ['in'], protocols: ['tcp'], protocolText: 'HTTPS',
    component: 'K2 web sites and services (HTTPS)', portName: 'web-https', condition: { feature: 'web', values: ['https', 'both'] },
    note: 'K2 Web Sites and Services, when secured via HTTPS. (Note: port number may be different if the K2 web sites are configured with another port number)',
    seed: k2Seed(44, 'K2 Platform 443 Inbound HTTPS K2 Web Sites and Services, when secured via HTTPS. (Note: port number may be different if the K2 web sites are configured with another port number)'),
  },
  {
    key: 'sql-k2-db', category: CATEGORY, portsText: '1433', ports: ports(1433),
    directions: ['in', 'out'], protocols: ['tcp'], protocolText: 'TCP',
    component: 'K2 database (SQL Server)', portName: 'sql',
    note: 'Default port for SQL Server. (Note: port number may be different for a specific SQL instance, it depends on the SQL instance\'s configuration) From an K2 platform perspective, this port is required to allow the K2 server to interact with he K2 database on a SQL instance. See https://support.microsoft.com/en-us/kb/287932.',
    seed: k2Seed(45, 'K2 Platform 1433 Inbound + Outbound TCP Default port for SQL Server. (Note: port number may be different for a specific SQL instance, it depends on the SQL instance\'s configuration) From an K2 platform perspective, this port is required to allow the K2 server to interact with he K2 database on a SQL instance. See https://support.microsoft.com/en-us/kb/287932.'),
  },
  {
    key: 'alwayson', category: CATEGORY, portsText: '5022', ports: ports(5022),
    directions: ['in', 'out'], protocols: ['tcp'], protocolText: 'TCP',
    component: 'SQL AlwaysOn endpoint', portName: 'alwayson', condition: { feature: 'alwayson' },
    note: 'AlwaysOn Endpoint. (Note: port number may be different for a specific SQL instance, it depends on the SQL instance\'s configuration)From an K2 platform perspective, this port is only required when AlwaysOn is enabled on the K2 Database SQL instance.',
    seed: k2Seed(46, 'K2 Platform 5022 Inbound + Outbound TCP AlwaysOn Endpoint. (Note: port number may be different for a specific SQL instance, it depends on the SQL instance\'s configuration)From an K2 platform perspective, this port is only required when AlwaysOn is enabled on the K2 Database SQL instance.'),
  },
  {
    key: 'k2-workflow-client', category: CATEGORY, portsText: '5252', ports: ports(5252),
    directions: ['in', 'out'], protocols: ['tcp'], protocolText: 'RPC + TCP',
    component: 'K2 workflow client', portName: 'k2-workflow',
    note: 'K2 workflow client connections (outgoing if K2 server is connecting to other K2 servers via client), as well as connections from K2 thick-client design tools.',
    seed: k2Seed(47, 'K2 Platform 5252 Inbound + Outbound RPC + TCP K2 workflow client connections (outgoing if K2 server is connecting to other K2 servers via client), as well as connections from K2 thick-client design tools.'),
  },
  {
    key: 'k2-host-server', category: CATEGORY, portsText: '5555', ports: ports(5555),
    directions: ['in', 'out'], protocols: ['tcp'], protocolText: 'RPC + TCP',
    component: 'K2 Host Server', portName: 'k2-host',
    note: 'K2 Host Server connections from client assemblies (outgoing if K2 server is connecting to other K2 servers via client), as well as connections from K2 thick-client design tools.',
    seed: k2Seed(48, 'K2 Platform 5555 Inbound + Outbound RPC + TCP K2 Host Server connections from client assemblies (outgoing if K2 server is connecting to other K2 servers via client), as well as connections from K2 thick-client design tools.'),
  },
  {
    key: 'k2-config-service', category: CATEGORY, portsText: '5560', ports: ports(5560),
    directions: ['in', 'out'], protocols: ['tcp'], protocolText: 'HTTPS',
    component: 'K2 Configuration Service', portName: 'k2-config',
    note: 'K2 Configuration Service connections. Incoming connections from the product or setup manager to update feature and service states, changes to install variables and shard configuration. Outgoing connections to provide requested configuration information on services, features, shards and K2 variables.',
    seed: k2Seed(49, 'K2 Platform 5560 Inbound + Outbound HTTPS K2 Configuration Service connections. Incoming connections from the product or setup manager to update feature and service states, changes to install variables and shard configuration. Outgoing connections to provide requested configuration information on services, features, shards and K2 variables.'),
  },
  {
    key: 'k2connect-service', category: CATEGORY, portsText: '8085', ports: ports(8085),
    directions: ['in'], protocols: ['tcp'], protocolText: 'TCP',
    component: 'K2 Connect service', portName: 'k2connect', condition: { feature: 'k2connect' },
    note: 'K2 connect service (only required of K2 connect is installed)',
    seed: k2Seed(50, 'K2 Platform 8085 Inbound TCP K2 connect service (only required of K2 connect is installed)'),
  },
  {
    key: 'smart-objects', category: CATEGORY, portsText: '8888', ports: ports(8888),
    directions: ['in'], protocols: ['tcp'], protocolText: 'HTTP',
    component: 'SmartObject services (WCF and REST)', portName: 'smart-objects',
    note: 'WCF and REST SmartObject services endpoints',
    seed: k2Seed(51, 'K2 Platform 8888 Inbound HTTP WCF and REST SmartObject services endpoints'),
  },
  {
    key: 'discovery-standalone', category: CATEGORY, portsText: '49599', ports: ports(49599),
    directions: ['in', 'out'], protocols: ['tcp'], protocolText: 'TCP',
    component: 'K2 Discovery Service (standalone, legacy)', condition: { feature: 'legacy' },
    note: 'Discovery Service for standalone servers. The Discovery Service port is used in legacy versions of K2, but is not used in K2 Five.',
    seed: k2Seed(52, 'K2 Platform 49599 Inbound + Outbound TCP Discovery Service for standalone servers\nThe Discovery Service port is used in legacy versions of K2, but is not used in K2 Five.'),
  },
  {
    key: 'discovery-farm', category: CATEGORY, portsText: '49600', ports: ports(49600),
    directions: ['in', 'out'], protocols: ['tcp'], protocolText: 'TCP',
    component: 'K2 Discovery Service (farm, legacy)', condition: { feature: 'legacy' },
    note: 'Discovery Service for K2 server farm. The Discovery Service port is used in legacy versions of K2, but is not used in K2 Five.',
    seed: k2Seed(54, 'K2 Platform 49600 Inbound + Outbound TCP Discovery Service for K2 server farm\nThe Discovery Service port is used in legacy versions of K2, but is not used in K2 Five.'),
  },
  {
    key: 'dtc', category: CATEGORY, portsText: '1024-65535', ports: ports([1024, 65535]),
    directions: ['in'], protocols: ['tcp', 'udp'], protocolText: 'RPC/UDP',
    component: 'MSDTC dynamic ports (K2 4.7 upgrade)', portName: 'dtc', condition: { feature: 'dtc-upgrade' },
    note: 'Distributed Transaction Coordinator is only needed when K2 4.7 is upgraded to K2 Five (Dynamic Ports). Used when developer workstations running K2 Studio/K2 for Visual Studio deploy SmartObjects to K2. (Note: The Dynamic range is configurable, see https://simpleverse.wordpress.com/2012/08/23/how-to-configure-ms-dtc-through-a-firewall/). DTC must be enabled through the entire stack, from the client workstations through to the SQL Server',
    seed: k2Seed(56, 'K2 Platform 1024-65535 Inbound RPC/UDP Distributed Transaction Coordinator is only needed when K2 4.7 is upgraded to K2 Five (Dynamic Ports). Used when developer workstations running K2 Studio/K2 for Visual Studio deploy SmartObjects to K2. (Note: The Dynamic range is configurable, see https://simpleverse.wordpress.com/2012/08/23/how-to-configure-ms-dtc-through-a-firewall/). DTC must be enabled through the entire stack, from the client workstations through to the SQL Server'),
  },
];
