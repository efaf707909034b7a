/**
 * @fileoverview The composition root: yargs → command → exit code. Known errors become one stderr line
 * (`k2audit: file:line: what is wrong`) and exit code 2; a stack trace only with --debug.
 * Start-up cost matters (a whole audit should take about a second): this module imports only yargs and option
 * constants; each command's module, and through it the parsers, engine and reporters it needs, is imported by
 * its handler.
 */
import yargs, { type Argv } from 'yargs';
import { FORMAT_IDS } from '../../parsers/registry.js';
import { REPORT_FORMATS, type ReportFormat } from '../../reports/formats.js';
import { DIFF_REPORT_FORMATS as DIFF_FORMATS, type DiffReportFormat } from '../../reports/diff-reporters.js';
import { FIREWALL_PROFILES, type FirewallProfile } from '../model/rule.js';
import { SEVERITIES, type Severity } from '../findings/severity.js';
import type { CommandIO } from './commands/compare.js';
import { isKnownError, oneLine, UsageError } from './errors.js';
import { toolVersion } from './version.js';

function requirementOptions<T>(y: Argv<T>) {
  return y
    .option('profile', { type: 'string', describe: 'requirement profile: farm, standalone, sql, client' })
    .option('feature', { type: 'string', array: true, describe: 'feature switch name[=value], repeatable (see k2audit profiles)' })
    .option('port', { type: 'string', array: true, describe: 'port override name=number, repeatable (e.g. sql=1533)' })
    .option('requirements', { type: 'string', array: true, describe: 'custom requirement file (JSON or YAML), repeatable' });
}

