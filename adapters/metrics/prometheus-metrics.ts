import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Metrics } from '../../src/metrics/metrics.js';

export interface PrometheusMetrics extends Metrics {
  /** The exposition content type and body for a scrape. */
  contentType: string;
  scrape(): Promise<string>;
}

/** The Metrics sink on a prom-client registry of its own (plus Node's process metrics). */
export function createPrometheusMetrics(): PrometheusMetrics {
  const registers = [new Registry()];
  collectDefaultMetrics({ register: registers[0] });
  const scans = new Counter({
    name: 'mtasts_scans_total',
    help: 'Scans finished, by verdict ("failed": the scan threw)',
    labelNames: ['verdict'],
    registers,
  });
  const scanSeconds = new Histogram({
    name: 'mtasts_scan_duration_seconds',
    help: 'Duration of one scan',
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers,
  });
  const queue = new Gauge({ name: 'mtasts_scan_queue_depth', help: 'Scans waiting for a free scan slot', registers });
  const refusals = new Counter({
    name: 'mtasts_rate_limit_refusals_total',
    help: 'Fresh scans refused by the per-user rate limit',
    registers,
  });
  const apiErrors = new Counter({
    name: 'mtasts_platform_api_errors_total',
    help: 'Failed chat platform API calls',
    labelNames: ['platform'],
    registers,
  });
  const apiRetries = new Counter({
    name: 'mtasts_platform_api_retries_total',
    help: 'Chat platform API calls retried after the platform rate-limited them',
    labelNames: ['platform'],
    registers,
  });
  const digests = new Counter({
    name: 'mtasts_digests_total',
    help: 'Scheduled digests, by outcome (posted or failed)',
    labelNames: ['outcome'],
    registers,
  });
  const storeSeconds = new Histogram({
    name: 'mtasts_store_operation_duration_seconds',
    help: 'Latency of store operations, by operation',
    labelNames: ['operation'],
    buckets: [0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
    registers,
  });
  // Both outcomes show from the first scrape, so an alert on failures has a series to watch.
  for (const outcome of ['posted', 'failed']) digests.inc({ outcome }, 0);
  return {
    contentType: registers[0]!.contentType,
    scrape: () => registers[0]!.metrics(),
    scanned(verdict, seconds) {
      scans.inc({ verdict });
      scanSeconds.observe(seconds);
    },
    queueDepth: (waiting) => queue.set(waiting),
    rateLimitRefused: () => refusals.inc(),
    platformApiError: (platform) => apiErrors.inc({ platform }),
    platformApiRetry: (platform) => apiRetries.inc({ platform }),
    digest: (outcome) => digests.inc({ outcome }),
    storeOperation: (operation, seconds) => storeSeconds.observe({ operation }, seconds),
  };
}
