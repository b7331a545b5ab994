import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportSchema } from '../../src/report/report.js';
import { closedDnsAddress } from '../fixture/dead-dns.js';
import {
  type DomainSpec,
  type FixtureInternet,
  publishDomain,
  startFixtureInternet,
} from '../fixture/fixture-internet.js';
import { CRLF_POLICY, healthy } from '../scan/scan-harness.js';

const BIN = fileURLToPath(new URL('../../bin/mtasts', import.meta.url));
let internet: FixtureInternet;
let dir: string;

beforeAll(async () => {
  internet = await startFixtureInternet();
  dir = mkdtempSync(join(tmpdir(), 'mtasts-cli-'));
  writeFileSync(join(dir, 'ca.pem'), internet.ca.certPem);
  await publishDomain(internet, 'good.example', healthy('enforce')('good.example'));
  await publishDomain(internet, 'trial.example', healthy('testing')('trial.example'));
  await publishDomain(internet, 'bad.example', { ...healthy()('bad.example'), mx: [[10, 'other.bad.example']] });
  await publishDomain(internet, 'wild.example', {
    ...healthy()('wild.example'),
    policy: CRLF_POLICY('enforce', ['*.wild.example']),
    mx: [
      [10, 'a.mx.wild.example'],
      [20, 'b.mx.wild.example'],
    ],
  });
  await publishDomain(internet, 'selfsigned.example', {
    ...healthy()('selfsigned.example'),
    policyHost: { cert: 'self-signed' },
  });
  const hostile: DomainSpec = {
    ...healthy()('evil.example'),
    txt: 'v=STSv1; id=\u001b[31mRED\u001b[0m\r;',
    mx: [[10, 'mx1.evil.example']],
  };
  await publishDomain(internet, 'evil.example', hostile);
});

