import type { Report } from '../report/report.js';
import type { Metrics } from './metrics.js';

/** The scan, reporting each one's verdict (or failure) and duration. */
export function measuredScan(scan: (domain: string) => Promise<Report>, metrics: Metrics) {
  return async (domain: string): Promise<Report> => {
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    try {
      const report = await scan(domain);
      metrics.scanned(report.verdict, seconds());
      return report;
    } catch (error) {
      metrics.scanned('failed', seconds());
      throw error;
    }
  };
}
