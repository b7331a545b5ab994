import { describe, expect, it } from 'vitest';
import { plainText } from '../chat/plain-text.js';
import { brokenReportFixture, FIXTURE_NOW } from './report-fixture.js';
import { asNotice, asReport, HERE, useWatchHarness } from './watch-harness.js';

const setup = useWatchHarness();

describe('watchCommand', () => {
  it('scans the domain, adds it to the channel and says when the next digest comes', async () => {
    const { ask, store, scanned } = setup();
    const report = asReport(await ask('watch Example.COM'));
    expect(scanned).toEqual(['example.com']);
    expect(report.headline).toBe('example.com — Enforced');
    // FIXTURE_NOW is Friday 1 March 2024, 00:00 UTC; the default digest is daily at 09:00 UTC.
    expect(report.action).toBe('Now watching example.com in this channel · next digest Fri 1 Mar 09:00 UTC (in 9 h)');
    expect(report.watch).toBe(false);
    expect(await store.watches(HERE)).toEqual(['example.com']);
  });

  it('answers a broken domain with its report and fixes, and still watches it', async () => {
    const { ask, store, reports } = setup();
    reports.set('bad.example', brokenReportFixture('bad.example'));
    const report = asReport(await ask('watch bad.example'));
    expect(report.verdict).toBe('broken');
    expect(report.fixes.length).toBeGreaterThan(0);
    expect(await store.watches(HERE)).toEqual(['bad.example']);
  });

  it('names the next slot in the channel’s own schedule and time zone', async () => {
    const { ask } = setup();
    await ask('digest weekly 08:30 Europe/Berlin');
    const report = asReport(await ask('watch example.com'));
    // Monday 4 March 08:30 in Berlin (UTC+1) is 07:30 UTC, 3 days 7 h 30 min after FIXTURE_NOW.
    expect(report.action).toBe(
      'Now watching example.com in this channel · next digest Mon 4 Mar 08:30 Europe/Berlin (in 3 days)',
    );
  });

  it('says digests are off when the channel turned them off', async () => {
    const { ask } = setup();
    await ask('digest off');
    const report = asReport(await ask('watch example.com'));
    expect(report.action).toBe(
      'Now watching example.com in this channel · digests are off here ("digest daily" turns them on)',
    );
  });

  it('answers a domain already watched from the cache, without a second scan or a second watch', async () => {
    const { ask, clock, store, scanned } = setup();
    await ask('watch example.com');
    clock.now += 30_000;
    const again = asReport(await ask('watch example.com', { userId: 'U2' }));
    expect(scanned).toEqual(['example.com']);
    expect(again.summary).toEqual(['Cached 30 s ago']);
    expect(again.action).toBe(
      'Already watching example.com in this channel · next digest Fri 1 Mar 09:00 UTC (in 8 h 59 min)',
    );
    expect(await store.watches(HERE)).toEqual(['example.com']);
  });

  it('keeps each channel’s watches apart', async () => {
    const { ask, store } = setup();
    await ask('watch a.example');
    await ask('watch b.example', { channelId: 'C2' });
    await ask('watch c.example', { platform: 'discord', workspaceId: 'T1', channelId: 'C1' });
    expect(await store.watches(HERE)).toEqual(['a.example']);
    expect(await store.watches({ ...HERE, channelId: 'C2' })).toEqual(['b.example']);
    expect(await store.watches({ platform: 'discord', workspaceId: 'T1', channelId: 'C1' })).toEqual(['c.example']);
  });

  it('refuses privately, naming the limit, once the channel watches as many domains as it may', async () => {
    const { ask, store } = setup({ watchLimits: { perChannel: 2, perWorkspace: 10 }, limits: { scansPerWindow: 10 } });
    await ask('watch a.example');
    await ask('watch b.example');
    const refused = asNotice(await ask('watch c.example'));
    expect(refused).toMatchObject({ code: 'watch-limit', private: true, tone: 'warning' });
    expect(plainText(refused.text)).toBe(
      'Not watching c.example: this channel already watches 2 domains, the limit. {unwatch <domain>} makes room.',
    );
    expect(await store.watches(HERE)).toEqual(['a.example', 'b.example']);
    // Another channel of the workspace still has room.
    expect((await ask('watch c.example', { channelId: 'C2' })).kind).toBe('report');
  });

  it('refuses privately, naming the limit, once the workspace’s channels together reach theirs', async () => {
    const { ask, store } = setup({ watchLimits: { perChannel: 5, perWorkspace: 2 }, limits: { scansPerWindow: 10 } });
    await ask('watch a.example', { channelId: 'C1' });
    await ask('watch b.example', { channelId: 'C2' });
    const refused = asNotice(await ask('watch c.example', { channelId: 'C3' }));
    expect(refused).toMatchObject({ code: 'watch-limit', private: true });
    expect(plainText(refused.text)).toContain(
      'this workspace (all its channels together) already watches 2 domains, the limit',
    );
    expect(await store.watches({ ...HERE, channelId: 'C3' })).toEqual([]);
    // Another workspace is counted on its own.
    expect((await ask('watch c.example', { workspaceId: 'T2' })).kind).toBe('report');
  });

  it('spends the user’s scan quota like a scan, and watches nothing when it is spent', async () => {
    const { ask, clock, store } = setup({ limits: { scansPerWindow: 1 } });
    await ask('watch a.example');
    clock.now = FIXTURE_NOW + 1000;
    const refused = asNotice(await ask('watch b.example'));
    expect(refused.code).toBe('rate-limited');
    expect(await store.watches(HERE)).toEqual(['a.example']);
  });

  it('refuses what is not a domain with the usage, and scans nothing', async () => {
    const { ask, scanned } = setup();
    const refused = asNotice(await ask('watch localhost'));
    expect(refused.code).toBe('usage');
    expect(plainText(refused.text)).toMatch(/^That doesn't look like a domain: "localhost" is a single label/);
    expect(scanned).toEqual([]);
  });
});

describe('watch with several domains', () => {
  it('watches each, scanned once, and answers with one summary whose action comes first', async () => {
    const { ask, store, scanned, reports } = setup();
    reports.set('bad.example', brokenReportFixture('bad.example'));
    await ask('watch c.example');
    const summary = asNotice(await ask('watch a.example bad.example c.example'));
    expect(scanned).toEqual(['c.example', 'a.example', 'bad.example']);
    expect(summary).toMatchObject({ kind: 'notice', code: 'watch-summary', tone: 'warning', private: false });
    expect(plainText(summary.text)).toBe(
      [
        'Watching 3 of these 3 domains in this channel (2 new) · next digest Fri 1 Mar 09:00 UTC (in 9 h)',
        '• a.example: now watched, enforced',
        '• bad.example: now watched, broken, 1 finding ({bad.example} shows them)',
        '• c.example: already watched, enforced',
      ].join('\n'),
    );
    expect((await store.watches(HERE)).sort()).toEqual(['a.example', 'bad.example', 'c.example']);
  });
});
