import { afterEach, describe, expect, it } from 'vitest';
import type { DigestLine, DigestMessage } from '../../src/chat/digest-message.js';
import { channelDigest } from '../../src/digest/channel-digest.js';
import { createDigestScheduler, type DigestScheduler } from '../../src/digest/digest-scheduler.js';
import { scan } from '../../src/scan/scan.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite-store.js';
import { DEFAULT_WATCH_LIMITS } from '../../src/store/watch-store.js';
import { publishDomain } from '../fixture/fixture-internet.js';
import { CRLF_POLICY, healthy, useFixtureScanner } from '../scan/scan-harness.js';
import { CHANNEL, useTempDir } from './digest-fixtures.js';

const fixture = useFixtureScanner('drift');
const tempDb = useTempDir();
let running: { scheduler: DigestScheduler; store: SqliteStore } | undefined;
afterEach(async () => {
  await running?.scheduler.stop();
  running?.store.close();
  running = undefined;
});

const DAY_MS = 86_400_000;
const ID_1 = 'v=STSv1; id=20261130T000000;';
const ID_2 = 'v=STSv1; id=20261201T000000;';

/** A bot on a database file whose digests the test triggers by moving its clock to the next day's slot. */
async function startBot() {
  const store = openSqliteStore(tempDb());
  // The slots are real days from now, so the certificates the fixture issues now look as they will then.
  let now = new Date(Math.ceil(Date.now() / DAY_MS) * DAY_MS + 9 * 3_600_000 - DAY_MS);
  const posts: DigestMessage[] = [];
  const options = { ...fixture.net().scanOptions, history: store };
  const scheduler = createDigestScheduler({
    store,
    digest: (channel) =>
      channelDigest(channel, {
        store,
        scan: (domain) => scan(domain, options),
        concurrency: 4,
        deadlineMs: 10_000,
        now: () => now,
      }),
    post: async (_channel, message) => void posts.push(message),
    now: () => now,
    every: () => () => undefined,
  });
  running = { scheduler, store };
  return {
    store,
    watch: (domain: string) =>
      store.watch(CHANNEL, domain, DEFAULT_WATCH_LIMITS, new Date(now.getTime() - 3_600_000).toISOString()),
    async nextDigest(): Promise<DigestMessage> {
      now = new Date(now.getTime() + DAY_MS);
      const before = posts.length;
      await scheduler.tick();
      expect(posts).toHaveLength(before + 1);
      return posts.at(-1)!;
    },
  };
}

const kinds = (line: DigestLine | undefined) => line?.changes.map((change) => change.kind);

describe('digest drift against the fixture internet', () => {
  it('flags a body edited under the same id at the top, then the id rotation, then an uncovered new MX host', async () => {
    const [steady, drifting] = [fixture.newDomain(), fixture.newDomain()];
    const bot = await startBot();
    for (const domain of [steady, drifting]) {
      await publishDomain(fixture.net(), domain, { ...healthy()(domain), txt: ID_1 });
      await bot.watch(domain);
    }
    const first = await bot.nextDigest();
    expect(first.lines).toEqual([]);
    expect(first.folded).toEqual([{ verdict: 'enforced', label: '2 enforced', domains: [steady, drifting].sort() }]);

    const twoMx = CRLF_POLICY('enforce', [`mx1.${drifting}`, `mx2.${drifting}`]);
    await publishDomain(fixture.net(), drifting, { ...healthy()(drifting), txt: ID_1, policy: twoMx });
    const edited = await bot.nextDigest();
    expect(edited.noChanges).toBe(false);
    expect(edited.lines[0]?.domain).toBe(drifting);
    // Publishing again makes the fixture issue a new certificate in every step: renewed, or replaced when issued
    // within the same second as the last one (the same expiry).
    expect(kinds(edited.lines[0])).toEqual(['verdict-changed', 'body-changed-without-id-rotation', 'cert-renewed']);
    expect(edited.lines[0]?.changes[1]?.text).toContain('stale-policy-id');
    expect(edited.details).toEqual([
      { domain: drifting, findings: [expect.objectContaining({ code: 'stale-policy-id' })] },
    ]);
    expect(edited.lines).toHaveLength(1);
    expect(edited.folded).toEqual([{ verdict: 'enforced', label: '1 enforced, unchanged', domains: [steady] }]);

    await publishDomain(fixture.net(), drifting, { ...healthy()(drifting), txt: ID_2, policy: twoMx });
    const rotated = await bot.nextDigest();
    expect(rotated.lines[0]?.domain).toBe(drifting);
    expect(rotated.lines[0]?.changes.map((change) => change.text)).toEqual([
      'verdict broken → enforced',
      'id rotated: `20261130T000000` → `20261201T000000`',
      expect.stringMatching(/^certificate (renewed|replaced), expires \d{4}-\d\d-\d\d$/),
    ]);
    expect(rotated.details).toEqual([]);
    expect(rotated.counts.broken).toBe(0);

    const mx: Array<[number, string]> = [
      [10, `mx1.${drifting}`],
      [20, `mx2.${drifting}`],
      [30, `mx3.${drifting}`],
    ];
    await publishDomain(fixture.net(), drifting, { ...healthy()(drifting), txt: ID_2, policy: twoMx, mx });
    const newMx = await bot.nextDigest();
    expect(newMx.lines[0]).toMatchObject({ domain: drifting, verdict: 'broken', mxCoverage: { covered: 2, total: 3 } });
    expect(newMx.lines[0]?.changes.map((change) => change.text)).toEqual([
      'verdict enforced → broken',
      `MX added: \`mx2.${drifting}\``,
      `MX added, not covered by the policy: \`mx3.${drifting}\``,
      expect.stringMatching(/^certificate (renewed|replaced), expires/),
    ]);
    expect(newMx.details[0]?.findings.map((finding) => finding.code)).toEqual(['mx-mismatch']);

    const calm = await bot.nextDigest();
    expect(calm.noChanges).toBe(true);
    expect(calm.intro).toMatch(/^No changes since the previous digest/);
  });
});
