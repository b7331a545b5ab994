import { afterEach, describe, expect, it } from 'vitest';
import { type CommandCoreOptions, createCommandCore } from '../../src/command/command-core.js';
import type { CommandRequest } from '../../src/command/command-handler.js';
import type { Report } from '../../src/report/report.js';
import { scan } from '../../src/scan/scan.js';
import { markHistoryUnsaved } from '../../src/scan/unsaved-history.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite-store.js';
import { plainText } from '../chat/plain-text.js';
import { closedDnsAddress } from '../fixture/dead-dns.js';
import { FIXTURE_NOW, reportFixture } from './report-fixture.js';
import { asNotice, asReport } from './watch-harness.js';

/** A scan that records what it was asked and answers with a fixture report; `hold()` makes the next scans wait. */
function fixtureScanner() {
  const scanned: string[] = [];
  let gate: Promise<void> | null = null;
  let open = () => {};
  return {
    scanned,
    hold() {
      gate = new Promise((resolve) => (open = resolve));
    },
    release() {
      open();
      gate = null;
    },
    scan: async (domain: string): Promise<Report> => {
      scanned.push(domain);
      if (gate) await gate;
      return reportFixture({ domain });
    },
  };
}

const stores: SqliteStore[] = [];
afterEach(() => stores.splice(0).forEach((store) => store.close()));

function memoryStore(): SqliteStore {
  const store = openSqliteStore(':memory:');
  stores.push(store);
  return store;
}

