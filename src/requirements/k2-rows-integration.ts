/**
 * @fileoverview K2 port reference rows of category Integration (seed 000, lines 29–42), one entry per row
 * (per port variant where a row names two).
 */
import { ports } from '../model/port-set.js';
import { k2Seed, type K2Row } from './k2-row.js';

const CATEGORY = 'Integration';

/** Seed 000 rows 29–42. */
export const INTEGRATION_ROWS: readonly K2Row[] = [
  {
    key: 'integration-http', category: CATEGORY, portsText: '80', ports: ports(80),
    directions: ['out'], protocols: ['tcp'], protocolText: 'HTTP',
    component: 'Integration HTTP services (EWS, CRM, SharePoint)', portName: 'integration-http',
    note: 'Integration with any HTTP services in customer environment, including Exchange Web Services (EWS), Microsoft Dynamics CRM, SharePoint and others. Port number may be different depending on the configuration of the target system.',
    seed: k2Seed(29, 'Integration 80 Outbound HTTP Integration with any HTTP services in customer environment, including Exchange Web Services (EWS), Microsoft Dynamics CRM, SharePoint and others. Port number may be different depending on the configuration of the target system.'),
  },
  {
    key: 'integration-https', category: CATEGORY, portsText: '443', ports: ports(443),
    directions: ['out'], protocols: ['tcp'], protocolText: 'HTTPS',
    component: 'Integration HTTPS services (EWS, CRM, SharePoint)', portName: 'integration-https',
    note: 'Integration with any HTTPS services in customer environment, including Exchange Web Services, Microsoft Dynamics CRM, SharePoint and others. Port number m ay be different depending on the configuration of the target system.',
    seed: k2Seed(30, 'Integration 443 Outbound HTTPS Integration with any HTTPS services in customer environment, including Exchange Web Services, Microsoft Dynamics CRM, SharePoint and others. Port number m ay be different depending on the configuration of the target system.'),
  },
  {
    key: 'sql-broker', category: CATEGORY, portsText: '1433', ports: ports(1433),
    directions: ['out'], protocols: ['tcp'], protocolText: 'TCP',
    component: 'SQL Service Broker', portName: 'sql', condition: { feature: 'sql-broker' },
    note: 'Default port for SQL Server. (Note: port number may be different for a specific SQL instance, it depends on the SQL instance\'s configuration)From an integration perspective, this port is only required when the SQL Service Broker is used to connect to a SQL Server. See https://support.microsoft.com/en-us/kb/287932.',
    seed: k2Seed(31, 'Integration 1433 Outbound TCP Default port for SQL Server. (Note: port number may be different for a specific SQL instance, it depends on the SQL instance\'s configuration)From an integration perspective, this port is only required when the SQL Service Broker is used to connect to a SQL Server. See https://support.microsoft.com/en-us/kb/287932.'),
  },
  {
    key: 'oracle', category: CATEGORY, portsText: '1521', ports: ports(1521),
    directions: ['out'], protocols: ['tcp'], protocolText: 'TCP',
    component: 'Oracle Service Broker (TNS listener)', portName: 'oracle', condition: { feature: 'oracle' },
    note: 'Only required if Oracle Service Broker is used. Allow access to the TNS listener port (Typically 1521)',
    seed: k2Seed(32, 'Integration 1521 Outbound TCP Only required if Oracle Service Broker is used. Allow access to the TNS listener port (Typically 1521)'),
  },
  {
    key: 'custom-broker', category: CATEGORY, portsText: '(Others…)', ports: 'needs-custom-broker',
    directions: ['out'], protocols: ['tcp'], protocolText: '(Depends on behavior)',
    component: 'Custom Service Broker (assumed outbound TCP)', portName: 'custom-broker', condition: { feature: 'custom-broker' },
    note: 'For custom Service Brokers, ports will depend on the communication mechanism and protocol used. Custom Service Brokers are typically described during the onboarding process. If these brokers require specific ports to be opened, those ports should be opened as well.',
    seed: k2Seed(33, 'Integration (Others…) (Depends on behavior) (Depends on behavior) For custom Service Brokers, ports will depend on the communication mechanism and protocol used. Custom Service Brokers are typically described during the onboarding process. If these brokers require specific ports to be opened, those ports should be opened as well.'),
  },
  {
    key: 'sap', category: CATEGORY, portsText: '32xx\n33xx', ports: 'needs-sap',
    directions: ['out'], protocols: ['tcp'], protocolText: 'TCP',
    component: 'SAP (K2 Connect)', condition: { feature: 'k2connect' },
    note: 'Integration with SAP when K2 Connect is installed. xx is the SAP system number, for example for SAP System number 00, the required ports would be 3200 and 3300.',
    seed: k2Seed(34, 'Integration 32xx\n33xx\nOutbound TCP Integration with SAP when K2 Connect is installed. xx is the SAP system number, for example for SAP System number 00, the required ports would be 3200 and 3300.'),
  },
  {
    key: 'winrm1-https', category: CATEGORY, portsText: '443 (WinRM 1.1)', ports: ports(443),
    directions: ['in', 'out'], protocols: ['tcp'], protocolText: 'HTTPS',
    component: 'Exchange mailbox events (WinRM 1.1, HTTPS)', portName: 'winrm-https', condition: { feature: 'exchange-events', values: ['winrm1'] },
    note: 'Exchange Mailbox events (HTTPS). See https://msdn.microsoft.com/en-us/library/ee309369(v=vs.85).aspx for information on Windows Remote Management',
    seed: k2Seed(37, 'Integration 443 (WinRM 1.1)\n5986 (WinRM 2.0)\nInbound + Outbound HTTPS Exchange Mailbox events (HTTPS). See https://msdn.microsoft.com/en-us/library/ee309369(v=vs.85).aspx for information on Windows Remote Management'),
  },
  {
    key: 'winrm2-https', category: CATEGORY, portsText: '5986 (WinRM 2.0)', ports: ports(5986),
    directions: ['in', 'out'], protocols: ['tcp'], protocolText: 'HTTPS',
    component: 'Exchange mailbox events (WinRM 2.0, HTTPS)', portName: 'winrm-https', condition: { feature: 'exchange-events', values: ['winrm2'] },
    note: 'Exchange Mailbox events (HTTPS). See https://msdn.microsoft.com/en-us/library/ee309369(v=vs.85).aspx for information on Windows Remote Management',
    seed: k2Seed(37, 'Integration 443 (WinRM 1.1)\n5986 (WinRM 2.0)\nInbound + Outbound HTTPS Exchange Mailbox events (HTTPS). See https://msdn.microsoft.com/en-us/library/ee309369(v=vs.85).aspx for information on Windows Remote Management'),
  },
  {
    key: 'winrm1-http', category: CATEGORY, portsText: '80 (WinRM1.1)', ports: ports(80),
    directions: ['in', 'out'], protocols: ['tcp'], protocolText: 'HTTP',
    component: 'Exchange mailbox events (WinRM 1.1, HTTP)', portName: 'winrm-http', condition: { feature: 'exchange-events', values: ['winrm1'] },
    note: 'Exchange Mailbox events (HTTP). See https://msdn.microsoft.com/en-us/library/ee309369(v=vs.85).aspx for information on Windows Remote Management',
    seed: k2Seed(40, 'Integration 80 (WinRM1.1)\n5985(WinRM2.0)\nInbound + Outbound HTTP Exchange Mailbox events (HTTP). See https://msdn.microsoft.com/en-us/library/ee309369(v=vs.85).aspx for information on Windows Remote Management'),
  },
  {
    key: 'winrm2-http', category: CATEGORY, portsText: '5985(WinRM2.0)', ports: ports(5985),
    directions: ['in', 'out'], protocols: ['tcp'], protocolText: 'HTTP',
    component: 'Exchange mailbox events (WinRM 2.0, HTTP)', portName: 'winrm-http', condition: { feature: 'exchange-events', values: ['winrm2'] },
    note: 'Exchange Mailbox events (HTTP). See https://msdn.microsoft.com/en-us/library/ee309369(v=vs.85).aspx for information on Windows Remote Management',
    seed: k2Seed(40, 'Integration 80 (WinRM1.1)\n5985(WinRM2.0)\nInbound + Outbound HTTP Exchange Mailbox events (HTTP). See https://msdn.microsoft.com/en-us/library/ee309369(v=vs.85).aspx for information on Windows Remote Management'),
  },
];
