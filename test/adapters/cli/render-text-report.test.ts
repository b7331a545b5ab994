import { describe, expect, it } from 'vitest';
import { renderTextReport } from '../../../adapters/cli/render-text-report.js';
import { reportFixture } from '../../command/report-fixture.js';

describe('renderTextReport', () => {
  it('prints MX hosts without ✓/✗ when no policy is served to match them against', () => {
    const report = reportFixture({
      verdict: 'not-configured',
      txt: null,
      policy: null,
      cert: null,
      mx: [{ host: 'mx1.example.com', priority: 10, matchedBy: null, smtp: null, dane: null }],
    });
    const lines = renderTextReport(report, false).split('\n');
    expect(lines).toContain('  · mx1.example.com    10  no policy to match against');
    expect(lines.filter((line) => line.includes('✗'))).toEqual([]);
  });
});
