import { createScanQueue } from '../../src/command/scan-queue.js';
import { ConfigError } from '../../src/config/env-fields.js';
import { loadScannerConfig, type ScannerConfig } from '../../src/config/scanner-config.js';
import { normalizeDomainInput } from '../../src/domain/normalize-domain.js';
import { useColour } from '../../src/render/terminal-style.js';
import { InvalidDomainError, ResolverUnreachableError, scan } from '../../src/scan/scan.js';
import { openStore } from '../../src/store/open-store.js';
import { EXIT, exitCodeFor } from './exit-code.js';
import { terminalSafeJson } from './json-output.js';
import type { CliIo } from './main.js';
import type { ScanCommand } from './parse-args.js';
import { renderTextReport } from './render-text-report.js';

/** Domains scanned at once by one CLI call. */
const CLI_CONCURRENCY = 8;

/** `mtasts scan`: the flags, then MTASTS_* read by the same parser as the bot's (a flag wins over its variable). */
export async function runScanCli(command: ScanCommand, io: CliIo): Promise<number> {
  let config: ScannerConfig;
  try {
    config = loadScannerConfig(io.env);
  } catch (error) {
    if (error instanceof ConfigError) return badInput(io, error.message);
    throw error;
  }
  for (const domain of command.domains) {
    const normalized = normalizeDomainInput(domain);
    if (!normalized.ok) return badInput(io, normalized.reason);
  }
  const store = await openStore({ databaseUrl: config.databaseUrl, dbPath: config.dbPath });
  const queue = createScanQueue(CLI_CONCURRENCY);
  try {
    const reports = await Promise.all(
      command.domains.map((domain) =>
        queue.run(() =>
          scan(domain, {
            dns: command.dns ?? config.dns,
            allowPrivate: command.allowPrivate || config.allowPrivate,
            timeoutMs: command.timeoutMs,
            history: store,
            httpsPort: config.policyPort,
            smtp: command.smtp && config.smtp,
            smtpPort: config.smtpPort,
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
