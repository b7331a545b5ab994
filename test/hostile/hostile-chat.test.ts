import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLimits as checkMessageLimits } from '../../adapters/discord/limits.js';
import { renderDigest as renderDiscordDigest } from '../../adapters/discord/render-digest.js';
import { renderDigestDetails as renderDiscordDigestDetails } from '../../adapters/discord/render-digest-details.js';
import { renderFixes as discordFixes } from '../../adapters/discord/render-fixes.js';
import { renderReport as renderDiscordReport } from '../../adapters/discord/render-report.js';
import { checkLimits as checkBlockLimits } from '../../adapters/slack/limits.js';
import { renderDigest as renderSlackDigest } from '../../adapters/slack/render-digest.js';
import { renderDigestDetails as renderSlackDigestDetails } from '../../adapters/slack/render-digest-details.js';
import { renderFixes as slackFixes } from '../../adapters/slack/render-fixes.js';
import { renderReport as renderSlackReport } from '../../adapters/slack/render-report.js';
import { reportMessage } from '../../src/command/report-message.js';
import { createScanQueue } from '../../src/command/scan-queue.js';
import { digestMessage } from '../../src/digest/digest-message.js';
import { runDigest } from '../../src/digest/run-digest.js';
import type { Report } from '../../src/report/report.js';
import { DEFAULT_TIMEOUT_MS, scan } from '../../src/scan/scan.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { expectInertDiscord, expectInertSlack } from '../fixture/hostile-output.js';
import { HOSTILE_CASES, type HostileCase, type HostileWorld, startHostileWorld } from '../fixture/hostile-world.js';

/** Heap the whole hostile world may add while every case is scanned at once, and keep once they are done. */
const PEAK_HEAP_MIB = 192;
const RETAINED_HEAP_MIB = 24;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapMib = (): number => process.memoryUsage().heapUsed / 1024 / 1024;

let world: HostileWorld;
let dir: string;
let store: Store;
const reports = new Map<string, Report>();
const failures = new Map<string, string>();
const heap = { before: 0, peak: 0, after: 0 };

// As many at once as the bot scans. The fixture serves from this very process, so a case not about time gets the
// scanner's default deadline rather than the fixture's short one: a busy shared machine must not turn it into one.
const queue = createScanQueue(4);
const scanCase = (c: HostileCase): Promise<Report> => queue.run(() => scanNow(c));
const scanNow = (c: HostileCase): Promise<Report> =>
  scan(c.domain, {
    ...world.internet.scanOptions,
    dns: [world.server],
    allowPrivate: c.public === undefined,
    timeoutMs: c.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    smtp: c.noSmtp === undefined,
    history: store,
  });

// Every case in this process, as the bot would scan them; the heap is sampled all along.
beforeAll(async () => {
  world = await startHostileWorld();
  dir = mkdtempSync(join(tmpdir(), 'mtasts-hostile-chat-'));
  store = await openStore({ dbPath: join(dir, 'history.db') });
  for (const c of HOSTILE_CASES) await c.publish(world, c.domain);
  gc();
  heap.before = heap.peak = heapMib();
  const sampler = setInterval(() => (heap.peak = Math.max(heap.peak, heapMib())), 10);
  try {
    // A scan that throws fails its own case below instead of every test of the file.
    const done = await Promise.allSettled(HOSTILE_CASES.map(scanCase));
    done.forEach((outcome, i) => {
      if (outcome.status === 'fulfilled') reports.set(outcome.value.domain, outcome.value);
      else failures.set(HOSTILE_CASES[i]!.domain, String(outcome.reason));
    });
  } finally {
    clearInterval(sampler);
  }
  gc();
  heap.after = heapMib();
}, 180_000);

afterAll(async () => {
  await store?.close();
  await world?.close();
  rmSync(dir, { recursive: true, force: true });
});

const message = (c: HostileCase) => reportMessage(reports.get(c.domain)!, { now: Date.now() });

describe('the bot in a hostile world', () => {
  it('scans every case with bounded memory, and hangs up on every endless body', () => {
    expect({
      peakOver: heap.peak - heap.before > PEAK_HEAP_MIB,
      retainedOver: heap.after - heap.before > RETAINED_HEAP_MIB,
      streaming: world.https.streaming,
    }).toEqual({ peakOver: false, retainedOver: false, streaming: 0 });
  });

  it.each(HOSTILE_CASES)('$name: the right verdict and findings', (c) => {
    expect(failures.get(c.domain)).toBeUndefined();
    const report = reports.get(c.domain);
    expect({ verdict: report?.verdict, codes: report?.findings.map((f) => f.code) }).toEqual({
      verdict: c.verdict,
      codes: c.codes,
    });
  });

  it.each(HOSTILE_CASES)('$name: Slack gets a message within its limits, with no live mention, link or escape', (c) => {
    const payloads = [renderSlackReport(message(c)), slackFixes(message(c))];
    for (const payload of payloads) {
      expect(checkBlockLimits(payload)).toEqual({ ok: true, value: payload });
      expectInertSlack(payload);
    }
  });

  it.each(HOSTILE_CASES)(
    '$name: Discord gets messages within its limits, with no live mention, link or escape',
    (c) => {
      const reply = renderDiscordReport(message(c));
      expect(checkMessageLimits(reply)).toEqual({ ok: true, value: reply });
      expectInertDiscord(reply);
      const fixes = discordFixes(message(c));
      for (const content of fixes) expect(content.length).toBeLessThanOrEqual(2000);
      expectInertDiscord(fixes);
    },
  );

  it('a digest of every hostile domain: within the limits of both, with no live mention, link or escape', async () => {
    const now = () => new Date();
    const outcomes = await runDigest(
      HOSTILE_CASES.map((c) => c.domain),
      { scan: async (domain) => reports.get(domain)!, concurrency: 8, deadlineMs: 30_000, now },
    );
    const digest = digestMessage(outcomes, { previous: null, now: now() });
    const folded = (digest.folded ?? []).flatMap((fold) => fold.domains);
    expect(digest.lines.length + folded.length).toBe(HOSTILE_CASES.length);
    const slack = [...renderSlackDigest(digest), ...renderSlackDigestDetails(digest)];
    for (const payload of slack) expect(checkBlockLimits(payload)).toEqual({ ok: true, value: payload });
    expectInertSlack(slack);
    // The remote text is there, made inert: the checks above had something to bite on.
    expect(JSON.stringify(slack)).toContain('&lt;!channel&gt;');
    const discord = renderDiscordDigest(digest);
    for (const reply of discord) expect(checkMessageLimits(reply)).toEqual({ ok: true, value: reply });
    expectInertDiscord(discord);
    const details = renderDiscordDigestDetails(digest);
    for (const content of details) expect(content.length).toBeLessThanOrEqual(2000);
    expectInertDiscord(details);
    expect(JSON.stringify([discord, details])).toContain('<\u200b!channel>');
  });

  it('a second scan of each case reads what the first one stored the same way', async () => {
    const again = await Promise.all(HOSTILE_CASES.map(scanCase));
    expect(again.map((r) => r.findings.map((f) => f.code))).toEqual(HOSTILE_CASES.map((c) => c.codes));
  }, 60_000);
});
