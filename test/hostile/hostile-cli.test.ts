import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Report, reportSchema } from '../../src/report/report.js';
import { publishDomain } from '../fixture/fixture-internet.js';
import { expectInertTerminal } from '../fixture/hostile-output.js';
import { HOSTILE_CASES, type HostileCase, type HostileWorld, startHostileWorld } from '../fixture/hostile-world.js';
import { healthy } from '../scan/scan-harness.js';

const BIN = fileURLToPath(new URL('../../bin/mtasts', import.meta.url));
/** The CLI's V8 heap may not grow past this: a body or record that is buffered whole would crash it. */
const HEAP_LIMIT_MB = 64;
/** Far above what a hostile group takes; a scan that hangs is killed here and fails the test. */
const KILL_AFTER_MS = 40_000;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

let world: HostileWorld;
let dir: string;

/**
 * The cases that share flags run in one CLI call, scanned side by side like any list of domains. Only the cases about
 * time get a short deadline: on a busy shared machine a whole group under one would time out where it should not.
 */
const groups = [
  ...HOSTILE_CASES.reduce((byFlags, c) => {
    const key = `${c.public ?? false}/${c.timeoutMs ?? 'default'}/${c.noSmtp ?? false}`;
    return byFlags.set(key, [...(byFlags.get(key) ?? []), c]);
  }, new Map<string, HostileCase[]>()).values(),
];
const flags = (c: HostileCase): string[] => [
  ...(c.timeoutMs ? ['--timeout', String(c.timeoutMs)] : []),
  ...(c.noSmtp ? ['--no-smtp'] : []),
];

function mtasts(args: string[], allowPrivate: boolean): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      BIN,
      args,
      {
        env: {
          PATH: process.env['PATH'] ?? '',
          NODE_OPTIONS: `--max-old-space-size=${HEAP_LIMIT_MB}`,
          MTASTS_DNS: world.server,
          ...(allowPrivate ? { MTASTS_ALLOW_PRIVATE: '1' } : {}),
          MTASTS_POLICY_PORT: String(world.internet.https.port),
          MTASTS_SMTP_PORT: String(world.internet.smtp.port),
          MTASTS_DB: join(dir, 'history.db'),
          NODE_EXTRA_CA_CERTS: join(dir, 'ca.pem'),
        },
        timeout: KILL_AFTER_MS,
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) =>
        resolve({
          code: error ? (typeof error.code === 'number' ? error.code : null) : 0,
          signal: error?.signal ?? null,
          stdout,
          stderr,
        }),
    );
  });
}

const json = new Map<string, Report>();
const rescanned = new Map<string, Report>();
const text = new Map<string, string>();
const runs: Array<{ group: string[]; run: Run; expectedCode: number }> = [];

// Each group: --json, the text form, then --json again against the same history database.
beforeAll(async () => {
  world = await startHostileWorld();
  dir = mkdtempSync(join(tmpdir(), 'mtasts-hostile-cli-'));
  writeFileSync(join(dir, 'ca.pem'), world.internet.ca.certPem);
  for (const c of HOSTILE_CASES) await c.publish(world, c.domain);
  for (const group of groups) {
    const domains = group.map((c) => c.domain);
    const args = ['scan', ...domains, ...flags(group[0]!)];
    const allowPrivate = group[0]!.public === undefined;
    const expectedCode = group.some((c) => c.verdict === 'broken') ? 1 : 0;
    const first = await mtasts([...args, '--json'], allowPrivate);
    const plain = await mtasts(args, allowPrivate);
    const again = await mtasts([...args, '--json'], allowPrivate);
    runs.push(...[first, plain, again].map((run) => ({ group: domains, run, expectedCode })));
    const reports = (run: Run): Report[] => [JSON.parse(run.stdout)].flat().map((r) => reportSchema.parse(r));
    for (const report of reports(first)) json.set(report.domain, report);
    for (const report of reports(again)) rescanned.set(report.domain, report);
    // Each report starts with a line of its domain and verdict: cut the text there.
    const starts = domains.map((d) => `\n${plain.stdout}`.indexOf(`\n${d}  `)).sort((a, b) => a - b);
    for (const [i, start] of starts.entries()) {
      const part = plain.stdout.slice(start, starts[i + 1]);
      text.set(part.slice(0, part.indexOf('  ')), part);
    }
  }
}, 240_000);

afterAll(async () => {
  await world?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the CLI in a hostile world', () => {
  it('finishes every run on its own, under the heap limit, with the exit code of its verdicts and nothing on stderr', () => {
    expect(runs.map(({ group, run }) => ({ group, signal: run.signal, stderr: run.stderr }))).toEqual(
      runs.map(({ group }) => ({ group, signal: null, stderr: '' })),
    );
    expect(runs.map(({ run }) => run.code)).toEqual(runs.map(({ expectedCode }) => expectedCode));
  });

  it.each(HOSTILE_CASES)('$name: the right verdict and findings, in JSON and as text', (c) => {
    const report = json.get(c.domain);
    expect({ verdict: report?.verdict, codes: report?.findings.map((f) => f.code) }).toEqual({
      verdict: c.verdict,
      codes: c.codes,
    });
    const plain = text.get(c.domain) ?? '';
    for (const code of c.codes) expect(plain).toContain(`[${code}]`);
    if (c.cause) expect(report?.findings[0]?.cause).toBe(c.cause);
    if (c.verbatim) expect(c.verbatim.at(report!)).toEqual(c.verbatim.value);
  });

  it.each(HOSTILE_CASES)('$name: only host names enter the suggested policy', (c) => {
    const mx = (json.get(c.domain)?.suggestions.policy ?? '').match(/^mx: .*$/gm) ?? [];
    for (const line of mx) expect(line).toMatch(/^mx: (\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    if (c.suggestedMx) expect(mx).toEqual(c.suggestedMx.map((host) => `mx: ${host}`));
  });

  it.each(HOSTILE_CASES)('$name: no acting character reaches the terminal, text or JSON', (c) => {
    expectInertTerminal(text.get(c.domain) ?? '');
    for (const { run } of runs.filter(({ group }) => group.includes(c.domain))) expectInertTerminal(run.stdout);
  });

  it.each(HOSTILE_CASES)('$name: a second scan reads the stored history right', (c) => {
    expect(rescanned.get(c.domain)?.findings.map((f) => f.code)).toEqual(c.codes);
  });

  it('scans every domain clean once it is healthy again, against the same history', async () => {
    for (const c of HOSTILE_CASES) {
      world.internet.dns.clear(`_mta-sts.${c.domain}`);
      world.internet.dns.clear(c.domain);
      world.internet.dns.clear(`mta-sts.${c.domain}`);
      world.internet.dns.clear(`mx1.${c.domain}`);
      world.dns.clear(`_mta-sts.${c.domain}`);
      await publishDomain(world.internet, c.domain, healthy()(c.domain));
    }
    const run = await mtasts(['scan', ...HOSTILE_CASES.map((c) => c.domain), '--json'], true);
    const reports = (JSON.parse(run.stdout) as unknown[]).map((r) => reportSchema.parse(r));
    expect(
      reports.map((r) => ({ domain: r.domain, verdict: r.verdict, codes: r.findings.map((f) => f.code) })),
    ).toEqual(HOSTILE_CASES.map((c) => ({ domain: c.domain, verdict: 'enforced', codes: [] })));
    expect(run.code).toBe(0);
  }, 60_000);
});
