import { EXIT } from './exit-code.js';
import { parseScanArgs } from './parse-args.js';
import { USAGE } from './usage.js';

export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
}

/**
 * The scripting interface: returns the exit code; bad input is one line on stderr and nothing on stdout. Each
 * subcommand is loaded when it runs, so `--help` and argument errors load no scanner, store or schema library.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  if (argv[0] === 'discord') {
    const { runDiscordCli } = await import('./discord-command.js');
    return runDiscordCli(argv.slice(1), io);
  }
  if (argv[0] === 'tlsrpt') {
    const { runTlsRptCli } = await import('./tlsrpt-command.js');
    return runTlsRptCli(argv.slice(1), io);
  }
  const parsed = parseScanArgs(argv);
  if (!parsed.ok) {
    io.stderr.write(`mtasts: ${parsed.reason}\n`);
    return EXIT.badInput;
  }
  if (parsed.value.command === 'help') {
    io.stdout.write(USAGE);
    return EXIT.ok;
  }
  const { runScanCli } = await import('./scan-command.js');
  return runScanCli(parsed.value, io);
}
