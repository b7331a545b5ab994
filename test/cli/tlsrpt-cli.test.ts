import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../adapters/cli/main.js';
import { corpus, GOOGLE_SUMMARY, reportBytes, stsEntry } from '../tlsrpt/report-builder.js';

const BIN = fileURLToPath(new URL('../../bin/mtasts', import.meta.url));
let dir: string;
const at = (name: string) => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mtasts-tlsrpt-'));
  for (const name of ['google.json', 'postfix.json'])
    copyFileSync(fileURLToPath(new URL(`../tlsrpt/corpus/${name}`, import.meta.url)), at(name));
  // The name says JSON, the bytes are gzip with a CRLF after them: read by magic bytes, with a warning.
  writeFileSync(at('google-gz.json'), Buffer.concat([gzipSync(corpus('google.json')), Buffer.from('\r\n')]));
  writeFileSync(
    at('broken.json'),
    reportBytes({ policies: [stsEntry({ summary: { 'total-failure-session-count': -2 } })] }),
  );
  writeFileSync(
    at('evil.json'),
    reportBytes({ 'organization-name': 'Evil\u001b[2J\u001b[31m Corp', 'report-id': 'id\r\nFAKE ACCEPTED' }),
  );
  const details = Array.from({ length: 5000 }, (_, i) => ({
    'result-type': 'starttls-not-supported',
    'sending-mta-ip': `10.1.${Math.floor(i / 250)}.${i % 250}`,
    'receiving-mx-hostname': 'mx.example.com',
    'failed-session-count': 1,
  }));
  writeFileSync(
    at('big.json'),
    reportBytes({
      policies: [stsEntry({ summary: { 'total-failure-session-count': 5000 }, 'failure-details': details })],
    }),
  );
  mkdirSync(at('a-directory'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The installed command, as a shell runs it. */
function spawnMtasts(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(BIN, args, { env: { PATH: process.env['PATH'] ?? '' }, timeout: 15_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** The same entry in this process: most cases need no process of their own. */
async function mtasts(args: string[]): Promise<Run> {
  const out = { stdout: '', stderr: '' };
  const sink = (key: keyof typeof out) =>
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        out[key] += chunk.toString();
        done();
      },
    });
  const code = await runCli(args, { env: {}, stdout: sink('stdout'), stderr: sink('stderr') });
  return { code, ...out };
}

describe('mtasts tlsrpt (CLI)', () => {
  it('prints one JSON object for one file, in the documented shape', async () => {
    const run = await spawnMtasts(['tlsrpt', at('google.json'), '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ file: at('google.json'), ...GOOGLE_SUMMARY });
  });

  it('prints an array for several files and exits 1 when any is rejected', async () => {
    const run = await mtasts(['tlsrpt', '--json', at('google-gz.json'), at('broken.json')]);
    expect(run.code).toBe(1);
    const [gz, broken] = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(gz).toMatchObject({ file: at('google-gz.json'), accepted: true, warnings: ['gzip-trailing-garbage'] });
    expect(broken).toEqual({
      file: at('broken.json'),
      accepted: false,
      error: {
        code: 'invalid-count',
        path: 'policies[0].summary.total-failure-session-count',
        message: expect.stringContaining('-2'),
      },
    });
  });

  it('prints a short text summary per file', async () => {
    const run = await mtasts(['tlsrpt', at('google.json'), at('postfix.json'), at('broken.json')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      [
        `${at('google.json')}  ACCEPTED  Google Inc.  report 2026-11-30T00:00:00Z_example.com`,
        '  2026-11-30T00:00:00Z → 2026-11-30T23:59:59Z  1 policy  contact smtp-tls-reporting@google.com',
        '  example.com  sts (testing)  1840 successful  7 failed',
        '    mx patterns: mx1.example.com, *.backup.example.com',
        '    failures: certificate-expired 5, certificate-host-mismatch 2',
        '    failing MX hosts: mx1.example.com 5, mx2.example.com 2',
        '    sending MTAs: (unknown) 5, 209.85.220.41 2',
        '    not covered by the mx patterns: mx2.example.com',
        '',
        `${at('postfix.json')}  ACCEPTED  mail.sender.example  report 2026-11-30_example.com_mail.sender.example`,
        '  2026-11-30T00:00:00Z → 2026-12-01T00:00:00Z  1 policy  contact postmaster@sender.example',
        '  (no policy domain)  sts (enforce)  42 successful  0 failed',
        '    mx patterns: *.mx.example.com',
        '  ! warnings: missing-policy-domain',
        '',
        `${at('broken.json')}  REJECTED  invalid-count at policies[0].summary.total-failure-session-count: "total-failure-session-count" is -2, not a whole number from 0 to 2^53−1`,
        '',
      ].join('\n'),
    );
  });

  it('keeps long lists short: 5,000 sending MTAs in one line', async () => {
    const run = await mtasts(['tlsrpt', at('big.json')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      '    sending MTAs: 10.1.0.0 1, 10.1.0.1 1, 10.1.0.10 1, 10.1.0.100 1, 10.1.0.101 1 and 4995 more\n',
    );
    expect(run.stdout.split('\n').length).toBeLessThan(12);
  });

  it('neutralises control characters from the report in text and carries them verbatim in JSON', async () => {
    const text = await mtasts(['tlsrpt', at('evil.json')]);
    expect(text.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(text.stdout).toContain('Evil\\u001b[2J\\u001b[31m Corp  report id\\u000d\\u000aFAKE ACCEPTED');
    const json = await mtasts(['tlsrpt', at('evil.json'), '--json']);
    expect(JSON.parse(json.stdout).report.organization).toBe('Evil\u001b[2J\u001b[31m Corp');
  });

  it.each([
    [['tlsrpt'], /usage: mtasts tlsrpt <file\.\.\.> \[--json\]/],
    [['tlsrpt', '--csv', 'x.json'], /--csv/],
    [['tlsrpt', 'no-such-file.json'], /cannot read no-such-file\.json \(ENOENT/],
    [['tlsrpt', '@dir'], /cannot read .*a-directory \(EISDIR/],
  ])('refuses %j with exit 2, one line on stderr and nothing on stdout', async (args, message) => {
    const run = await mtasts(args.map((arg) => (arg === '@dir' ? at('a-directory') : arg)));
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
  });

  it('exits 2 from the installed command on bad usage', async () => {
    const run = await spawnMtasts(['tlsrpt']);
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'mtasts: usage: mtasts tlsrpt <file...> [--json]\n' });
  });

  it('lists the command in the usage text', async () => {
    const run = await mtasts(['--help']);
    expect(run.stdout).toContain('mtasts tlsrpt <file...> [--json]');
  });
});
