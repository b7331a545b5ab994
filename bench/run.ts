import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { benchBot } from './bot.js';
import { benchDigest } from './digest.js';
import { benchScanLatency } from './scan-latency.js';
import { benchStartup } from './startup.js';
import { markdownTable, type Row, row } from './table.js';

/**
 * `npm run bench`: each part measures its figures side by side in one run and holds them to the targets of
 * issue 9 as ratios, so the table means the same on a noisy machine. Prints the table and writes it, with the raw
 * figures, to bench/results/latest.json. `npm run bench -- startup scan` runs only the parts named, and writes
 * bench/results/latest-startup-scan.json instead (likewise for --full and --quick).
 */
const PARTS = ['startup', 'scan', 'bot', 'digest'] as const;
type Part = (typeof PARTS)[number];

const asked = process.argv.slice(2).filter((a): a is Part => (PARTS as readonly string[]).includes(a));
const parts = asked.length > 0 ? asked : [...PARTS];
/** --full adds the 5,000-domain digest (about 8 minutes more); --quick shrinks the main digest to 100 domains. */
const full = process.argv.includes('--full');
const quick = process.argv.includes('--quick');

const rows: Row[] = [];
const raw: Record<string, unknown> = {};
const started = performance.now();
for (const part of parts) {
  process.stderr.write(`bench: ${part}…\n`);
  const partStart = performance.now();
  const loadBefore = loadavg()[0]!;
  const result = await runPart(part);
  const load = `${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`;
  rows.push(...result.rows);
  raw[part] = { ...result, rows: undefined, seconds: Math.round((performance.now() - partStart) / 1000), load };
  // The machine's load (1-minute average, before → after) beside each part: these are shared machines.
  rows.push(
    row(
      `${result.rows[0]?.section ?? part}`,
      'machine load (1-min average, before → after)',
      load,
      '',
      null,
      `${cpus().length} CPUs`,
    ),
  );
}

const table = markdownTable(rows);
process.stdout.write(`\n${table}`);
const results = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', memoryMiB: Math.round(totalmem() / 2 ** 20) },
  node: process.version,
  seconds: Math.round((performance.now() - started) / 1000),
  rows,
  raw,
  markdown: table,
};
const dir = join(process.cwd(), 'bench', 'results');
mkdirSync(dir, { recursive: true });
// A run of some parts only, or with other sizes, does not replace the whole table.
const name =
  asked.length > 0 || full || quick
    ? `latest-${[...parts, ...(full ? ['full'] : []), ...(quick ? ['quick'] : [])].join('-')}`
    : 'latest';
const file = join(dir, `${name}.json`);
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
// In the project's own format, so that a committed result passes `npm run lint` as it is.
spawnSync(join(process.cwd(), 'node_modules', '.bin', 'biome'), ['format', '--write', file], { stdio: 'ignore' });
process.stderr.write(`bench: wrote bench/results/${name}.json (${results.seconds} s)\n`);

async function runPart(part: Part): Promise<{ rows: Row[] }> {
  switch (part) {
    case 'startup':
      return benchStartup({ runs: 20 });
    case 'scan':
      return benchScanLatency({ oneWayMs: 50, runs: 10 });
    case 'bot':
      return benchBot({ commands: 200, users: 50, channels: 10, connections: 50 });
    case 'digest':
      return benchDigest({
        oneWayMs: 50,
        main: { domains: quick ? 100 : 1_000, mxHosts: 1 },
        growth: [
          { domains: 100, mxHosts: 1 },
          ...(full ? [{ domains: 5_000, mxHosts: 1 }] : []),
          { domains: 48, mxHosts: 10 },
          { domains: 8, mxHosts: 100 },
        ],
      });
  }
}
