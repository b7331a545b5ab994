import { PassThrough } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startConsoleAdapter } from '../../../adapters/console/index.js';
import { createCommandCore } from '../../../src/command/command-core.js';
import { scan } from '../../../src/scan/scan.js';
import { openSqliteStore, type SqliteStore } from '../../../src/store/sqlite-store.js';
import { type FixtureInternet, publishDomain, startFixtureInternet } from '../../fixture/fixture-internet.js';

const policy = (mx: string[], maxAge = 604800) =>
  ['version: STSv1', 'mode: enforce', ...mx.map((m) => `mx: ${m}`), `max_age: ${maxAge}`, ''].join('\r\n');
const deployment = (domain: string, maxAge?: number) => ({
  txt: 'v=STSv1; id=20261130T000000;',
  policy: policy([`mx1.${domain}`], maxAge),
  mx: [[10, `mx1.${domain}`]] as Array<[number, string]>,
  tlsrpt: `v=TLSRPTv1; rua=mailto:tls-reports@${domain}`,
});

/** A prompt on PassThrough streams: what was typed, and everything printed so far. */
function terminal(core: Parameters<typeof startConsoleAdapter>[0]['core']) {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  const adapter = startConsoleAdapter({ core, input, output, isTTY: false });
  return {
    adapter,
    output: () => text,
    /** Types a line and resolves with what was printed in answer, once the next prompt shows. */
    async type(line: string): Promise<string> {
      const from = text.length;
      input.write(`${line}\n`);
      for (let i = 0; i < 400 && !text.slice(from).includes('mtasts> '); i++)
        await new Promise((resolve) => setTimeout(resolve, 25));
      const answer = text.slice(from);
      expect(answer).toContain('mtasts> ');
      return answer.slice(0, answer.lastIndexOf('mtasts> '));
    },
  };
}

describe('console adapter with the real core and scan', () => {
  let internet: FixtureInternet;
  beforeAll(async () => {
    internet = await startFixtureInternet();
  });
  afterAll(() => internet.close());
  const stores: SqliteStore[] = [];
  afterEach(() => stores.splice(0).forEach((store) => store.close()));
  const memoryStore = (): SqliteStore => {
    const store = openSqliteStore(':memory:');
    stores.push(store);
    return store;
  };

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
      watches: memoryStore(),
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
    expect(good).toContain('Policy id: `20261130T000000`\n  Body: sha256 `');
    expect(good).toContain('TLS-RPT: `mailto:***@good.chat.test`');
    expect(good).toMatch(/✓ +10 {2}mx1\.good\.chat\.test {2}matches mx1\.good\.chat\.test/);
    // The gate the fixture's MX host presents, on the line under its row.
    expect(good).toMatch(/mx1\.good\.chat\.test[^\n]*\n {10}✓ STARTTLS TLSv1\.3, cert ok, 89 days, DANE none\n/);
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

  it('watches two domains, and after one’s policy body changes under the same id, "digest now" shows stale-policy-id at the top', async () => {
    const [steady, drifting] = ['a-steady.chat.test', 'b-drifting.chat.test'];
    for (const domain of [steady, drifting]) await publishDomain(internet, domain, deployment(domain));
    const store = memoryStore();
    const clock = { offset: 0 };
    const core = createCommandCore({
      scan: (domain) => scan(domain, { ...internet.scanOptions, history: store }),
      watches: store,
      now: () => Date.now() + clock.offset,
    });
    const term = terminal(core);

    expect(await term.type(`/mtasts watch ${steady}`)).toContain(
      `Now watching ${steady} in this channel · next digest `,
    );
    expect(await term.type(`watch ${drifting}`)).toContain(`Now watching ${drifting} in this channel`);
    const first = await term.type('digest now');
    expect(first).toContain('MTA-STS digest: 2 domains · 2 enforced');
    expect(first).toContain('First digest for this channel');

    await publishDomain(internet, drifting, deployment(drifting, 1_209_600));
    // Past the result cache, so the digest scans again.
    clock.offset = 10 * 60_000;
    const lines = (await term.type('/mtasts digest now')).split('\n');
    expect(lines[0]).toBe('MTA-STS digest: 2 domains · 1 enforced · 1 broken');
    expect(lines[1]).toMatch(
      /^1 domain changed since the previous digest \(\d{1,2} [A-Z][a-z]{2}( \d{4})? \d\d:\d\d UTC\); listed first\.$/,
    );
    expect(lines[3]).toBe(`  ✗ ${drifting}  broken · mode enforce · MX 1/1 covered`);
    expect(lines[4]).toBe('      ▸ verdict enforced → broken');
    expect(lines[5]).toBe(
      '      ▸ policy body changed without a new id (stale-policy-id): senders keep the old policy',
    );
    const details = lines.slice(lines.indexOf('Broken domains'));
    expect(details[1]).toBe(`  ▸ ${drifting}`);
    expect(details.join('\n')).toContain('(stale-policy-id)');
    expect(lines.join('\n')).not.toContain(`▸ ${steady}`);
    expect(lines).toContain(`  ✓ 1 enforced, unchanged: ${steady}`);

    const watched = await term.type('watches');
    expect(watched).toContain('MTA-STS watches: 2 domains · 1 enforced · 1 broken');
    expect(watched).toMatch(new RegExp(`✗ ${drifting.replace(/\./g, '\\.')}`));
    await term.adapter.stop();
  });
});
