import { describe, expect, it } from 'vitest';
import type { DigestMessage } from '../../src/chat/digest-message.js';
import { createDigestScheduler } from '../../src/digest/digest-scheduler.js';
import type { Report } from '../../src/report/report.js';
import { brokenReportFixture, FIXTURE_NOW, reportFixture } from './report-fixture.js';
import { asDigest, asNotice, HERE, useWatchHarness } from './watch-harness.js';

const setup = useWatchHarness();
const TTL_PASSED = 10 * 60_000;

/** The fixture report served with a new body under the same TXT id. */
const editedBody = (domain: string): Report =>
  reportFixture({ domain, policy: { ...reportFixture().policy!, sha256: 'c'.repeat(64) } });

describe('digestNowCommand', () => {
  it('answers with the channel’s digest and saves it as the channel’s last', async () => {
    const { ask, store, reports } = setup({ limits: { scansPerWindow: 10 } });
    reports.set('b.example', brokenReportFixture('b.example'));
    await ask('watch a.example');
    await ask('watch b.example');
    const digest = asDigest(await ask('digest now'));
    expect(digest.headline).toBe('MTA-STS digest: 2 domains · 1 enforced · 1 broken');
    expect(digest.intro).toBe('First digest for this channel: from the next one on, changes are listed first.');
    expect(digest.lines.map((line) => line.domain)).toEqual(['b.example']);
    expect(digest.folded).toEqual([{ verdict: 'enforced', label: '1 enforced', domains: ['a.example'] }]);
    expect(digest.details.map((detail) => [detail.domain, detail.findings.map((finding) => finding.code)])).toEqual([
      ['b.example', ['mx-mismatch', 'max-age-short']],
    ]);
    const saved = await store.lastDigest(HERE);
    expect(saved?.at).toBe(new Date(FIXTURE_NOW).toISOString());
    expect(saved?.snapshots.map((snapshot) => snapshot.domain)).toEqual(['a.example', 'b.example']);
  });

  it('lists a body changed under the same id first, compared with the previous digest', async () => {
    const { ask, clock, reports } = setup({ limits: { scansPerWindow: 10 } });
    await ask('watch a.example');
    await ask('watch b.example');
    await ask('digest now');
    reports.set('b.example', editedBody('b.example'));
    clock.now += TTL_PASSED;
    const digest = asDigest(await ask('digest now'));
    expect(digest.noChanges).toBe(false);
    expect(digest.intro).toBe('1 domain changed since the previous digest (1 Mar 00:00 UTC); listed first.');
    expect(digest.lines[0]?.domain).toBe('b.example');
    expect(digest.lines[0]?.changes.map((change) => change.kind)).toEqual(['body-changed-without-id-rotation']);
  });

  it('scans through the core’s cache: domains checked within the TTL are not scanned again', async () => {
    const { ask, clock, scanned } = setup({ limits: { scansPerWindow: 10 } });
    await ask('watch a.example');
    await ask('watch b.example');
    clock.now += 60_000;
    await ask('digest now');
    expect(scanned).toEqual(['a.example', 'b.example']);
    clock.now += TTL_PASSED;
    await ask('digest now');
    expect(scanned).toEqual(['a.example', 'b.example', 'a.example', 'b.example']);
  });

  it('costs one unit of the user’s scan quota, however many domains it scans, and is refused once it is spent', async () => {
    const { ask, clock, store, scanned } = setup({ limits: { scansPerWindow: 2, cacheTtlMs: 60_000 } });
    await ask('watch a.example');
    clock.now += 120_000;
    expect((await ask('digest now')).kind).toBe('digest');
    const refused = asNotice(await ask('digest now'));
    expect(refused).toMatchObject({ code: 'rate-limited', private: true, tone: 'warning' });
    expect(scanned).toEqual(['a.example', 'a.example']);
    expect((await store.lastDigest(HERE))?.at).toBe(new Date(FIXTURE_NOW + 120_000).toISOString());
    // The quota is the user's: someone else in the channel still may.
    expect((await ask('digest now', { userId: 'U2' })).kind).toBe('digest');
  });

  it('tells an empty channel how to watch a domain, without spending quota', async () => {
    const { ask } = setup({ limits: { scansPerWindow: 1 } });
    expect(asNotice(await ask('digest now')).code).toBe('no-watches');
    expect((await ask('watch a.example')).kind).toBe('report');
  });

  it('counts as the previous digest for the next scheduled one, so its changes are not posted twice', async () => {
    const { ask, clock, store, reports, core } = setup({ limits: { scansPerWindow: 10 } });
    await ask('watch a.example');
    await ask('digest now');
    reports.set('a.example', editedBody('a.example'));
    clock.now += TTL_PASSED;
    expect(asDigest(await ask('digest now')).noChanges).toBe(false);

    const posted: DigestMessage[] = [];
    const scheduler = createDigestScheduler({
      store,
      digest: core.digest,
      post: async (_channel, message) => void posted.push(message),
      now: () => new Date(clock.now),
      every: () => () => undefined,
    });
    clock.now = Date.parse('2024-03-01T09:00:00.000Z');
    await scheduler.tick();
    expect(posted).toHaveLength(1);
    expect(posted[0]!.intro).toBe('No changes since the previous digest (1 Mar 00:10 UTC).');
    await scheduler.stop();
  });

  it('shows a domain whose scan outlasts the digest deadline as timed out, and still answers', async () => {
    const { ask, store } = setup({
      scan: async (domain) =>
        domain === 'stuck.example' ? new Promise<Report>(() => undefined) : reportFixture({ domain }),
      digest: { deadlineMs: 50 },
    });
    for (const domain of ['a.example', 'stuck.example'])
      await store.watch(HERE, domain, { perChannel: 10, perWorkspace: 10 }, new Date(FIXTURE_NOW).toISOString());
    const digest = asDigest(await ask('digest now'));
    expect(digest.headline).toBe('MTA-STS digest: 2 domains · 1 enforced · 1 timed out');
    expect(digest.lines[0]).toMatchObject({ domain: 'stuck.example', verdict: null, timedOut: true });
  });
});
