import { afterEach, describe, expect, it } from 'vitest';
import { metricsRoute } from '../../../adapters/http/metrics-route.js';
import { type HttpServer, startHttpServer } from '../../../adapters/http/server.js';
import { createPrometheusMetrics } from '../../../adapters/metrics/prometheus-metrics.js';
import { createCommandCore } from '../../../src/command/command-core.js';
import type { CommandRequest } from '../../../src/command/command-handler.js';
import { createDigestScheduler } from '../../../src/digest/digest-scheduler.js';
import { measuredStore } from '../../../src/metrics/measured-store.js';
import type { Report } from '../../../src/report/report.js';
import { openSqliteStore, type SqliteStore } from '../../../src/store/sqlite-store.js';
import { type Channel, DEFAULT_WATCH_LIMITS } from '../../../src/store/watch-store.js';
import { brokenReportFixture, FIXTURE_NOW, reportFixture } from '../../command/report-fixture.js';
import { memoryLogger } from '../discord/test-logger.js';
import { parsePrometheusText } from './prometheus-text.js';

let server: HttpServer | undefined;
let sqlite: SqliteStore | undefined;
afterEach(async () => {
  await server?.close();
  sqlite?.close();
  server = sqlite = undefined;
});

/** A scan answering by name: broken.example is broken, fail.example throws, anything else is enforced. */
function scanner() {
  let gate: Promise<void> = Promise.resolve();
  let open = () => {};
  return {
    hold: () => (gate = new Promise((resolve) => (open = resolve))),
    release: () => open(),
    scan: async (domain: string): Promise<Report> => {
      await gate;
      if (domain === 'fail.example') throw new Error('resolver exploded');
      return domain === 'broken.example' ? brokenReportFixture(domain) : reportFixture({ domain });
    },
  };
}

async function setup(maxConcurrentScans = 4) {
  const metrics = createPrometheusMetrics();
  sqlite = openSqliteStore(':memory:');
  const store = measuredStore(sqlite, metrics);
  const scans = scanner();
  const clock = { now: FIXTURE_NOW };
  const { logger } = memoryLogger();
  const core = createCommandCore({
    scan: scans.scan,
    watches: store,
    now: () => clock.now,
    metrics,
    limits: { maxConcurrentScans },
  });
  server = await startHttpServer({ port: 0, host: '127.0.0.1', routes: [metricsRoute(metrics)], logger });
  const scrape = async () => {
    const response = await fetch(`http://127.0.0.1:${server!.port}/metrics`);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return parsePrometheusText(await response.text());
  };
  const ask = (text: string, userId = 'U1') =>
    core.handle({ platform: 'slack', workspaceId: 'T1', channelId: 'C1', userId, text } satisfies CommandRequest);
  return { metrics, store, core, scans, clock, scrape, ask };
}

describe('GET /metrics', () => {
  it('counts scans by verdict, their durations, rate-limit refusals, digests posted and failed, and store operations', async () => {
    const { metrics, store, core, clock, scrape, ask } = await setup();
    await ask('ok.example');
    await ask('broken.example');
    await ask('fail.example');
    await ask('late.example'); // the fourth fresh scan in ten minutes: refused

    const good: Channel = { platform: 'slack', workspaceId: 'T1', channelId: 'C1' };
    const refused: Channel = { platform: 'slack', workspaceId: 'T1', channelId: 'C2' };
    const at = new Date(clock.now).toISOString();
    await store.watch(good, 'ok.example', DEFAULT_WATCH_LIMITS, at);
    await store.watch(refused, 'other.example', DEFAULT_WATCH_LIMITS, at);
    clock.now += 26 * 3600_000; // past the default 09:00 UTC slot
    const scheduler = createDigestScheduler({
      store,
      digest: (channel) => core.digest(channel),
      post: async (channel) => {
        if (channel.channelId === 'C2') throw new Error('channel_not_found');
      },
      now: () => new Date(clock.now),
      metrics,
    });
    await scheduler.tick();

    const samples = await scrape();
    // ok.example asked, then in C1's digest (a day later, past the cache), other.example in C2's
    expect(samples.get('mtasts_scans_total{verdict="enforced"}')).toBe(3);
    expect(samples.get('mtasts_scans_total{verdict="broken"}')).toBe(1);
    expect(samples.get('mtasts_scans_total{verdict="failed"}')).toBe(1);
    expect(samples.get('mtasts_scan_duration_seconds_count')).toBe(5);
    expect(samples.get('mtasts_scan_duration_seconds_bucket{le="+Inf"}')).toBe(5);
    expect(samples.get('mtasts_rate_limit_refusals_total')).toBe(1);
    expect(samples.get('mtasts_store_operation_duration_seconds_count{operation="watch"}')).toBe(2);
    expect(samples.get('mtasts_store_operation_duration_seconds_count{operation="claimSlot"}')).toBe(2);
    expect(samples.get('mtasts_store_operation_duration_seconds_count{operation="saveDigest"}')).toBe(1);
    expect(samples.get('mtasts_digests_total{outcome="posted"}')).toBe(1);
    expect(samples.get('mtasts_digests_total{outcome="failed"}')).toBe(1);
    expect(samples.get('process_cpu_user_seconds_total')).toBeGreaterThan(0);
  });

  it('shows how many scans wait for a free slot', async () => {
    const { scans, scrape, ask } = await setup(1);
    expect((await scrape()).get('mtasts_scan_queue_depth')).toBe(0);
    scans.hold();
    const answers = [ask('a.example', 'U1'), ask('b.example', 'U2'), ask('c.example', 'U3')];
    await new Promise((resolve) => setImmediate(resolve));
    expect((await scrape()).get('mtasts_scan_queue_depth')).toBe(2);
    scans.release();
    await Promise.all(answers);
    expect((await scrape()).get('mtasts_scan_queue_depth')).toBe(0);
  });

  it('counts platform API errors and retries per platform', async () => {
    const { metrics, scrape } = await setup();
    metrics.platformApiError('slack');
    metrics.platformApiRetry('discord');
    metrics.platformApiRetry('discord');
    const samples = await scrape();
    expect(samples.get('mtasts_platform_api_errors_total{platform="slack"}')).toBe(1);
    expect(samples.get('mtasts_platform_api_retries_total{platform="discord"}')).toBe(2);
  });
});
