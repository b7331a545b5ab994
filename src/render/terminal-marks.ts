import type { Severity } from '../report/report.js';
import type { Colour } from './terminal-style.js';

export const SEVERITY_MARKS: Record<Severity, [string, Colour]> = {
  error: ['✗', 'red'],
  warning: ['!', 'yellow'],
  info: ['i', 'blue'],
};
