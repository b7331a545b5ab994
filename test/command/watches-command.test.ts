import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/report.js';
import { DEFAULT_WATCH_LIMITS } from '../../src/store/watch-store.js';
import { plainText } from '../chat/plain-text.js';
import { brokenReportFixture, FIXTURE_NOW, reportFixture } from './report-fixture.js';
import { asDigest, asNotice, HERE, useWatchHarness } from './watch-harness.js';

const setup = useWatchHarness();

const testing = (domain: string): Report =>
  reportFixture({ domain, verdict: 'testing', policy: { ...reportFixture().policy!, mode: 'testing' } });

describe('watchesCommand', () => {
  it('lists the channel’s domains in the digest shape, broken first, from each one’s latest scan', async () => {
    const { ask, reports, scanned } = setup({ limits: { scansPerWindow: 10 } });
    reports.set('b.example', brokenReportFixture('b.example'));
    reports.set('c.example', testing('c.example'));
    for (const domain of ['a.example', 'b.example', 'c.example']) await ask(`watch ${domain}`);
    await ask('watch z.example', { channelId: 'C2' });
    const before = scanned.length;

    const list = asDigest(await ask('watches'));
    expect(scanned).toHaveLength(before);
    expect(list.headline).toBe('MTA-STS watches: 3 domains · 1 enforced · 1 testing · 1 broken');
    expect(list.intro).toBe(
      'Watching 3 domains · digest daily at 09:00 UTC · next digest Fri 1 Mar 09:00 UTC (in 9 h) · verdicts from each domain’s latest scan',
    );
    expect(list).toMatchObject({ tone: 'warning', noChanges: true, details: [] });
    expect(list.counts).toEqual({
      enforced: 1,
      testing: 1,
      none: 0,
      'not-configured': 0,
      broken: 1,
      'timed-out': 0,
      failed: 0,
    });
    expect(list.lines.map((line) => [line.domain, line.verdict, line.mode])).toEqual([
      ['b.example', 'broken', 'enforce'],
      ['a.example', 'enforced', null],
      ['c.example', 'testing', null],
    ]);
    expect(list.lines[1]).toEqual({
      domain: 'a.example',
      verdict: 'enforced',
      mode: null,
      policyId: '20240101000000',
      shortHash: '3f2a9c1be07d',
      mxCoverage: { covered: 2, total: 2 },
      certDaysLeft: 31,
      timedOut: false,
      failed: false,
      changes: [],
    });
    // The broken domain's latest scan left one of its two MX hosts uncovered.
    expect(list.lines[0]!.mxCoverage).toEqual({ covered: 1, total: 2 });
  });

  it('shows the verdict of the latest scan, not the one at the time of watching', async () => {
    const { ask, reports, clock } = setup();
    await ask('watch a.example');
    reports.set('a.example', brokenReportFixture('a.example'));
    clock.now = FIXTURE_NOW + 600_000;
    await ask('a.example');
    const list = asDigest(await ask('watches'));
    expect(list.lines.map((line) => line.verdict)).toEqual(['broken']);
  });

  it('names the domains never scanned instead of inventing a verdict for them', async () => {
    const { ask, store } = setup();
    await ask('watch a.example');
    for (const domain of ['n1.example', 'n2.example', 'n3.example', 'n4.example', 'n5.example', 'n6.example']) {
      await store.watch(HERE, domain, DEFAULT_WATCH_LIMITS, new Date(FIXTURE_NOW).toISOString());
    }
    const list = asDigest(await ask('watches'));
    expect(list.lines.map((line) => line.domain)).toEqual(['a.example']);
    expect(list.headline).toBe('MTA-STS watches: 7 domains · 1 enforced · 6 not yet scanned');
    expect(list.intro).toMatch(
      / · not yet scanned: n1\.example, n2\.example, n3\.example, n4\.example, n5\.example and 1 more$/,
    );
    expect(list.tone).toBe('neutral');
  });

  it('says digests are off in the intro when they are', async () => {
    const { ask } = setup();
    await ask('watch a.example');
    await ask('digest off');
    expect(asDigest(await ask('watches')).intro).toBe(
      'Watching 1 domain · digests are off here ("digest daily" turns them on) · verdicts from each domain’s latest scan',
    );
  });

  it('tells an empty channel how to watch a domain', async () => {
    const { ask } = setup();
    await ask('watch a.example', { channelId: 'C2' });
    const notice = asNotice(await ask('watches'));
    expect(notice).toMatchObject({ code: 'no-watches', private: true });
    expect(plainText(notice.text)).toContain('This channel watches no domains yet. {watch example.com} adds one');
  });
});
