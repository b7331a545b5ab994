import { describe, expect, it } from 'vitest';
import type { StsPolicy } from '../../src/parsers/sts-policy.js';
import { evaluateMx } from '../../src/report/evaluate-mx.js';
import { mxAnswer } from './facts.js';

const policy = (mode: StsPolicy['mode'], ...mx: string[]): StsPolicy => ({
  version: 'STSv1',
  mode,
  mx,
  maxAge: 604_800,
  extensions: {},
});

describe('evaluateMx', () => {
  it('given every host covered, then rows with the pattern that covers each and no finding', () => {
    expect(
      evaluateMx(
        mxAnswer([10, 'mx1.example.com'], [20, 'mx2.example.com']),
        policy('enforce', 'mx1.example.com', '*.example.com'),
        'example.com',
      ),
    ).toEqual({
      rows: [
        { host: 'mx1.example.com', priority: 10, matchedBy: 'mx1.example.com' },
        { host: 'mx2.example.com', priority: 20, matchedBy: '*.example.com' },
      ],
      findings: [],
    });
  });

  it('given mode none and an MX host no pattern covers, then the row and no finding (a deliberate opt-out)', () => {
    expect(evaluateMx(mxAnswer([10, 'mx.elsewhere.net']), policy('none'), 'example.com')).toEqual({
      rows: [{ host: 'mx.elsewhere.net', priority: 10, matchedBy: null }],
      findings: [],
    });
  });

  it('given no policy, then rows without a match and no finding', () => {
    expect(evaluateMx(mxAnswer([10, 'mx1.example.com']), null, 'example.com')).toEqual({
      rows: [{ host: 'mx1.example.com', priority: 10, matchedBy: null }],
      findings: [],
    });
  });

  it('given two uncovered hosts of one pattern, then one mx-mismatch finding naming both', () => {
    const { findings } = evaluateMx(
      mxAnswer([10, 'mx1.example.com'], [20, 'backup.example.net'], [30, 'backup.example.net']),
      policy('testing', 'mx1.example.com'),
      'example.com',
    );
    expect(findings).toEqual([
      {
        code: 'mx-mismatch',
        severity: 'error',
        title: 'MX not covered by policy',
        detail:
          '`backup.example.net`, `backup.example.net` are not matched by any `mx:` pattern (the policy has `mx1.example.com`).',
        fix: 'Add `mx: backup.example.net` to the policy (or remove the stale MX record), then rotate the TXT id.',
      },
    ]);
  });

  it('given a wildcard one label too high, then mx-wildcard-missing with the deeper wildcard and why', () => {
    const { findings } = evaluateMx(
      mxAnswer([10, 'a.mx.example.com']),
      policy('enforce', '*.example.com'),
      'example.com',
    );
    expect(findings.map((f) => [f.code, f.detail, f.fix])).toEqual([
      [
        'mx-wildcard-missing',
        '`a.mx.example.com` is not matched by any `mx:` pattern (the policy has `*.example.com`).',
        'Add `mx: *.mx.example.com` to the policy, then rotate the TXT id. `*.example.com` does not cover `a.mx.example.com`: a wildcard matches exactly one label.',
      ],
    ]);
  });

  it('given a Microsoft 365 host listed exactly, then mx-wildcard-missing with the tenant wildcard', () => {
    const { findings } = evaluateMx(
      mxAnswer([0, 'contoso-com.mail.protection.outlook.com']),
      policy('enforce', 'mx1.example.com'),
      'example.com',
    );
    expect(findings.map((f) => [f.code, f.fix])).toEqual([
      [
        'mx-wildcard-missing',
        'Add `mx: *.mail.protection.outlook.com` to the policy, then rotate the TXT id. Microsoft 365 gives every tenant its own host name, so only the wildcard keeps working.',
      ],
    ]);
  });

  it('given a failed MX lookup under a live policy, then no-mx saying the table could not be checked', () => {
    const evaluation = evaluateMx(
      { ok: false, cause: 'dns', detail: 'servfail: ESERVFAIL' },
      policy('enforce', 'mx1.example.com'),
      'example.com',
    );
    expect(evaluation.rows).toEqual([]);
    expect(evaluation.findings.map((f) => [f.code, f.severity, f.detail])).toEqual([
      [
        'no-mx',
        'warning',
        'The MX lookup for `example.com` failed (servfail: ESERVFAIL); the MX table could not be checked.',
      ],
    ]);
  });

  it('given a null MX under testing, then no-mx naming RFC 7505 and the mode', () => {
    const evaluation = evaluateMx(mxAnswer([0, '']), policy('testing', 'mx1.example.com'), 'example.com');
    expect(evaluation.rows).toEqual([]);
    expect(evaluation.findings.map((f) => f.detail)).toEqual([
      '`example.com` publishes a null MX (RFC 7505) while a `mode: testing` policy is live.',
    ]);
  });

  it('given no MX records under enforce, then no-mx', () => {
    expect(evaluateMx(mxAnswer(), policy('enforce', 'mx1.example.com'), 'example.com').findings[0]?.detail).toBe(
      '`example.com` has no MX records while a `mode: enforce` policy is live.',
    );
  });

  it('given NXDOMAIN for the domain beside a live policy, then no rows and no-mx as for an empty MX set', () => {
    const evaluation = evaluateMx(
      { ok: false, cause: 'nxdomain', detail: 'ENOTFOUND' },
      policy('enforce', 'mx1.example.com'),
      'example.com',
    );
    expect(evaluation.rows).toEqual([]);
    expect(evaluation.findings.map((f) => f.detail)).toEqual([
      '`example.com` has no MX records while a `mode: enforce` policy is live.',
    ]);
  });

  it('given NXDOMAIN and no policy, then no rows and no finding (buildReport says the name is missing)', () => {
    expect(evaluateMx({ ok: false, cause: 'nxdomain', detail: 'ENOTFOUND' }, null, 'example.com')).toEqual({
      rows: [],
      findings: [],
    });
  });
});
