import { describe, expect, it } from 'vitest';
import { FINDING_CATALOG } from '../../src/report/finding-catalog.js';
import type { FindingCode } from '../../src/report/finding-codes.js';
import { hasPolicyToMatch, policyUnusableBecause } from '../../src/report/policy-usability.js';
import { reportFixture } from '../command/report-fixture.js';

const finding = (code: FindingCode) => ({
  code,
  severity: FINDING_CATALOG[code].severity,
  title: 't',
  detail: 'd',
  fix: 'f',
});

describe('policyUnusableBecause', () => {
  it('is null for a served policy on a sound certificate', () => {
    expect(policyUnusableBecause(reportFixture())).toBeNull();
  });

  it('names every certificate problem that makes senders discard the served policy', () => {
    const report = reportFixture({
      verdict: 'broken',
      findings: [finding('cert-untrusted'), finding('mx-mismatch'), finding('cert-san-mismatch')],
    });
    expect(policyUnusableBecause(report)).toBe('untrusted certificate, certificate names another host');
  });

  it('does not count a certificate that only expires soon', () => {
    expect(policyUnusableBecause(reportFixture({ findings: [finding('cert-expiring-soon')] }))).toBeNull();
  });

  it('is null when no policy was served at all', () => {
    expect(
      policyUnusableBecause(reportFixture({ verdict: 'broken', policy: null, findings: [finding('cert-expired')] })),
    ).toBeNull();
  });
});

describe('hasPolicyToMatch', () => {
  it('is true for a served policy in enforce or testing on a sound certificate', () => {
    expect(hasPolicyToMatch(reportFixture())).toBe(true);
    expect(
      hasPolicyToMatch(reportFixture({ verdict: 'testing', policy: { ...reportFixture().policy!, mode: 'testing' } })),
    ).toBe(true);
  });

  it('is false when no policy was served, in mode none, unreadable, or refused for its certificate', () => {
    expect(hasPolicyToMatch(reportFixture({ verdict: 'not-configured', txt: null, policy: null }))).toBe(false);
    expect(
      hasPolicyToMatch(reportFixture({ verdict: 'none', policy: { ...reportFixture().policy!, mode: 'none' } })),
    ).toBe(false);
    expect(
      hasPolicyToMatch(
        reportFixture({
          verdict: 'broken',
          policy: { ...reportFixture().policy!, mode: null },
          findings: [finding('policy-invalid')],
        }),
      ),
    ).toBe(false);
    expect(hasPolicyToMatch(reportFixture({ verdict: 'broken', findings: [finding('cert-untrusted')] }))).toBe(false);
  });
});
