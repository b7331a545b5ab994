import { FINDING_CATALOG, type FixContext } from './finding-catalog.js';
import type { FindingCode } from './finding-codes.js';
import type { Finding, Severity } from './report.js';

/** severity overrides the catalog's where a code's weight depends on the policy (e.g. an MX certificate under testing). */
export function makeFinding(code: FindingCode, detail: string, context: FixContext, severity?: Severity): Finding {
  const entry = FINDING_CATALOG[code];
  return { code, severity: severity ?? entry.severity, title: entry.title, detail, fix: entry.fix(context) };
}
