/**
 * @fileoverview The exact commands k2audit tells users to run when an artifact cannot be audited. One place, so the
 * PowerShell JSON, CSV and rejected-artifact parsers give the same advice as the README.
 */

/** Runs scripts/collect-k2-firewall.ps1 (shipped with k2audit) on the Windows host. */
export const COLLECT_COMMAND = 'powershell -NoProfile -ExecutionPolicy Bypass -File collect-k2-firewall.ps1';

/** The advice sentence for Windows artifacts: run the collection script and pass its JSON. */
export const COLLECT_ADVICE = `run as Administrator: ${COLLECT_COMMAND} (k2audit scripts/ folder) and pass the k2-firewall-<host>.json it writes`;

/** The GPO report to ask for instead of an HTML one. */
export const GPO_XML_COMMAND = 'Get-GPOReport -Name "<GPO name>" -ReportType Xml -Path gpo.xml';

/** The Linux dump to ask for instead of an `iptables -L` listing. */
export const IPTABLES_SAVE_COMMAND = 'sudo iptables-save > rules.v4 (and sudo ip6tables-save > rules.v6)';
