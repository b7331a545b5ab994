import { describe, expect, it } from 'vitest';
import { policyModeNote } from '../../src/report/policy-mode-note.js';
import type { PolicyMode } from '../../src/report/report.js';
import { reportFixture } from '../command/report-fixture.js';

const policyOf = (mode: PolicyMode) => ({ sha256: 'ab', mode, mx: ['mx1.example.com'], maxAge: 604800 });
const suggesting = (mode: PolicyMode) => `version: STSv1\nmode: ${mode}\nmx: mx1.example.com\nmax_age: 604800\n`;

function note(live: PolicyMode | null, suggested: PolicyMode): string {
  const base = reportFixture();
  return policyModeNote({
    ...base,
    policy: live ? policyOf(live) : null,
    suggestions: { ...base.suggestions, policy: suggesting(suggested) },
  });
}

describe('policyModeNote', () => {
  it('says the live mode is kept', () => {
    expect(note('enforce', 'enforce')).toBe('It keeps the live mode, enforce.');
    expect(note('testing', 'testing')).toBe('It keeps the live mode, testing.');
  });

  it('says why testing is advised where no policy is live', () => {
    expect(note(null, 'testing')).toBe(
      'It starts in mode testing because no valid policy is live yet: senders still deliver when TLS fails and send TLS-RPT reports, so you can read them before switching to mode enforce.',
    );
  });

  it('says why enforce is suggested over testing or over no policy', () => {
    expect(note('testing', 'enforce')).toBe(
      'It uses mode enforce instead of testing: the earlier scans of this domain were clean.',
    );
    expect(note(null, 'enforce')).toBe('It uses mode enforce: the earlier scans of this domain were clean.');
  });

  it('says why mode none is suggested without MX hosts', () => {
    expect(note(null, 'none')).toBe('It is in mode none: the domain has no MX hosts to list.');
  });
});
