import type { Severity } from '../../src/report/report.js';

export const SEVERITY_ICON: Record<Severity, string> = { error: '🔴', warning: '🟠', info: 'ℹ️' };
