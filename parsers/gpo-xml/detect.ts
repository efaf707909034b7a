/**
 * @fileoverview Content sniffing for GPO report XML: the text starts with an XML tag (not `<html`), and mentions the
 * WindowsFirewall settings namespace or a Group Policy report namespace (GPO, RSoP) near the top. Documents with a
 * DOCTYPE are still claimed when they look like GPO reports, so that the parser rejects them with its message.
 */
import { WF_NS } from './raw.js';

const GP_NAMESPACE = /http:\/\/www\.microsoft\.com\/GroupPolicy\/(Settings|Rsop|Types)/;

/** Whether the text looks like Get-GPOReport -ReportType Xml, a backup's gpreport.xml, or gpresult /x output. */
export function looksLikeGpoXml(text: string): boolean {
  const head = text.slice(0, 64 * 1024);
  const start = head.trimStart();
  if (!start.startsWith('<') || /^<(!doctype\s+)?html\b/i.test(start)) return false;
  return GP_NAMESPACE.test(head) || text.includes(WF_NS);
}
