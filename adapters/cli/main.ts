import { createScanQueue } from '../../src/command/scan-queue.js';
import { normalizeDomainInput } from '../../src/domain/normalize-domain.js';
import { useColour } from '../../src/render/terminal-style.js';
import { InvalidDomainError, ResolverUnreachableError, scan } from '../../src/scan/scan.js';
import { openStore } from '../../src/store/open-store.js';
import { EXIT, exitCodeFor } from './exit-code.js';
import { terminalSafeJson } from './json-output.js';
import { parseScanArgs, type ScanCommand } from './parse-args.js';
import { renderTextReport } from './render-text-report.js';
import { USAGE } from './usage.js';

export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
}

/** Domains scanned at once by one CLI call. */
const CLI_CONCURRENCY = 8;

/** The scripting interface: returns the exit code; bad input is one line on stderr and nothing on stdout. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  if (argv[0] === 'discord') {
    const { runDiscordCli } = await import('./discord-command.js');
    return runDiscordCli(argv.slice(1), io);
  }
  if (argv[0] === 'tlsrpt') {
    const { runTlsRptCli } = await import('./tlsrpt-command.js');
    return runTlsRptCli(argv.slice(1), io);
  }
  const parsed = parseScanArgs(argv, io.env);
  if (!parsed.ok) return badInput(io, parsed.reason);
  if (parsed.value.command === 'help') {
    io.stdout.write(USAGE);
    return EXIT.ok;
  }
  return runScan(parsed.value, io);
}

async function runScan(command: ScanCommand, io: CliIo): Promise<number> {
  for (const domain of command.domains) {
    const normalized = normalizeDomainInput(domain);
    if (!normalized.ok) return badInput(io, normalized.reason);
  }
  const store = await openStore({
    databaseUrl: io.env['MTASTS_DATABASE_URL'] || undefined,
    dbPath: io.env['MTASTS_DB'] || undefined,
  });
  const queue = createScanQueue(CLI_CONCURRENCY);
  try {
    const reports = await Promise.all(
      command.domains.map((domain) =>
        queue.run(() =>
          scan(domain, {
            dns: command.dns,
            allowPrivate: command.allowPrivate,
            timeoutMs: command.timeoutMs,
            history: store,
            httpsPort: command.policyPort,
            smtp: command.smtp,
            smtpPort: command.smtpPort,
          }),
        ),
      ),
    );
    if (command.json) {
      io.stdout.write(`${terminalSafeJson(reports.length === 1 ? reports[0] : reports)}\n`);
    } else {
      const colour = useColour(io.stdout, io.env);
      io.stdout.write(reports.map((r) => renderTextReport(r, colour)).join('\n'));
    }
    return exitCodeFor(
      reports.map((r) => r.verdict),
      command.failOn,
    );
  } catch (error) {
    if (error instanceof InvalidDomainError) return badInput(io, error.message);
    if (error instanceof ResolverUnreachableError) {
      // Said once, whatever the number of domains: none of them was judged.
      io.stderr.write(`mtasts: ${error.message}\n`);
      return EXIT.resolverUnreachable;
    }
    throw error;
  } finally {
    await store.close();
  }
}

function badInput(io: CliIo, reason: string): number {
  io.stderr.write(`mtasts: ${reason}\n`);
  return EXIT.badInput;
}
