import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CONSOLE_CHANNEL, startConsoleAdapter } from '../../../adapters/console/index.js';
import type { ChatMessage } from '../../../src/chat/chat-message.js';
import { createCommandCore } from '../../../src/command/command-core.js';
import type { CommandHandler, CommandRequest } from '../../../src/command/command-handler.js';
import { openSqliteStore, type SqliteStore } from '../../../src/store/sqlite-store.js';
import { brokenReportFixture, FIXTURE_NOW, reportFixture } from '../../command/report-fixture.js';

function terminal(core: CommandHandler, isTTY = false) {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  const adapter = startConsoleAdapter({ core, input, output, isTTY });
  return {
    adapter,
    type: (line: string) => input.write(`${line}\n`),
    output: () => text,
    /** Resolves once the output contains `needle`. */
    async waitFor(needle: string) {
      for (let i = 0; i < 200 && !text.includes(needle); i++) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(text).toContain(needle);
    },
  };
}

const ESC = '\u001b';

const stores: SqliteStore[] = [];
afterEach(() => {
  vi.unstubAllEnvs();
  stores.splice(0).forEach((store) => store.close());
});

function memoryStore(): SqliteStore {
  const store = openSqliteStore(':memory:');
  stores.push(store);
  return store;
}

describe('startConsoleAdapter', () => {
  it('tells the user the request failed, in the words every platform uses, when the core throws', async () => {
    const core: CommandHandler = {
      handle: async () => {
        throw new Error('boom');
      },
    };
    const term = terminal(core);
    await term.waitFor('mtasts> ');
    term.type('example.com');
    await term.waitFor('Something went wrong with that request. Please try again in a minute.\n');
    await term.adapter.stop();
  });

  it('renders a scanned domain: verdict line, summary, MX table with ✓/✗, findings and fixes', async () => {
    const core = createCommandCore({
      scan: async (domain) => brokenReportFixture(domain),
      watches: memoryStore(),
      now: () => FIXTURE_NOW,
    });
    const term = terminal(core);
    await term.waitFor('mtasts> ');
    term.type('/mtasts Example.com');
    await term.waitFor('Type "rescan example.com"');
    const out = term.output();
    expect(out).toContain('example.com — Broken');
    expect(out).toContain('  Policy id: `20240101000000`\n  Body: sha256 `3f2a9c1be07d…`');
    expect(out).toMatch(/✓ {4}10 {2}mx1\.example\.com {5}matches mx1\.example\.com/);
    expect(out).toMatch(/✗ {4}20 {2}backup\.example\.com {2}not covered by the policy/);
    expect(out).toContain('✗ MX backup.example.com is not covered by the policy (mx-mismatch)');
    expect(out).toContain('How to fix');
    expect(out).toContain('│ version: STSv1\n');
    expect(out).toContain('│ mx: mx1.example.com\n');
    expect(out).not.toContain(ESC);
    term.type('quit');
    await term.adapter.closed;
  });

  it('passes bare domains, help and rescan through to the core the way chat users would type them', async () => {
    const requests: CommandRequest[] = [];
    const core: CommandHandler = {
      async handle(request): Promise<ChatMessage> {
        requests.push(request);
        return { kind: 'notice', code: 'help', tone: 'neutral', private: true, text: [`got ${request.text}`] };
      },
    };
    const term = terminal(core);
    term.type('example.org');
    term.type('help');
    term.type('rescan example.net');
    term.type('');
    term.type('exit');
    await term.adapter.closed;
    expect(requests.map(({ text, fresh, platform }) => ({ text, fresh, platform }))).toEqual([
      { text: 'example.org', fresh: false, platform: 'console' },
      { text: 'help', fresh: false, platform: 'console' },
      { text: 'example.net', fresh: true, platform: 'console' },
    ]);
    // One channel: what is watched at the prompt is what its digests cover.
    for (const { platform, workspaceId, channelId } of requests)
      expect({ platform, workspaceId, channelId }).toEqual(CONSOLE_CHANNEL);
    expect(term.output()).toContain('got example.net');
  });

  it('neutralises control characters and ANSI escapes in remote text', async () => {
    const hostile = reportFixture({
      verdict: 'broken',
      mx: [
        { host: `evil${ESC}[2J${ESC}]0;pwned\u0007.example`, priority: 10, matchedBy: null, smtp: null, dane: null },
      ],
      findings: [
        {
          code: 'policy-invalid',
          severity: 'error',
          title: `Policy line "mode: ${ESC}[31mfake\u202e"`,
          detail: `body said\r\nX-Injected: ${ESC}[1Aup`,
          fix: `Fix ${ESC}[0m it`,
        },
      ],
      suggestions: {
        txtName: '_mta-sts.example.com',
        txt: 'v=STSv1; id=1;',
        policy: `version: STSv1\nmode: ${ESC}[5mtesting\n`,
        tlsrptName: '_smtp._tls.example.com',
        tlsrpt: 'v=TLSRPTv1; rua=mailto:tls-reports@example.com',
      },
    });
    const core = createCommandCore({ scan: async () => hostile, watches: memoryStore(), now: () => FIXTURE_NOW });
    const term = terminal(core);
    term.type('example.com');
    await term.waitFor('Type "rescan');
    const out = term.output();
    expect(out).not.toContain(ESC);
    expect(out).not.toContain('\u0007');
    expect(out).not.toContain('\u202e');
    expect(out).not.toContain('\r');
    expect(out).toContain('evil\\u001b[2J\\u001b]0;pwned\\u0007.example');
    expect(out).toContain('mode: \\u001b[5mtesting');
    // The CR LF of the detail is a real line break inside our layout, never a raw control character.
    expect(out).toContain('      X-Injected: \\u001b[1Aup');
    await term.adapter.stop();
  });

  it('colours the verdict on a TTY, and not when NO_COLOR is set', async () => {
    const core = createCommandCore({
      scan: async (domain) => reportFixture({ domain }),
      watches: memoryStore(),
      now: () => FIXTURE_NOW,
    });
    vi.stubEnv('NO_COLOR', '');
    const tty = terminal(core, true);
    tty.type('example.com');
    await tty.waitFor('Type "rescan');
    expect(tty.output()).toContain(`${ESC}[32mexample.com — Enforced${ESC}[39m`);
    await tty.adapter.stop();

    vi.stubEnv('NO_COLOR', '1');
    const plain = terminal(core, true);
    plain.type('example.org');
    await plain.waitFor('Type "rescan');
    expect(plain.output()).toContain('example.org — Enforced');
    expect(plain.output()).not.toContain(`${ESC}[32m`);
    await plain.adapter.stop();
  });

  it('tells the user when the scan waits for a free slot', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const core = createCommandCore({
      scan: async (domain) => {
        if (domain === 'a.example') await held;
        return reportFixture({ domain });
      },
      watches: memoryStore(),
      now: () => FIXTURE_NOW,
      limits: { maxConcurrentScans: 1 },
    });
    const first = core.handle({ platform: 'slack', workspaceId: 'T', channelId: 'C', userId: 'U', text: 'a.example' });
    const term = terminal(core);
    term.type('b.example');
    await term.waitFor('All scan slots are busy; you are number 1 in line…');
    release();
    await first;
    await term.waitFor('Waited 0 s in the queue');
    await term.adapter.stop();
  });

  it('prints a posted digest between commands and shows the prompt again', async () => {
    const core: CommandHandler = {
      async handle(): Promise<ChatMessage> {
        return { kind: 'notice', code: 'help', tone: 'neutral', private: true, text: ['answered'] };
      },
    };
    const term = terminal(core);
    await term.waitFor('mtasts> ');
    await term.adapter.post(CONSOLE_CHANNEL, {
      kind: 'digest',
      tone: 'good',
      headline: 'MTA-STS digest: 1 domain · 1 enforced',
      counts: { enforced: 1, testing: 0, none: 0, 'not-configured': 0, broken: 0, 'timed-out': 0, failed: 0 },
      noChanges: true,
      intro: `No changes since the previous digest (2024-03-01 09:00 UTC).${ESC}[2J`,
      lines: [],
      details: [],
    });
    const printed = term.output().split('mtasts> ');
    expect(printed).toHaveLength(3);
    expect(printed[1]).toBe(
      'MTA-STS digest: 1 domain · 1 enforced\nNo changes since the previous digest (2024-03-01 09:00 UTC).\\u001b[2J\n',
    );
    term.type('example.com');
    await term.waitFor('answered');
    await term.adapter.stop();
  });

  it('finishes the reply in progress when stopped', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let started = () => {};
    const scanning = new Promise<void>((resolve) => (started = resolve));
    const core = createCommandCore({
      scan: async (domain) => {
        started();
        await held;
        return reportFixture({ domain });
      },
      watches: memoryStore(),
      now: () => FIXTURE_NOW,
    });
    const term = terminal(core);
    term.type('example.com');
    await scanning;
    const stopped = term.adapter.stop();
    release();
    await stopped;
    expect(term.output()).toContain('example.com — Enforced');
  });
});
