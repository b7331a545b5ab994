import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { publishDomain, startFixtureInternet } from '../test/fixture/fixture-internet.js';
import { configured } from './domains.js';
import { median, round } from './stats.js';
import { type Row, row } from './table.js';

/** Where the package's files are, found from the working directory `npm run bench` runs in. */
const ROOT = process.cwd();
const BIN = join(ROOT, 'bin', 'mtasts');
const PARSERS_ENTRY = join(ROOT, 'dist', 'src', 'parsers-entry.js');

export interface StartupOptions {
  /** Spawns of each command, interleaved so that machine noise falls on all of them alike. */
  runs: number;
}

export interface StartupResult {
  runs: number;
  medianMs: { nodeBare: number; help: number; scan: number; parsersImport: number };
  parsersEntry: string;
  rows: Row[];
}

interface Timed {
  ms: number;
  code: number | null;
  stdout: string;
}

/** Wall time from spawn to exit, as a shell user sees it. */
function timeSpawn(args: string[], env: NodeJS.ProcessEnv): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - start, code, stdout }));
  });
}

/** Times `import()` of an entry inside a fresh process: module resolution, loading and evaluation, not Node's start. */
function importProgram(entry: string): string {
  const url = JSON.stringify(pathToFileURL(entry).href);
  return `const t = performance.now(); await import(${url}); process.stdout.write(String(performance.now() - t));`;
}

export async function benchStartup(options: StartupOptions): Promise<StartupResult> {
  if (!existsSync(PARSERS_ENTRY)) throw new Error(`${PARSERS_ENTRY} is missing: run npm run build first`);
  const internet = await startFixtureInternet();
  const dir = mkdtempSync(join(tmpdir(), 'mtasts-bench-'));
  try {
    await publishDomain(internet, 'startup.example', configured('startup.example'));
    const caFile = join(dir, 'ca.pem');
    writeFileSync(caFile, internet.ca.certPem);
    const env = {
      PATH: process.env['PATH'] ?? '',
      MTASTS_POLICY_PORT: String(internet.https.port),
      MTASTS_SMTP_PORT: String(internet.smtp.port),
      MTASTS_DB: join(dir, 'history.db'),
      NODE_EXTRA_CA_CERTS: caFile,
    };
    const parsersEntry = PARSERS_ENTRY;
    const commands = {
      nodeBare: ['-e', '0'],
      help: [BIN, '--help'],
      scan: [BIN, 'scan', 'startup.example', '--dns', internet.dns.server, '--allow-private'],
      parsersImport: ['--input-type=module', '-e', importProgram(parsersEntry)],
    } as const;
    const names = Object.keys(commands) as Array<keyof typeof commands>;
    const samples = {
      nodeBare: [] as number[],
      help: [] as number[],
      scan: [] as number[],
      parsersImport: [] as number[],
    };

    // One untimed round warms the page cache and the fixture's certificates.
    for (let run = -1; run < options.runs; run++) {
      for (const name of names) {
        const timed = await timeSpawn([...commands[name]], env);
        if (timed.code !== 0) throw new Error(`node ${commands[name].join(' ')} exited ${timed.code}`);
        if (name === 'scan' && !timed.stdout.startsWith('startup.example  ENFORCED'))
          throw new Error(`the scan did not find the fixture domain enforced:\n${timed.stdout}`);
        if (run < 0) continue;
        samples[name].push(name === 'parsersImport' ? Number(timed.stdout) : timed.ms);
      }
    }

    const m = {
      nodeBare: median(samples.nodeBare),
      help: median(samples.help),
      scan: median(samples.scan),
      parsersImport: median(samples.parsersImport),
    };
    const ratio = (value: number) => round(value / m.nodeBare);
    const usedEntry = '`mtasts/parsers` (dist/src/parsers-entry.js)';
    const section = '1 start-up';
    const rows = [
      row(section, `\`node -e 0\` (median of ${options.runs})`, `${Math.round(m.nodeBare)} ms`, '', null, 'the unit'),
      row(
        section,
        '`bin/mtasts --help`',
        `${ratio(m.help)} × (${Math.round(m.help)} ms)`,
        '≤ 1.3 ×',
        ratio(m.help) <= 1.3,
        `${Math.round(m.help - m.nodeBare)} ms beyond Node's own start: module loading`,
      ),
      row(
        section,
        '`bin/mtasts scan` of a loopback domain',
        `${ratio(m.scan)} × (${Math.round(m.scan)} ms)`,
        '≤ 2 ×',
        ratio(m.scan) <= 2,
        `${Math.round(m.scan - m.help)} ms beyond --help: the scan, history file and the modules they load`,
      ),
      row(
        section,
        '`import` of the pure parsers',
        `${round(m.parsersImport, 1)} ms`,
        '≤ 20 ms',
        m.parsersImport <= 20,
        `entry: ${usedEntry}`,
      ),
    ];
    return { runs: options.runs, medianMs: m, parsersEntry: usedEntry, rows };
  } finally {
    await internet.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
