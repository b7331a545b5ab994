import { describe, expect, it } from 'vitest';
import { renderReport } from '../../../adapters/console/render-report.js';
import { notConfiguredReport } from '../slack/sample-messages.js';

describe('renderReport (console)', () => {
  it('prints MX hosts without ✓/✗ when there is no policy to match against', () => {
    const message = notConfiguredReport({ facts: [], summary: [], fixes: [], rescan: false });
    expect(renderReport(message, false)).toEqual([
      'example.com — Not configured',
      '',
      'MX hosts',
      '  ·    10  mx1.example.com  no policy to match against',
      '          ✓ STARTTLS TLSv1.3, cert ok, 89 days',
    ]);
  });
});
