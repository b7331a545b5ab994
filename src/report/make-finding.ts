import { FINDING_CATALOG, type FixContext } from './finding-catalog.js';
import type { FindingCode } from './finding-codes.js';
import type { Finding } from './report.js';

export function makeFinding(code: FindingCode, detail: string, context: FixContext): Finding {
  const entry = FINDING_CATALOG[code];
  return { code, severity: entry.severity, title: entry.title, detail, fix: entry.fix(context) };
}
