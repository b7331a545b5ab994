import { describe, expect, it } from 'vitest';
import { evaluateTxt } from '../../src/report/evaluate-txt.js';

describe('evaluateTxt', () => {
  it('given one valid STSv1 record, then its id and no finding', () => {
    expect(evaluateTxt({ ok: true, value: ['v=spf1 -all', 'v=STSv1; id=20261101T000000;'] }, 'example.com')).toEqual({
      txt: { record: 'v=STSv1; id=20261101T000000;', id: '20261101T000000' },
      id: '20261101T000000',
      present: true,
      lookupFailed: false,
      findings: [],
    });
  });

  it('given a SERVFAIL, then lookupFailed and txt-invalid with the DNS fix', () => {
    const txt = evaluateTxt({ ok: false, cause: 'dns', detail: 'servfail: ESERVFAIL' }, 'example.com');
    expect(txt).toMatchObject({ txt: null, id: null, present: false, lookupFailed: true });
    expect(txt.findings).toEqual([
      {
        code: 'txt-invalid',
        severity: 'error',
        title: 'MTA-STS TXT record invalid',
        detail:
          'The `_mta-sts.example.com` TXT lookup failed (servfail: ESERVFAIL); senders that cannot read it treat the domain as having no policy.',
        fix: 'Make the authoritative DNS servers of `example.com` answer TXT queries for `_mta-sts.example.com`; while they fail, senders see no policy.',
      },
    ]);
  });

  it('given no TXT record at all, then not present and no finding', () => {
    expect(evaluateTxt({ ok: true, value: [] }, 'example.com')).toEqual({
      txt: null,
      id: null,
      present: false,
      lookupFailed: false,
      findings: [],
    });
  });

  it('given a record in the wrong case, then present (the owner meant it) and txt-invalid', () => {
    const txt = evaluateTxt({ ok: true, value: ['v=stsv1; id=1;'] }, 'example.com');
    expect(txt).toMatchObject({ txt: { record: 'v=stsv1; id=1;', id: null }, id: null, present: true });
    expect(txt.findings.map((f) => [f.code, f.detail])).toEqual([
      ['txt-invalid', '`v=stsv1; id=1;` does not begin with exactly `v=STSv1;`, so senders discard it.'],
    ]);
  });

  it('given two STSv1 records, then txt-multiple listing both as code, and no id', () => {
    const txt = evaluateTxt({ ok: true, value: ['v=STSv1; id=one;', 'v=STSv1; id=two;'] }, 'example.com');
    expect(txt).toMatchObject({ txt: { record: 'v=STSv1; id=one;', id: null }, id: null, present: true });
    expect(txt.findings.map((f) => [f.code, f.severity, f.detail])).toEqual([
      [
        'txt-multiple',
        'error',
        '2 `v=STSv1` records at `_mta-sts.example.com`: `v=STSv1; id=one;`, `v=STSv1; id=two;`.',
      ],
    ]);
  });

  it('given an id with a dash, then txt-invalid naming the id and the record', () => {
    const txt = evaluateTxt({ ok: true, value: ['v=STSv1; id=2026-11-01;'] }, 'example.com');
    expect(txt.findings.map((f) => [f.code, f.detail, f.fix])).toEqual([
      [
        'txt-invalid',
        '`v=STSv1; id=2026-11-01;`: id "2026-11-01" must be 1 to 32 letters and digits only.',
        'Senders ignore an invalid record, so the policy is never used: publish exactly `v=STSv1; id=<1-32 letters or digits>` at `_mta-sts.example.com`.',
      ],
    ]);
  });

  it('given a record holding a backtick and a newline, then it stays one code span', () => {
    const txt = evaluateTxt({ ok: true, value: ['v=STSv1; id=`x`\n;'] }, 'example.com');
    expect(txt.findings[0]?.detail.startsWith('`v=STSv1; id=ˋxˋ\\u000a;`: ')).toBe(true);
  });
});
