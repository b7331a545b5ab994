import type { Report } from '../report/report.js';

/** Reports whose summary the history store refused, with why: the scan is still answered, with a note. */
const unsaved = new WeakMap<Report, unknown>();

export function markHistoryUnsaved(report: Report, error: unknown): void {
  unsaved.set(report, error);
}

/** Why this report's summary was not recorded, or undefined when it was (or no history was kept). */
export function historyWriteFailure(report: Report): unknown {
  return unsaved.get(report);
}
