import { parseArgs } from 'node:util';
import { useColour } from '../../src/render/terminal-style.js';
import { escapeUnsafe } from '../../src/text/escape-unsafe.js';
import { readTlsRptReport } from '../../src/tlsrpt/read-report.js';
import { TLSRPT_MAX_BYTES } from '../../src/tlsrpt/tlsrpt-report.js';
import { EXIT } from './exit-code.js';
import { terminalSafeJson } from './json-output.js';
import type { CliIo } from './main.js';
import { readFileBounded } from './read-file-bounded.js';
import { renderTlsRptText } from './render-tlsrpt-text.js';

const USAGE_LINE = 'usage: mtasts tlsrpt <file...> [--json]';

/** `mtasts tlsrpt <file...> [--json]`: exit 0 when every report was accepted, 1 when any was rejected, 2 bad usage. */
export async function runTlsRptCli(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { json: { type: 'boolean', default: false } },
    });
  } catch (error) {
    return fail(io, (error as Error).message.split('\n')[0] ?? USAGE_LINE);
  }
  const files = parsed.positionals;
  if (files.length === 0) return fail(io, USAGE_LINE);
  const contents: Uint8Array[] = [];
  for (const file of files) {
    try {
      // One byte past the limit is enough for the reader to say too-large.
      contents.push(await readFileBounded(file, TLSRPT_MAX_BYTES + 1));
    } catch (error) {
      // Node's message reads "ENOENT: no such file or directory, open 'x'": the path is already in ours.
      return fail(io, `cannot read ${escapeUnsafe(file)} (${(error as Error).message.split(',')[0]})`);
    }
  }
  const results = files.map((file, i) => ({ file, ...readTlsRptReport(contents[i]!) }));
  if (parsed.values.json) {
    io.stdout.write(`${terminalSafeJson(results.length === 1 ? results[0] : results)}\n`);
  } else {
    const colour = useColour(io.stdout, io.env);
    io.stdout.write(results.map((result) => renderTlsRptText(result, colour)).join('\n'));
  }
  return results.every((result) => result.accepted) ? EXIT.ok : EXIT.failed;
}

function fail(io: CliIo, reason: string): number {
  io.stderr.write(`mtasts: ${reason}\n`);
  return EXIT.badInput;
}