/** Runs the CLI on `argv` (without node and script); resolves to the exit code. */
export async function main(argv: readonly string[], io: CommandIO): Promise<number> {
  let code = 0;
  const debug = argv.includes('--debug');
  const cli = yargs([...argv])
    .scriptName('k2audit')
    .usage('$0 <command> [options]')
    .strict()
    .exitProcess(false)
    .version(toolVersion())
    .option('debug', { type: 'boolean', describe: 'print stack traces of errors' })
    .option('color', { type: 'boolean', default: true, describe: 'color on stderr (use --no-color to disable)' })
    .command(
      'compare <exports..>',
      'audit the exports of one host against a requirement profile',
      (y) =>
        requirementOptions(y)
          .positional('exports', { type: 'string', array: true, demandOption: true, describe: 'export file(s) of one host' })
          .option('format', { type: 'string', array: true, choices: REPORT_FORMATS, default: ['md'], describe: 'report format, repeatable' })
          .option('out', { type: 'string', describe: 'report file, or directory when several formats are given' })
          .option('fw-profile', { choices: FIREWALL_PROFILES, default: 'domain' as FirewallProfile, describe: 'Windows firewall profile to audit' })
          .option('fail-on', { choices: [...SEVERITIES, 'none'], default: 'high', describe: 'exit 1 when a finding has this severity or worse' })
          .option('input-format', { type: 'string', choices: FORMAT_IDS, describe: 'skip content detection' })
          .option('direction', { choices: ['in', 'out'] as const, describe: 'direction of an export that does not state it (firewall console Export List)' })
          .option('timestamp', { type: 'string', describe: 'report time (ISO 8601 or epoch seconds); default SOURCE_DATE_EPOCH, else now' })
          .option('ticket', { type: 'string', describe: 'change ticket id for the sign-off header' })
          .option('waivers', { type: 'string', array: true, describe: 'waiver file (JSON or YAML), repeatable' })
          .option('max-pairs', { type: 'number', describe: 'list at most N correlated / generalization rule pairs per kind (exact totals are always reported; default 200)' })
          .option('fix-script', { type: 'string', describe: 'write the remediation as a script: .ps1 (PowerShell), .cmd (netsh) or .sh (iptables/nft)' })
          .option('iface', { type: 'string', array: true, describe: 'NAME=CIDR[,CIDR]: remote networks behind an interface, repeatable (resolves -i/-o rules)' })
          .option('rpc-range', { type: 'string', describe: 'dynamic RPC port range for RPC keyword rules (default 49152-65535)' })
          .option('quiet', { type: 'boolean', default: false, describe: 'no summary on stderr' }),
      async (a) => {
        const args = {
          exports: a.exports as string[],
          format: a.format as ReportFormat[],
          out: a.out,
          fwProfile: a['fw-profile'] as FirewallProfile,
          failOn: a['fail-on'] as Severity | 'none',
          inputFormat: a['input-format'],
          timestamp: a.timestamp,
          ticket: a.ticket,
          quiet: a.quiet,
          iface: a.iface,
          rpcRange: a['rpc-range'],
          waivers: a.waivers,
          fixScript: a['fix-script'],
          maxPairs: a['max-pairs'],
          profile: a.profile,
          feature: a.feature,
          port: a.port,
          requirements: a.requirements,
        };
        const { isFleet } = await import('./fleet-files.js');
        const run = isFleet(args.exports) ? (await import('./commands/fleet.js')).runFleet : (await import('./commands/compare.js')).runCompare;
        code = await run(args, io);
      },
    )
    .command(
      'diff <before> <after>',
      'what a firewall change opened or closed: rule, range and requirement changes',
      (y) =>
        requirementOptions(y)
          .positional('before', { type: 'string', demandOption: true, describe: 'export before the change' })
          .positional('after', { type: 'string', demandOption: true, describe: 'export after the change (any supported format)' })
          .option('format', { type: 'string', array: true, choices: DIFF_FORMATS, default: ['md'], describe: 'report format, repeatable' })
          .option('out', { type: 'string', describe: 'report file, or directory when several formats are given' })
          .option('fw-profile', { choices: FIREWALL_PROFILES, default: 'domain' as FirewallProfile, describe: 'Windows firewall profile to audit' })
          .option('fail-on', { choices: [...SEVERITIES, 'none'], default: 'high', describe: 'exit 1 when a regression or new exposure has this severity or worse' })
          .option('input-format', { type: 'string', choices: FORMAT_IDS, describe: 'skip content detection' })
          .option('direction', { choices: ['in', 'out'] as const, describe: 'direction of an export that does not state it' })
          .option('timestamp', { type: 'string', describe: 'report time (ISO 8601 or epoch seconds)' })
          .option('ticket', { type: 'string', describe: 'change ticket id' })
          .option('iface', { type: 'string', array: true, describe: 'NAME=CIDR[,CIDR]: remote networks behind an interface' })
          .option('rpc-range', { type: 'string', describe: 'dynamic RPC port range (default 49152-65535)' })
          .option('quiet', { type: 'boolean', default: false, describe: 'no summary on stderr' }),
      async (a) => {
        const { runDiff } = await import('./commands/diff.js');
        code = await runDiff(
          {
            before: a.before,
            after: a.after,
            format: a.format as DiffReportFormat[],
            out: a.out,
            fwProfile: a['fw-profile'] as FirewallProfile,
            failOn: a['fail-on'] as Severity | 'none',
            inputFormat: a['input-format'],
            direction: a.direction,
            timestamp: a.timestamp,
            ticket: a.ticket,
            iface: a.iface,
            rpcRange: a['rpc-range'],
            quiet: a.quiet,
            profile: a.profile,
            feature: a.feature,
            port: a.port,
            requirements: a.requirements,
          },
          io,
        );
      },
    )
    .command(
      'explain <exports..>',
      'is this flow allowed, and which rules decide it',
      (y) =>
        y
          .positional('exports', { type: 'string', array: true, demandOption: true, describe: 'export file(s) of one host' })
          .option('flow', { type: 'string', demandOption: true, describe: 'the flow: "in tcp 5555 [from 10.1.2.3]", "out udp 53 [to 10.0.0.0/8]"' })
          .option('fw-profile', { choices: FIREWALL_PROFILES, default: 'domain' as FirewallProfile, describe: 'Windows firewall profile' })
          .option('format', { choices: ['text', 'json'] as const, default: 'text' as const })
          .option('input-format', { type: 'string', choices: FORMAT_IDS })
          .option('direction', { choices: ['in', 'out'] as const, describe: 'direction of an export that does not state it (firewall console Export List)' })
          .option('iface', { type: 'string', array: true, describe: 'NAME=CIDR[,CIDR]: remote networks behind an interface' })
          .option('rpc-range', { type: 'string', describe: 'dynamic RPC port range (default 49152-65535)' }),
      async (a) => {
        const { runExplain } = await import('./commands/explain.js');
        code = await runExplain(
          { exports: a.exports as string[], flow: a.flow, fwProfile: a['fw-profile'] as FirewallProfile, format: a.format, inputFormat: a['input-format'], direction: a.direction, iface: a.iface, rpcRange: a['rpc-range'] },
          io,
        );
      },
    )
    .command(
      'parse <export>',
      'print the normalized rule set and every diagnostic',
      (y) =>
        y
          .positional('export', { type: 'string', demandOption: true })
          .option('format', { choices: ['text', 'json'] as const, default: 'text' as const })
          .option('input-format', { type: 'string', choices: FORMAT_IDS })
          .option('direction', { choices: ['in', 'out'] as const, describe: 'direction of an export that does not state it (firewall console Export List)' }),
      async (a) => {
        const { runParse } = await import('./commands/parse.js');
        code = await runParse({ export: a.export, format: a.format, inputFormat: a['input-format'], direction: a.direction }, io);
      },
    )
    .command(
      'profiles [name]',
      'list requirement profiles and features, or show one profile with its seed rows',
      (y) => requirementOptions(y).positional('name', { type: 'string' }),
      async (a) => {
        const { runProfiles } = await import('./commands/profiles.js');
        code = await runProfiles({ name: a.name, feature: a.feature, port: a.port, requirements: a.requirements }, io);
      },
    )
    .demandCommand(1, 'give a command: compare, diff, explain, parse or profiles')
    .fail((msg, err) => {
      throw err ?? new UsageError(msg);
    });
  try {
    await cli.parseAsync();
    return code;
  } catch (e) {
    io.stderr(`k2audit: ${oneLine(isKnownError(e) ? e.message : `internal error: ${e instanceof Error ? e.message : String(e)}`)}\n`);
    if (debug && e instanceof Error && e.stack !== undefined) io.stderr(`${e.stack}\n`);
    return 2;
  }
}
