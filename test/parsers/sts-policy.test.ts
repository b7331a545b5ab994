import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseStsPolicy } from '../../src/parsers/sts-policy.js';
import { joinLines, nearPolicyLines, validPolicy } from './sts-arbitraries.js';

const BASE = ['version: STSv1', 'mode: enforce', 'mx: mail.example.com', 'max_age: 604800'];

function policy(...lines: string[]): string {
  return lines.join('\n');
}

function reasonOf(body: string): string {
  const result = parseStsPolicy(body);
  if (result.ok) throw new Error(`expected ${JSON.stringify(body)} to be rejected`);
  return result.reason;
}

describe('parseStsPolicy', () => {
  it('parses the RFC 8461 §3.2 example policy', () => {
    const body =
      'version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmx: *.example.net\r\nmx: backupmx.example.com\r\nmax_age: 604800\r\n';
    expect(parseStsPolicy(body)).toEqual({
      ok: true,
      value: {
        version: 'STSv1',
        mode: 'enforce',
        mx: ['mail.example.com', '*.example.net', 'backupmx.example.com'],
        maxAge: 604800,
        extensions: {},
      },
    });
  });

  describe('line terminators (sts-policy-term = LF / CRLF, erratum 6253)', () => {
    const expected = parseStsPolicy(`${BASE.join('\n')}\n`);

    it('accepts LF, CRLF and a mix of both, with or without a final terminator, all alike', () => {
      expect(expected.ok).toBe(true);
      for (const body of [
        BASE.join('\n'),
        BASE.join('\r\n'),
        `${BASE.join('\r\n')}\r\n`,
        'version: STSv1\r\nmode: enforce\nmx: mail.example.com\r\nmax_age: 604800',
      ]) {
        expect(parseStsPolicy(body)).toEqual(expected);
      }
    });

    it('rejects a blank line, including a second final terminator ([sts-policy-term] allows one)', () => {
      expect(reasonOf(policy('version: STSv1', '', 'mode: enforce', 'mx: a.example', 'max_age: 1'))).toBe(
        'line 2 is empty; blank lines are not allowed',
      );
      expect(reasonOf(`${BASE.join('\r\n')}\r\n\r\n`)).toBe('line 5 is empty; blank lines are not allowed');
    });

    it('rejects a bare CR, which is no terminator, as a control character in the value', () => {
      expect(reasonOf(BASE.join('\r'))).toMatch(
        /^line 1: value of "version" has a character a field value cannot hold .*\\u000d/,
      );
    });
  });

  describe('required fields', () => {
    it('rejects an empty body', () => {
      expect(reasonOf('')).toBe('the policy is empty');
      expect(reasonOf('\r\n')).toBe('line 1 is empty; blank lines are not allowed');
    });

    it('requires version, mode and max_age ("If any field is not specified, the policy SHALL be treated as invalid")', () => {
      expect(reasonOf(policy('mode: enforce', 'mx: a.example', 'max_age: 1'))).toBe(
        'required field "version" is missing',
      );
      expect(reasonOf(policy('version: STSv1', 'mx: a.example', 'max_age: 1'))).toBe(
        'required field "mode" is missing',
      );
      expect(reasonOf(policy('version: STSv1', 'mode: testing', 'mx: a.example'))).toBe(
        'required field "max_age" is missing',
      );
    });

    it('requires at least one mx unless mode is none (§3.2 ABNF comment)', () => {
      expect(reasonOf(policy('version: STSv1', 'mode: enforce', 'max_age: 1'))).toBe(
        'no mx field; mode "enforce" needs at least one',
      );
      expect(reasonOf(policy('version: STSv1', 'mode: testing', 'max_age: 1'))).toBe(
        'no mx field; mode "testing" needs at least one',
      );
      expect(parseStsPolicy(policy('version: STSv1', 'mode: none', 'max_age: 1'))).toMatchObject({
        ok: true,
        value: { mode: 'none', mx: [] },
      });
    });

    it('keeps mx patterns listed under mode none, still checking them', () => {
      expect(parseStsPolicy(policy('version: STSv1', 'mode: none', 'mx: a.example', 'max_age: 1'))).toMatchObject({
        ok: true,
        value: { mx: ['a.example'] },
      });
      expect(reasonOf(policy('version: STSv1', 'mode: none', 'mx: a_b.example', 'max_age: 1'))).toMatch(
        /^mx "a_b.example" is not a host name/,
      );
    });

    it('accepts the fields in any order', () => {
      expect(
        parseStsPolicy(policy('max_age: 86400', 'mx: a.example', 'mode: testing', 'version: STSv1')),
      ).toMatchObject({
        ok: true,
        value: { mode: 'testing', maxAge: 86400, mx: ['a.example'] },
      });
    });
  });

  describe('case (the ABNF uses %s: names and values are case-sensitive)', () => {
    it('rejects mode "Enforce" with a reason that names the allowed values', () => {
      expect(reasonOf(policy('version: STSv1', 'mode: Enforce', 'mx: a.example', 'max_age: 1'))).toBe(
        'mode "Enforce" is not one of enforce, testing, none (values are case-sensitive)',
      );
      expect(reasonOf(policy('version: STSv1', 'mode: report', 'mx: a.example', 'max_age: 1'))).toBe(
        'mode "report" is not one of enforce, testing, none',
      );
    });

    it('rejects version "stsv1" and any version other than STSv1', () => {
      expect(reasonOf(policy('version: stsv1', 'mode: none', 'max_age: 1'))).toBe(
        'version "stsv1" is not "STSv1" (values are case-sensitive)',
      );
      expect(reasonOf(policy('version: STSv2', 'mode: none', 'max_age: 1'))).toBe('version "STSv2" is not "STSv1"');
    });

    it('treats "Mode:" as an unknown extension field, so mode is missing, and says why', () => {
      expect(reasonOf(policy('version: STSv1', 'Mode: enforce', 'mx: a.example', 'max_age: 1'))).toBe(
        'required field "mode" is missing (found "Mode"; field names are case-sensitive)',
      );
    });

    it('compares mx names case-insensitively and lists them lower-cased, once each', () => {
      expect(
        parseStsPolicy(
          policy('version: STSv1', 'mode: enforce', 'mx: MAIL.Example.COM', 'mx: mail.example.com', 'max_age: 1'),
        ),
      ).toMatchObject({
        ok: true,
        value: { mx: ['mail.example.com'] },
      });
    });
  });

  describe('whitespace (sts-policy-field-delim = ":" *WSP, then *WSP before the terminator)', () => {
    it('accepts spaces and tabs after ":" and at the end of a line, and none at all', () => {
      expect(
        parseStsPolicy('version:STSv1\nmode:\t enforce \t\nmx:  mail.example.com\t\nmax_age:604800  '),
      ).toMatchObject({
        ok: true,
        value: { mode: 'enforce', mx: ['mail.example.com'], maxAge: 604800 },
      });
    });

    it('rejects whitespace before a field name or before ":"', () => {
      expect(reasonOf(policy(' version: STSv1', 'mode: none', 'max_age: 1'))).toBe(
        'line 1: field name " version" is not valid (no whitespace is allowed before it)',
      );
      expect(reasonOf(policy('version : STSv1', 'mode: none', 'max_age: 1'))).toBe(
        'line 1: field name "version " is not valid',
      );
    });

    it('rejects a line that is not a "name: value" field', () => {
      expect(reasonOf(policy(...BASE, '# comment'))).toBe('line 5 "# comment" is not a "name: value" field');
      expect(reasonOf(policy(...BASE, 'version=STSv1'))).toBe('line 5 "version=STSv1" is not a "name: value" field');
    });

    it('rejects a field with no value, and a tab inside a value (only SP may appear inside sts-policy-ext-value)', () => {
      expect(reasonOf(policy(...BASE, 'x-note:'))).toBe('line 5: field "x-note" has no value');
      expect(reasonOf(policy(...BASE, 'x-note: a\tb'))).toMatch(
        /^line 5: value of "x-note" has a character a field value cannot hold/,
      );
    });
  });

  describe('max_age (sts-policy-max-age-value = 1*10(DIGIT), at most 31557600)', () => {
    const withAge = (age: string) => policy('version: STSv1', 'mode: none', `max_age: ${age}`);

    it('accepts 0, the maximum 31557600, and leading zeros up to 10 digits', () => {
      expect(parseStsPolicy(withAge('0'))).toMatchObject({ ok: true, value: { maxAge: 0 } });
      expect(parseStsPolicy(withAge('31557600'))).toMatchObject({ ok: true, value: { maxAge: 31557600 } });
      expect(parseStsPolicy(withAge('0000086400'))).toMatchObject({ ok: true, value: { maxAge: 86400 } });
    });

    it('rejects 31557601, 11 digits even when small, and signs, exponents or units', () => {
      expect(reasonOf(withAge('31557601'))).toBe('max_age 31557601 is over the limit of 31557600 seconds (one year)');
      expect(reasonOf(withAge('00000086400'))).toBe(
        'max_age "00000086400" is not a whole number of seconds (1 to 10 digits)',
      );
      for (const age of ['-1', '+86400', '1e6', '86400s', '8 6400', '0x10']) {
        expect(reasonOf(withAge(age))).toBe(`max_age "${age}" is not a whole number of seconds (1 to 10 digits)`);
      }
    });
  });

  describe('repeated fields ("If any non-repeated field ... is duplicated, all entries except for the first SHOULD be ignored")', () => {
    it('keeps the first mode, version and max_age and ignores later ones, even invalid-valued ones', () => {
      const body = policy(
        'version: STSv1',
        'mode: testing',
        'mode: enforce',
        'max_age: 86400',
        'max_age: 99999999999',
        'mx: a.example',
        'version: STSv9',
      );
      expect(parseStsPolicy(body)).toMatchObject({ ok: true, value: { mode: 'testing', maxAge: 86400 } });
    });

    it('judges the first entry, not a later valid one', () => {
      expect(
        reasonOf(policy('version: STSv1', 'mode: Enforce', 'mode: enforce', 'mx: a.example', 'max_age: 1')),
      ).toMatch(/^mode "Enforce"/);
    });

    it('collects every mx field (the only repeatable field)', () => {
      expect(
        parseStsPolicy(policy('version: STSv1', 'mode: enforce', 'mx: a.example', 'mx: *.b.example', 'max_age: 1')),
      ).toMatchObject({
        ok: true,
        value: { mx: ['a.example', '*.b.example'] },
      });
    });
  });

  describe('unknown fields ("unknown fields SHOULD be ignored")', () => {
    it('ignores them for the policy and keeps the first value of each as an extension, UTF-8 included', () => {
      const body = policy(...BASE, 'x-contact: ops team é', 'x-contact: second', 'MX: other.example');
      expect(parseStsPolicy(body)).toMatchObject({
        ok: true,
        value: { mx: ['mail.example.com'], extensions: { 'x-contact': 'ops team é', MX: 'other.example' } },
      });
    });
  });

  describe('mx values (sts-policy-mx-value = ["*."] Domain, RFC 5321 §4.1.2)', () => {
    const withMx = (mx: string) => policy('version: STSv1', 'mode: enforce', `mx: ${mx}`, 'max_age: 1');

    it('accepts host names and "*." wildcards, digits and hyphens inside labels', () => {
      for (const mx of ['mx1.example.com', '*.mail.example.net', 'a-b.0x.example', 'xn--bcher-kva.example']) {
        expect(parseStsPolicy(withMx(mx))).toMatchObject({ ok: true, value: { mx: [mx] } });
      }
    });

    it('rejects IP literals, bracketed or dotted-quad (a top-level label is never all digits, RFC 1123 §2.1)', () => {
      expect(reasonOf(withMx('192.0.2.25'))).toBe('mx "192.0.2.25" is an IP address; mx must be a host name');
      expect(reasonOf(withMx('[192.0.2.25]'))).toBe('mx "[192.0.2.25]" is an IP address; mx must be a host name');
      expect(reasonOf(withMx('2001:db8::25'))).toBe('mx "2001:db8::25" is an IP address; mx must be a host name');
    });

    it('rejects a trailing dot, a bare or inner "*", underscores, edge hyphens and empty labels', () => {
      expect(reasonOf(withMx('mail.example.com.'))).toBe('mx "mail.example.com." must not end with a dot');
      for (const mx of [
        '*',
        '*.*.example.com',
        'mail.*.example.com',
        'm*.example.com',
        'mail_1.example.com',
        '-mx.example.com',
        'mx-.example.com',
        'a..example.com',
      ]) {
        expect(reasonOf(withMx(mx))).toMatch(/is not a host name or "\*\." followed by a host name/);
      }
    });

    it('rejects U-labels (Domain is ASCII; write A-labels) and labels over 63 characters', () => {
      expect(reasonOf(withMx('bücher.example'))).toBe(
        'mx "bücher.example" is not ASCII; write internationalised names as A-labels (xn--)',
      );
      expect(reasonOf(withMx(`${'a'.repeat(64)}.example`))).toBe(
        'mx "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…" has a label of 64 characters; the limit is 63',
      );
    });
  });

  describe('hostile bodies', () => {
    it('rejects NULs and other controls anywhere, escaping them in the reason', () => {
      expect(reasonOf(policy('version: STSv1\u0000', 'mode: none', 'max_age: 1'))).toContain('"STSv1\\u0000"');
      expect(reasonOf(policy('version: STSv1', 'mo\u0000de: none', 'max_age: 1'))).toBe(
        'line 2: field name "mo\\u0000de" is not valid',
      );
    });

    it('rejects non-ASCII in field names and known values, and a leading byte order mark', () => {
      expect(reasonOf(policy('version: STSv1', 'mode: nоne', 'max_age: 1'))).toBe(
        'mode "nоne" is not one of enforce, testing, none',
      );
      expect(reasonOf(`\ufeff${BASE.join('\n')}`)).toBe('line 1: field name "\\ufeffversion" is not valid');
    });

    it('rejects unpaired surrogates, which are not UTF-8, even in extension values', () => {
      expect(reasonOf(policy(...BASE, 'x: a\ud800b'))).toMatch(
        /^line 5: value of "x" has a character a field value cannot hold .*\\ud800/,
      );
    });

    it('never throws on arbitrary text, and reasons stay on one line', () => {
      const anyBody = fc.oneof(
        fc.string({ unit: 'binary' }),
        fc.string({ unit: 'binary-ascii' }),
        nearPolicyLines.map((lines) => lines.join('\n')),
      );
      fc.assert(
        fc.property(anyBody, (body) => {
          const result = parseStsPolicy(body);
          if (!result.ok) expect(result.reason).toMatch(/^[^\n\r]+$/);
        }),
      );
    });
  });

  describe('properties', () => {
    it('parses every policy built from the §3.2 ABNF to its mode, mx, max_age and extensions', () => {
      fc.assert(
        fc.property(validPolicy, fc.array(fc.boolean(), { minLength: 1 }), fc.boolean(), (generated, crlf, final) => {
          const { lines, ...expected } = generated;
          expect(parseStsPolicy(joinLines(lines, crlf, final))).toEqual({
            ok: true,
            value: { version: 'STSv1', ...expected },
          });
        }),
      );
    });

    it('gives the same result for LF, CRLF and mixed terminators, valid or not', () => {
      fc.assert(
        fc.property(
          fc.oneof(
            nearPolicyLines,
            validPolicy.map((p) => p.lines),
          ),
          fc.array(fc.boolean(), { minLength: 1 }),
          fc.boolean(),
          (lines, mixed, final) => {
            const lf = parseStsPolicy(joinLines(lines, [false], final));
            expect(parseStsPolicy(joinLines(lines, [true], final))).toEqual(lf);
            expect(parseStsPolicy(joinLines(lines, mixed, final))).toEqual(lf);
          },
        ),
      );
    });
  });
});
