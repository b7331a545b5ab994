import type { PrometheusMetrics } from '../metrics/prometheus-metrics.js';
import type { HttpRoute } from './http-route.js';

/** `GET /metrics` in the Prometheus text format. */
export function metricsRoute(metrics: Pick<PrometheusMetrics, 'contentType' | 'scrape'>): HttpRoute {
  return {
    method: 'GET',
    path: '/metrics',
    async handle(_request, response) {
      const body = await metrics.scrape();
      response.writeHead(200, { 'content-type': metrics.contentType }).end(body);
    },
  };
}
