import type { Severity } from '../../src/report/report.js';
import { SEVERITY_GLYPH } from '../shared/palette.js';

export const SEVERITY_ICON: Record<Severity, string> = {
  error: SEVERITY_GLYPH.error.emoji,
  warning: SEVERITY_GLYPH.warning.emoji,
  info: SEVERITY_GLYPH.info.emoji,
};
