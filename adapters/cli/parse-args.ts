import { parseArgs } from 'node:util';
import { isDnsServerAddress } from '../../src/net/dns-server-address.js';

export type FailOn = 'broken' | 'testing' | 'never';

export interface ScanCommand {
  command: 'scan';
  domains: string[];
  json: boolean;
  /** --dns; unset, MTASTS_DNS or the system's resolver. */
  dns: string[] | undefined;
  /** --allow-private; MTASTS_ALLOW_PRIVATE can also allow. */
  allowPrivate: boolean;
  timeoutMs: number | undefined;
  failOn: FailOn;
  /** False with --no-smtp: port 25 is never touched (MTASTS_SMTP=off does the same). */
  smtp: boolean;
}

export type CliCommand = ScanCommand | { command: 'help' };
export type ParsedArgs = { ok: true; value: CliCommand } | { ok: false; reason: string };

const MAX_TIMEOUT_MS = 120_000;

/**
 * `mtasts scan <domain...> [--json] [--dns ip[:port],...] [--allow-private] [--no-smtp] [--timeout ms] [--fail-on
 * broken|testing|never]`: the arguments only; the environment is read on the scan path (scanner-config).
 */
export function parseScanArgs(argv: string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        dns: { type: 'string' },
        'allow-private': { type: 'boolean', default: false },
        'no-smtp': { type: 'boolean', default: false },
        timeout: { type: 'string' },
        'fail-on': { type: 'string', default: 'broken' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return { ok: false, reason: (error as Error).message.split('\n')[0] ?? 'invalid arguments' };
  }
  const { values, positionals } = parsed;
  const [command, ...domains] = positionals;
  if (values.help || command === 'help' || command === undefined) return { ok: true, value: { command: 'help' } };
  if (command !== 'scan') return { ok: false, reason: `unknown command "${command}" (try: mtasts scan example.com)` };
  if (domains.length === 0) return { ok: false, reason: 'give at least one domain: mtasts scan example.com' };

  const dns = parseDnsServers(values.dns);
  if (dns !== undefined && !dns.ok) return dns;
  const timeout = parseTimeout(values.timeout);
  if (!timeout.ok) return timeout;
  const failOn = values['fail-on'];
  if (failOn !== 'broken' && failOn !== 'testing' && failOn !== 'never') {
    return { ok: false, reason: `--fail-on must be broken, testing or never, not "${failOn}"` };
  }
  return {
    ok: true,
    value: {
      command: 'scan',
      domains,
      json: values.json,
      dns: dns?.value,
      allowPrivate: values['allow-private'],
      timeoutMs: timeout.value,
      failOn,
      smtp: !values['no-smtp'],
    },
  };
}

/** `ip`, `ip:port` or `[v6]:port`, comma-separated; the form node:dns `setServers` takes. */
export function parseDnsServers(
  list: string | undefined,
): { ok: true; value: string[] } | { ok: false; reason: string } | undefined {
  if (list === undefined || list.trim() === '') return undefined;
  const servers = list.split(',').map((s) => s.trim());
  for (const server of servers) {
    if (!isDnsServerAddress(server))
      return { ok: false, reason: `--dns: "${server}" is not an IP address with an optional :port` };
  }
  return { ok: true, value: servers };
}

function parseTimeout(
  text: string | undefined,
): { ok: true; value: number | undefined } | { ok: false; reason: string } {
  if (text === undefined) return { ok: true, value: undefined };
  const ms = Number(text);
  if (!/^\d+$/.test(text) || ms < 1 || ms > MAX_TIMEOUT_MS) {
    return { ok: false, reason: `--timeout must be a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS}` };
  }
  return { ok: true, value: ms };
}