afterAll(async () => {
  await internet?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function mtasts(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      BIN,
      args,
      {
        env: {
          PATH: process.env['PATH'] ?? '',
          MTASTS_DNS: internet.dns.server,
          MTASTS_ALLOW_PRIVATE: '1',
          MTASTS_POLICY_PORT: String(internet.https.port),
          MTASTS_SMTP_PORT: String(internet.smtp.port),
          MTASTS_DB: join(dir, 'history.db'),
          NODE_EXTRA_CA_CERTS: join(dir, 'ca.pem'),
          ...env,
        },
        timeout: 15_000,
      },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('mtasts scan (CLI)', () => {
  it('prints the verdict first, the MX table and exits 0 for an enforced domain', async () => {
    const run = await mtasts(['scan', 'good.example']);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('good.example  ENFORCED');
    expect(run.stdout).toContain('✓ mx1.good.example');
    expect(run.stdout).not.toContain('\u001b[');
    expect(run.stderr).toBe('');
  });

  it('shows the gate of each MX host under its row', async () => {
    const run = await mtasts(['scan', 'good.example']);
    expect(run.stdout).toContain('      ✓ STARTTLS TLSv1.3, cert ok, 89 days, DANE none');
  });

  it('--no-smtp never connects to an MX host, and the rows say it was not probed', async () => {
    const staged = await publishDomain(internet, 'quiet.example', {
      ...healthy()('quiet.example'),
      mxHosts: { 'mx1.quiet.example': {} },
    });
    const run = await mtasts(['scan', 'quiet.example', '--no-smtp', '--json']);
    expect(run.code).toBe(0);
    expect(reportSchema.parse(JSON.parse(run.stdout)).mx).toEqual([
      {
        host: 'mx1.quiet.example',
        priority: 10,
        matchedBy: 'mx1.quiet.example',
        smtp: null,
        dane: { status: 'none', tlsa: [] },
      },
    ]);
    expect(staged['mx1.quiet.example']?.connections).toBe(0);
    expect((await mtasts(['scan', 'quiet.example', '--no-smtp'])).stdout).toContain(
      '      ? SMTP not probed, DANE none',
    );
    expect(staged['mx1.quiet.example']?.connections).toBe(0);
    // Without the flag the same host is contacted: the counter is live.
    await mtasts(['scan', 'quiet.example']);
    expect(staged['mx1.quiet.example']?.connections).toBe(1);
  });

  it('prints the Report as JSON, one object for one domain and an array for several', async () => {
    const one = await mtasts(['scan', 'good.example', '--json']);
    expect(reportSchema.parse(JSON.parse(one.stdout)).verdict).toBe('enforced');
    const many = await mtasts(['scan', 'good.example', 'trial.example', '--json']);
    const reports = JSON.parse(many.stdout) as unknown[];
    expect(reports.map((r) => reportSchema.parse(r).verdict)).toEqual(['enforced', 'testing']);
  });

  it('normalises what it is given: upper case, a trailing dot, a URL or an address', async () => {
    for (const input of ['GOOD.example.', 'https://good.example/path', 'postmaster@good.example']) {
      const run = await mtasts(['scan', input, '--json']);
      expect(JSON.parse(run.stdout).domain).toBe('good.example');
    }
  });

  it('exits 1 when --fail-on is hit (default: broken) and 0 with --fail-on never', async () => {
    expect((await mtasts(['scan', 'bad.example'])).code).toBe(1);
    expect((await mtasts(['scan', 'bad.example', '--fail-on', 'never'])).code).toBe(0);
  });

  it('suggests each DNS record as name and value, with its zone-file line', async () => {
    const run = await mtasts(['scan', 'bad.example']);
    const lines = run.stdout.split('\n');
    const txt = lines.indexOf('  TXT record:');
    expect(lines.slice(txt + 1, txt + 7).join('\n')).toMatch(
      /^ {6}Name: {2}_mta-sts\.bad\.example\n {6}Type: {2}TXT\n {6}Value: v=STSv1; id=(\d{14});\n\n {6}; zone file:\n {6}_mta-sts\.bad\.example\. IN TXT "v=STSv1; id=\1;"$/,
    );
    const json = JSON.parse((await mtasts(['scan', 'bad.example', '--json'])).stdout);
    expect(json.suggestions.txtName).toBe('_mta-sts.bad.example');
    expect(json.suggestions.txt).toMatch(/^v=STSv1; id=\d{14};$/);
  });

  it('suggests a policy that keeps the live mode enforce, and says so above it', async () => {
    const run = await mtasts(['scan', 'bad.example']);
    expect(run.stdout).toContain(
      [
        '  Policy (https://mta-sts.bad.example/.well-known/mta-sts.txt):',
        '    It keeps the live mode, enforce.',
        '      version: STSv1',
        '      mode: enforce',
        '      mx: other.bad.example',
        '      max_age: 604800',
      ].join('\n'),
    );
  });

  it('suggests the wildcard its finding asks to add, not a list of exact hosts', async () => {
    const run = await mtasts(['scan', 'wild.example']);
    expect(run.stdout).toContain(
      '             Fix: Add `mx: *.mx.wild.example` to the policy, then rotate the TXT id.',
    );
    expect(run.stdout).toContain(
      ['      mode: enforce', '      mx: *.mx.wild.example', '      max_age: 604800'].join('\n'),
    );
    expect(run.stdout).not.toContain('mx: a.mx.wild.example');
  });

  it('suggests no TLS-RPT record where a valid one is published', async () => {
    const run = await mtasts(['scan', 'bad.example']);
    expect(run.stdout).toContain('Suggested records');
    expect(run.stdout).not.toContain('TLS-RPT record:');
    expect(JSON.parse((await mtasts(['scan', 'bad.example', '--json'])).stdout).suggestions.tlsrpt).toBeNull();
  });

  it('says a domain that does not exist is not found, offers no records, and exits 1', async () => {
    const run = await mtasts(['scan', 'typo.example']);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')[0]).toBe('typo.example  DOMAIN NOT FOUND');
    expect(run.stdout).toContain('Domain does not exist [domain-not-found]');
    expect(run.stdout).toContain('             `typo.example` does not exist in DNS (NXDOMAIN).');
    expect(run.stdout).not.toContain('Suggested records');
  });

  it('says once that the resolver cannot be reached and exits 3, with no verdict, when nothing answers DNS', async () => {
    const server = await closedDnsAddress();
    for (const args of [
      ['scan', 'good.example'],
      ['scan', 'good.example', 'trial.example', 'bad.example', '--json'],
    ]) {
      const run = await mtasts(args, { MTASTS_DNS: server });
      expect(run.code).toBe(3);
      expect(run.stdout).toBe('');
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(
        new RegExp(
          `^mtasts: could not reach the DNS server ${server.replace(/\./g, '\\.')} \\(ECONNREFUSED: .*\\); the scan did not run\n$`,
        ),
      );
    }
  });

  it('--fail-on testing fails anything short of enforced', async () => {
    expect((await mtasts(['scan', 'trial.example', '--fail-on', 'testing'])).code).toBe(1);
    expect((await mtasts(['scan', 'good.example', '--fail-on', 'testing'])).code).toBe(0);
  });

  it.each([
    [['scan', '192.0.2.1'], /IP address/i],
    [['scan', 'localhost'], /./],
    [['scan', 'a..example'], /./],
    [['scan'], /at least one domain/],
    [['scan', 'good.example', '--timeout', 'soon'], /--timeout/],
    [['scan', 'good.example', '--fail-on', 'sometimes'], /--fail-on/],
    [['scan', 'good.example', '--dns', 'resolver.example'], /--dns/],
    [['scan', 'good.example', '--frobnicate'], /frobnicate/],
    [['probe', 'good.example'], /unknown command/],
  ])('refuses %j with exit 2, one line on stderr and nothing on stdout', async (args, message) => {
    const run = await mtasts(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('neutralises control characters and ANSI escapes from DNS in text, and carries them verbatim in JSON', async () => {
    const text = await mtasts(['scan', 'evil.example']);
    expect(text.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(text.stdout).toContain('\\u001b[31mRED');
    const json = await mtasts(['scan', 'evil.example', '--json']);
    expect(JSON.parse(json.stdout).txt.record).toBe('v=STSv1; id=\u001b[31mRED\u001b[0m\r;');
  });

  it('shows a policy served over an untrusted certificate, marked as not usable by senders', async () => {
    const run = await mtasts(['scan', 'selfsigned.example']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /Policy +id 20261130T000000 .*mode enforce .*\(not usable by senders: untrusted certificate\)/,
    );
    expect(run.stdout).toContain('[cert-untrusted]');
  });

  it('colours only on a TTY: NO_COLOR and pipes get plain text', async () => {
    const run = await mtasts(['scan', 'good.example'], { NO_COLOR: '1' });
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('records history in MTASTS_DB so a changed body under the same id is caught on the next run', async () => {
    const db = join(dir, 'stale.db');
    await publishDomain(internet, 'drift.example', healthy()('drift.example'));
    expect((await mtasts(['scan', 'drift.example'], { MTASTS_DB: db })).code).toBe(0);
    await publishDomain(internet, 'drift.example', {
      ...healthy()('drift.example'),
      policy: CRLF_POLICY('enforce', ['*.drift.example']),
    });
    const run = await mtasts(['scan', 'drift.example', '--json'], { MTASTS_DB: db });
    expect(JSON.parse(run.stdout).findings.map((f: { code: string }) => f.code)).toEqual(['stale-policy-id']);
  });

  it('prints usage for help', async () => {
    const run = await mtasts(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('mtasts scan <domain...>');
  });
});
