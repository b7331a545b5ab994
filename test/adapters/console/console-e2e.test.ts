import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsoleAdapter } from '../../../adapters/console/index.js';
import { createCommandCore } from '../../../src/command/command-core.js';
import { scan } from '../../../src/scan/scan.js';
import { publishDomain, startFixtureInternet, type FixtureInternet } from '../../fixture/fixture-internet.js';

const policy = (mx: string[]) => ['version: STSv1', 'mode: enforce', ...mx.map((m) => `mx: ${m}`), 'max_age: 604800', ''].join('\r\n');

describe('console adapter with the real core and scan', () => {
  let internet: FixtureInternet;
  beforeAll(async () => {
    internet = await startFixtureInternet();
  });
  afterAll(() => internet.close());

  it('answers "/mtasts <domain>" typed at the prompt with the scanned verdict, MX table, findings and fixes', async () => {
    await publishDomain(internet, 'good.chat.test', {
      txt: 'v=STSv1; id=20261130T000000;',
      policy: policy(['mx1.good.chat.test']),
      mx: [[10, 'mx1.good.chat.test']],
      tlsrpt: 'v=TLSRPTv1; rua=mailto:tls-reports@good.chat.test',
    });
    await publishDomain(internet, 'bad.chat.test', {
      txt: 'v=STSv1; id=20261130T000000;',
      policy: policy(['mx1.bad.chat.test']),
      mx: [
        [10, 'mx1.bad.chat.test'],
        [20, 'backup.bad.chat.test'],
      ],
      tlsrpt: 'v=TLSRPTv1; rua=mailto:postmaster@bad.chat.test',
    });
    let scans = 0;
    const core = createCommandCore({
      scan: (domain) => {
        scans += 1;
        return scan(domain, internet.scanOptions);
      },
    });
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    const adapter = startConsoleAdapter({ core, input, output, isTTY: false });

    input.write('/mtasts good.chat.test\n');
    input.write('bad.chat.test\n');
    input.write('good.chat.test\n');
    input.write('quit\n');
    await adapter.closed;

    const [good, bad, again] = text.split('mtasts> ').slice(1);
    expect(good).toContain('good.chat.test — Enforced');
    expect(good).toContain('Policy id 20261130T000000 · body sha256 ');
    expect(good).toContain('TLS-RPT: mailto:***@good.chat.test');
    expect(good).toMatch(/✓ +10 {2}mx1\.good\.chat\.test {2}matches mx1\.good\.chat\.test/);
    expect(good).not.toContain('How to fix');

    expect(bad).toContain('bad.chat.test — Broken');
    expect(bad).toMatch(/✗ +20 {2}backup\.bad\.chat\.test {2}not covered by the policy/);
    expect(bad).toContain('(mx-mismatch)');
    expect(bad).toContain('How to fix');
    expect(bad).toContain('│ mx: backup.bad.chat.test');
    expect(bad).not.toContain('postmaster');

    expect(again).toContain('good.chat.test — Enforced');
    expect(again).toMatch(/Cached \d+ s ago/);
    expect(scans).toBe(2);
  });
});