function setup(options: Partial<CommandCoreOptions> = {}) {
  const clock = { now: FIXTURE_NOW };
  const scanner = fixtureScanner();
  const watches = memoryStore();
  const core = createCommandCore({ scan: scanner.scan, watches, now: () => clock.now, ...options });
  const ask = (text: string, who: Partial<CommandRequest> = {}, fresh?: boolean) =>
    core.handle({ platform: 'slack', workspaceId: 'T1', channelId: 'C1', userId: 'U1', text, fresh, ...who });
  return { clock, scanner, core, ask, watches };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('createCommandCore', () => {
  it('answers a short notice, not a verdict, when the DNS resolver cannot be reached', async () => {
    const server = await closedDnsAddress();
    const logged: string[] = [];
    const core = createCommandCore({
      scan: (domain) => scan(domain, { dns: [server], timeoutMs: 1000 }),
      watches: memoryStore(),
      logger: { error: (_details, message) => logged.push(message) },
    });
    const notice = asNotice(
      await core.handle({ platform: 'slack', workspaceId: 'T1', channelId: 'C1', userId: 'U1', text: 'example.com' }),
    );
    expect(notice).toEqual({
      kind: 'notice',
      code: 'resolver-unreachable',
      tone: 'warning',
      private: true,
      text: [
        'The check did not run: the DNS resolver could not be reached, so no domain was judged. Please try again in a few minutes.',
      ],
    });
    expect(logged).toEqual(['DNS resolver unreachable; the scan did not run']);
  });

  it('scans the normalised domain and answers with the report message', async () => {
    const { scanner, ask } = setup();
    const message = asReport(await ask('Example.COM.'));
    expect(scanner.scanned).toEqual(['example.com']);
    expect(message.headline).toBe('example.com — Enforced');
    expect(message.tone).toBe('good');
  });

  it('answers help and bad input with a short private notice and no scan', async () => {
    const { scanner, ask } = setup();
    const help = asNotice(await ask('help'));
    expect(help).toMatchObject({ code: 'help', private: true, tone: 'neutral' });
    expect(help.text.filter((part) => typeof part !== 'string')).toEqual([
      { command: 'example.com' },
      { command: 'watch example.com' },
      { command: 'unwatch example.com' },
      { command: 'watches' },
      { command: 'digest daily|weekly|off|HH:MM [time zone]' },
      { command: 'digest now' },
      { command: 'reports example.com' },
      { command: 'reports endpoint' },
    ]);
    const bad = asNotice(await ask('192.0.2.1'));
    expect(bad).toMatchObject({ code: 'usage', private: true });
    expect(plainText(bad.text)).toMatch(
      /^That doesn't look like a domain: "192\.0\.2\.1" is an IP address.*\nUsage: \{example\.com\} checks/,
    );
    expect(scanner.scanned).toEqual([]);
  });

  it('cuts a burst from one user at 3 fresh scans and says when to retry; others are unaffected', async () => {
    const { clock, scanner, ask } = setup();
    for (const [i, domain] of ['a.example', 'b.example', 'c.example'].entries()) {
      clock.now = FIXTURE_NOW + i * 1000;
      expect((await ask(domain)).kind).toBe('report');
    }
    clock.now = FIXTURE_NOW + 3000;
    const refused = asNotice(await ask('d.example'));
    expect(refused).toMatchObject({ code: 'rate-limited', private: true });
    expect(plainText(refused.text)).toContain('You have used your 3 fresh scans per 10 min.');
    expect(plainText(refused.text)).toContain('Try again in 9 min 57 s');
    expect(scanner.scanned).toEqual(['a.example', 'b.example', 'c.example']);

    expect((await ask('d.example', { userId: 'U2' })).kind).toBe('report');
    expect((await ask('e.example', { workspaceId: 'T2' })).kind).toBe('report');
    expect((await ask('f.example', { platform: 'discord' })).kind).toBe('report');

    clock.now = FIXTURE_NOW + 600_000;
    expect((await ask('g.example')).kind).toBe('report');
  });

  it('answers a repeat from the cache without scanning and without spending quota', async () => {
    const { clock, scanner, ask } = setup();
    await ask('example.com', { userId: 'U0' });
    clock.now += 42_000;
    // From other channels: in the same one a repeat points to the earlier answer instead.
    for (let i = 0; i < 5; i++) {
      const cached = asReport(await ask('example.com', { channelId: `C${i + 2}` }));
      expect(cached.summary.at(-1)).toBe('Cached 42 s ago');
    }
    expect(scanner.scanned).toEqual(['example.com']);
    // All three fresh scans are still there.
    for (const domain of ['a.example', 'b.example', 'c.example']) expect((await ask(domain)).kind).toBe('report');
  });

  it('still answers cached domains to a user who has used up the quota', async () => {
    const { ask } = setup({ limits: { scansPerWindow: 1 } });
    await ask('example.com');
    expect((await ask('example.org')).kind).toBe('notice');
    expect(asReport(await ask('example.com', { channelId: 'C2' })).domain).toBe('example.com');
  });

  it('scans again once the cached result is older than the TTL', async () => {
    const { clock, scanner, ask } = setup({ limits: { cacheTtlMs: 300_000 } });
    await ask('example.com');
    clock.now += 299_000;
    await ask('example.com');
    expect(scanner.scanned).toHaveLength(1);
    clock.now += 1000;
    const fresh = asReport(await ask('example.com'));
    expect(scanner.scanned).toHaveLength(2);
    expect(fresh.summary.some((line) => line.startsWith('Cached'))).toBe(false);
  });

  it('shares one running scan between concurrent requests for the same domain, charging only the first', async () => {
    const { scanner, ask } = setup({ limits: { scansPerWindow: 1 } });
    scanner.hold();
    const first = ask('example.com', { userId: 'U1' });
    await tick();
    const second = ask('example.com', { userId: 'U2', channelId: 'C2' });
    const third = ask('example.com', { userId: 'U1', channelId: 'C3' });
    scanner.release();
    const answers = await Promise.all([first, second, third]);
    expect(answers.map((a) => a.kind)).toEqual(['report', 'report', 'report']);
    expect(scanner.scanned).toEqual(['example.com']);
    // U2 joined a running scan, so its one fresh scan is still available.
    expect((await ask('example.org', { userId: 'U2' })).kind).toBe('report');
  });

  it('answers a repeat of a domain in the same channel within the cache window privately, pointing to the answer', async () => {
    const { clock, scanner, ask } = setup();
    expect((await ask('example.com', { userId: 'U1' })).kind).toBe('report');
    clock.now += 42_000;

    for (const userId of ['U1', 'U1', 'U2']) {
      const repeat = asNotice(await ask('example.com', { userId }));
      expect(repeat).toMatchObject({ code: 'answered-recently', private: true });
      expect(plainText(repeat.text)).toBe(
        'example.com was answered in this channel 42 s ago: see that answer. Results are kept for 5 min; its Rescan button checks again now.',
      );
    }
    expect((await ask('example.com', { channelId: 'C2' })).kind).toBe('report');
    clock.now += 5 * 60_000;
    expect((await ask('example.com')).kind).toBe('report');
    expect(scanner.scanned).toEqual(['example.com', 'example.com']);
  });

  it('joins concurrent rescans of one domain in one channel: one scan, one public answer, the rest told privately', async () => {
    const { scanner, ask } = setup({ limits: { scansPerWindow: 3 } });
    scanner.hold();
    const first = ask('example.com', {}, true);
    await tick();
    const presses = Array.from({ length: 9 }, () => ask('example.com', {}, true));
    scanner.release();
    const [answer, ...others] = await Promise.all([first, ...presses]);

    expect(answer!.kind).toBe('report');
    for (const other of others) {
      expect(asNotice(other).code).toBe('answer-pending');
    }
    expect(scanner.scanned).toEqual(['example.com']);
    // One unit of quota spent: two more rescans are allowed once the first is answered.
    expect((await ask('example.com', {}, true)).kind).toBe('report');
    expect((await ask('example.com', {}, true)).kind).toBe('report');
    expect(asNotice(await ask('example.com', {}, true)).code).toBe('rate-limited');
  });

  it('frees the channel for the domain when the answer was a refusal, so a later request is answered', async () => {
    const { ask } = setup({ limits: { scansPerWindow: 1 } });
    await ask('example.org');
    expect(asNotice(await ask('example.com')).code).toBe('rate-limited');
    expect(asNotice(await ask('example.com')).code).toBe('rate-limited');
  });

  it('runs a rescan past the cache and charges it to the user', async () => {
    const { scanner, ask } = setup({ limits: { scansPerWindow: 2 } });
    await ask('example.com');
    const rescanned = asReport(await ask('example.com', {}, true));
    expect(scanner.scanned).toEqual(['example.com', 'example.com']);
    expect(rescanned.summary.some((line) => line.startsWith('Cached'))).toBe(false);
    expect(asNotice(await ask('example.com', {}, true)).code).toBe('rate-limited');
  });

  it('runs nothing but a scan of a canonical domain for a Rescan, whatever its payload says', async () => {
    const { scanner, ask, watches } = setup();
    const channel = { platform: 'slack', workspaceId: 'T1', channelId: 'C1' } as const;
    for (const forged of [
      'digest 03:00 UTC',
      'watch example.com',
      'digest off',
      'help',
      'https://example.com/x',
      'Example.com',
      '',
    ]) {
      const refused = asNotice(await ask(forged, {}, true));
      expect(refused.code).toBe('usage');
      expect(plainText(refused.text)).toMatch(
        /^That button does not name a domain to rescan\.\nUsage: \{example\.com\}/,
      );
    }
    expect(scanner.scanned).toEqual([]);
    expect(await watches.schedule(channel)).toBeNull();
    expect(await watches.watches(channel)).toEqual([]);
    expect(asReport(await ask('example.com', {}, true)).domain).toBe('example.com');
  });

  it('refuses watch, unwatch and a digest schedule to a user the platform does not let manage the channel', async () => {
    const { scanner, ask, watches } = setup();
    const channel = { platform: 'slack', workspaceId: 'T1', channelId: 'C1' } as const;
    for (const text of ['watch example.com', 'unwatch example.com', 'digest 03:00 UTC']) {
      expect(asNotice(await ask(text, { mayManage: false })).code).toBe('not-allowed');
    }
    expect(scanner.scanned).toEqual([]);
    expect(await watches.schedule(channel)).toBeNull();
    // Scans and reading the channel's watches stay open to everyone.
    expect(asReport(await ask('example.com', { mayManage: false })).domain).toBe('example.com');
    await ask('watch example.com', { mayManage: true });
    expect(await watches.watches(channel)).toEqual(['example.com']);
  });

  it('queues scans beyond the concurrency cap, tells the hook the position and says so in the answer', async () => {
    const { clock, scanner, core } = setup({ limits: { maxConcurrentScans: 1 } });
    const request = (text: string, userId: string): CommandRequest => ({
      platform: 'discord',
      workspaceId: 'G1',
      channelId: 'C1',
      userId,
      text,
    });
    scanner.hold();
    const positions: Array<[string, number]> = [];
    const first = core.handle(request('a.example', 'U1'), { onQueued: (p) => positions.push(['a', p]) });
    await tick();
    const second = core.handle(request('b.example', 'U2'), { onQueued: (p) => positions.push(['b', p]) });
    const third = core.handle(request('c.example', 'U3'), { onQueued: (p) => positions.push(['c', p]) });
    await tick();
    expect(positions).toEqual([
      ['b', 1],
      ['c', 2],
    ]);
    expect(scanner.scanned).toEqual(['a.example']);
    clock.now += 15_000;
    scanner.release();
    const [a, b, c] = (await Promise.all([first, second, third])).map(asReport);
    expect(scanner.scanned).toEqual(['a.example', 'b.example', 'c.example']);
    expect(a!.summary.some((line) => line.includes('queue'))).toBe(false);
    expect(b!.summary.at(-1)).toBe('Waited 15 s in the queue for a free scan slot');
    expect(c!.summary.at(-1)).toBe('Waited 15 s in the queue for a free scan slot');
  });

  it('says plainly it cannot scan when the store is down, while cached domains still answer', async () => {
    const store = { up: true };
    const failing = () =>
      store.up ? Promise.resolve() : Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432'));
    const { ask } = setup({
      rateLimiter: () => ({ take: async () => (await failing(), { allowed: true }) }),
      storeHealth: { ping: failing },
    });
    expect((await ask('cached.example')).kind).toBe('report');
    store.up = false;
    expect(asReport(await ask('cached.example', { channelId: 'C2' })).headline).toBe('cached.example — Enforced');
    const unavailable = asNotice(await ask('new.example'));
    expect(unavailable.code).toBe('store-unavailable');
    expect(plainText(unavailable.text)).toBe(
      'The bot cannot reach its database right now, so it cannot scan or change watches. ' +
        'Domains checked in the last 5 min still answer from cache; please try again in a few minutes.',
    );
    store.up = true;
    expect((await ask('new.example')).kind).toBe('report');
  });

  it('answers a scan whose history write failed, with a note, instead of discarding it', async () => {
    const logged: string[] = [];
    const core = createCommandCore({
      scan: async (domain) => {
        const report = reportFixture({ domain });
        markHistoryUnsaved(report, new Error('database is locked'));
        return report;
      },
      watches: memoryStore(),
      now: () => FIXTURE_NOW,
      logger: { error: (_details, message) => logged.push(message) },
    });
    const message = asReport(
      await core.handle({ platform: 'slack', workspaceId: 'T1', channelId: 'C1', userId: 'U1', text: 'example.com' }),
    );
    expect(message.headline).toBe('example.com — Enforced');
    expect(message.summary.at(-1)).toBe(
      "This result could not be saved to the bot's history (its database is busy or down): the next scan will not compare against it",
    );
    expect(logged).toEqual(['recording the scan in history failed']);
  });

  it("answers a scan without the channel's TLS-RPT findings, and says so, when its reports cannot be read", async () => {
    const reportsStore = memoryStore();
    const { ask } = setup({
      reports: {
        store: {
          ...reportsStore,
          tlsRptReports: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432')),
        },
        publicUrl: null,
      },
    });
    const message = asReport(await ask('example.com'));
    expect(message.headline).toBe('example.com — Enforced');
    expect(message.summary.at(-1)).toBe(
      "This channel's TLS-RPT reports could not be read just now: their findings are missing from this answer",
    );
  });

  it('turns a scan that throws into a friendly notice, logs it, and caches nothing', async () => {
    const logged: Array<{ details: object; message: string }> = [];
    let calls = 0;
    const core = createCommandCore({
      scan: async (domain) => {
        calls += 1;
        if (calls === 1) throw new Error('socket hang up at internal.js:12');
        return reportFixture({ domain });
      },
      watches: memoryStore(),
      logger: { error: (details, message) => logged.push({ details, message }) },
    });
    const request: CommandRequest = {
      platform: 'console',
      workspaceId: 'local',
      channelId: 'tty',
      userId: 'me',
      text: 'example.com',
    };
    const notice = asNotice(await core.handle(request));
    expect(notice).toMatchObject({
      code: 'failed',
      text: ['The check failed unexpectedly. Please try again in a minute.'],
    });
    expect(logged).toHaveLength(1);
    expect(logged[0]!.message).toBe('command failed');
    expect((await core.handle(request)).kind).toBe('report');
  });

  it('still answers when the onQueued hook throws', async () => {
    const logged: string[] = [];
    const { scanner, core } = setup({
      limits: { maxConcurrentScans: 1 },
      logger: { error: (_d, m) => logged.push(m) },
    });
    scanner.hold();
    const base = { platform: 'slack', workspaceId: 'T1', channelId: 'C1' } as const;
    const first = core.handle({ ...base, userId: 'U1', text: 'a.example' });
    await tick();
    const second = core.handle(
      { ...base, userId: 'U2', text: 'b.example' },
      {
        onQueued() {
          throw new Error('adapter could not post the queue notice');
        },
      },
    );
    await tick();
    scanner.release();
    expect(asReport(await second).domain).toBe('b.example');
    await first;
    expect(logged).toEqual(['onQueued hook failed']);
  });
});
