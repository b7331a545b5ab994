import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looksLikeStsRecord, parseStsRecord, selectStsRecords } from '../../src/parsers/sts-record.js';
import { nearStsRecord, validStsRecord } from './sts-arbitraries.js';

function reasonOf(record: string): string {
  const result = parseStsRecord(record);
  if (result.ok) throw new Error(`expected ${JSON.stringify(record)} to be rejected`);
  return result.reason;
}

describe('selectStsRecords', () => {
  it('keeps the STSv1 record and ignores SPF and verification tokens beside it (RFC 8461 §3.1)', () => {
    const records = ['v=spf1 -all', 'google-site-verification=abc', 'v=STSv1; id=20240101', 'v=DMARC1; p=none'];
    expect(selectStsRecords(records)).toEqual(['v=STSv1; id=20240101']);
  });

  it('reads "begin with v=STSv1;" through the ABNF: WSP before ";" belongs to sts-field-delim (§3.1, erratum 6285)', () => {
    expect(selectStsRecords(['v=STSv1 ; id=a', 'v=STSv1\t;id=b', 'v=STSv1;id=c'])).toEqual([
      'v=STSv1 ; id=a',
      'v=STSv1\t;id=b',
      'v=STSv1;id=c',
    ]);
  });

  it('discards records that do not begin with "v=STSv1;" exactly: no ";", other case, leading space, longer version (§3.1)', () => {
    expect(
      selectStsRecords([
        'v=STSv1 id=a',
        'v=STSv1',
        'v=stsv1; id=a',
        'V=STSv1; id=a',
        ' v=STSv1; id=a',
        'v=STSv10; id=a',
      ]),
    ).toEqual([]);
  });

  it('discards a lone unrelated record too, so a wildcard TXT answering for _mta-sts reads as no record', () => {
    expect(selectStsRecords(['v=spf1 include:_spf.example.net -all'])).toEqual([]);
  });

  it('returns every STSv1 record in order, leaving the txt-multiple decision to the caller (§3.1)', () => {
    expect(selectStsRecords(['v=STSv1; id=2', 'x', 'v=STSv1; id=1'])).toEqual(['v=STSv1; id=2', 'v=STSv1; id=1']);
  });

  it('never discards a record that parseStsRecord accepts', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          nearStsRecord,
          validStsRecord.map((r) => r.record),
        ),
        (record) => {
          if (parseStsRecord(record).ok) expect(selectStsRecords([record])).toEqual([record]);
        },
      ),
    );
  });
});

describe('looksLikeStsRecord', () => {
  it.each([' v=STSv1; id=1;', 'v=stsv1; id=1;', 'v=STSv1 id=1', 'V = STSv1; id=1'])(
    'spots %j, meant as a record but discarded by senders',
    (record) => {
      expect(selectStsRecords([record])).toEqual([]);
      expect(looksLikeStsRecord(record)).toBe(true);
    },
  );

  it.each(['v=STSv1; id=1;', 'v=spf1 -all', 'google-site-verification=abc'])('leaves %j alone', (record) => {
    expect(looksLikeStsRecord(record)).toBe(false);
  });

  it('never calls a record senders keep a near miss', () => {
    fc.assert(
      fc.property(fc.string(), (record) => !(looksLikeStsRecord(record) && selectStsRecords([record]).length === 1)),
    );
  });
});

describe('parseStsRecord', () => {
  it('parses the RFC 8461 §3.1 example "v=STSv1; id=20160831085700Z;"', () => {
    expect(parseStsRecord('v=STSv1; id=20160831085700Z;')).toEqual({
      ok: true,
      value: { version: 'STSv1', id: '20160831085700Z', extensions: {} },
    });
  });

  it('accepts a record without the optional trailing delimiter and without any whitespace (§3.1)', () => {
    expect(parseStsRecord('v=STSv1;id=abc')).toMatchObject({ ok: true, value: { id: 'abc' } });
  });

  it('accepts spaces and tabs on both sides of ";" (sts-field-delim = *WSP ";" *WSP)', () => {
    expect(parseStsRecord('v=STSv1 \t; \tid=abc \t;\t ')).toMatchObject({ ok: true, value: { id: 'abc' } });
  });

  it('parses the already-joined text of a record published as several character-strings (§3.1)', () => {
    const strings = ['v=STSv1; id=2024', '0101T000000'];
    expect(parseStsRecord(strings.join(''))).toMatchObject({ ok: true, value: { id: '20240101T000000' } });
  });

  it('rejects whitespace after the last field when no ";" follows it (§3.1 ABNF)', () => {
    expect(reasonOf('v=STSv1; id=abc ')).toMatch(/whitespace after the last field/);
  });

  it('rejects leading whitespace and a version in another case (%s"v=STSv1" is case-sensitive)', () => {
    expect(reasonOf(' v=STSv1; id=abc')).toBe('record does not begin with "v=STSv1"');
    expect(reasonOf('v=stsv1; id=abc')).toBe('record begins with "v=stsv1", not "v=STSv1" (case-sensitive)');
  });

  it('rejects a version that is not followed by ";" and at least one field', () => {
    expect(reasonOf('v=STSv1 id=abc')).toMatch(/must be followed by ";"/);
    expect(reasonOf('v=STSv10; id=abc')).toMatch(/must be followed by ";"/);
    expect(reasonOf('v=STSv1;')).toBe('no fields after "v=STSv1;"');
    expect(reasonOf('v=STSv1')).toMatch(/must be followed by ";"/);
  });

  it('accepts an id of 32 letters and digits and rejects one of 33 (sts-id = 1*32(ALPHA / DIGIT))', () => {
    const id32 = 'A1'.repeat(16);
    expect(parseStsRecord(`v=STSv1; id=${id32}`)).toMatchObject({ ok: true, value: { id: id32 } });
    expect(reasonOf(`v=STSv1; id=${id32}x`)).toBe('id is 33 characters; at most 32 letters and digits are allowed');
  });

  it('rejects an empty id and ids holding "-", "_", "." or non-ASCII letters (§3.1)', () => {
    expect(reasonOf('v=STSv1; id=')).toBe('id is empty; it must be 1 to 32 letters and digits');
    for (const id of ['2024-01-01', 'a_b', 'v1.2', 'é1']) {
      expect(reasonOf(`v=STSv1; id=${id}`)).toBe(`id "${id}" must be 1 to 32 letters and digits only`);
    }
  });

  it('requires the id field, hinting when only its case is wrong (field names are %s, case-sensitive)', () => {
    expect(reasonOf('v=STSv1; ext=1')).toBe('required field "id" is missing');
    expect(reasonOf('v=STSv1; ID=abc')).toBe(
      'required field "id" is missing (found "ID"; field names are case-sensitive)',
    );
  });

  it('keeps extension fields (sts-extension) by name, as written', () => {
    expect(parseStsRecord('v=STSv1; id=abc; foo=bar; x-y.z_1=a:b/c')).toEqual({
      ok: true,
      value: { version: 'STSv1', id: 'abc', extensions: { foo: 'bar', 'x-y.z_1': 'a:b/c' } },
    });
  });

  it('lets the first of repeated fields win, the later ones still having to be valid (RFC 8461 §3.2 duplicate rule)', () => {
    expect(parseStsRecord('v=STSv1; id=first; id=second; x=1; x=2')).toMatchObject({
      ok: true,
      value: { id: 'first', extensions: { x: '1' } },
    });
    expect(reasonOf('v=STSv1; id=first; id=a=b')).toMatch(/value of "id" has a character outside printable ASCII/);
  });

  it('rejects extension values with "=", space or controls and names outside sts-ext-name', () => {
    expect(reasonOf('v=STSv1; id=a; x=1=2')).toMatch(/value of "x"/);
    expect(reasonOf('v=STSv1; id=a; x=')).toBe('field "x" has no value');
    expect(reasonOf('v=STSv1; id=a; _x=1')).toBe('field name "_x" is not valid');
    expect(reasonOf(`v=STSv1; id=a; ${'n'.repeat(33)}=1`)).toMatch(/field name "n{33}" is not valid/);
  });

  it('rejects an empty field between delimiters and a field that is not name=value (§3.1 ABNF)', () => {
    expect(reasonOf('v=STSv1;; id=abc')).toBe('empty field between ";" delimiters');
    expect(reasonOf('v=STSv1; id')).toBe('field "id" is not name=value');
    expect(reasonOf('v=STSv1; =abc')).toBe('field "=abc" is not name=value');
  });

  it('escapes control characters of the hostile record in its reason', () => {
    const reason = reasonOf('v=STSv1; id=a\u0000\u001b[31m');
    expect(reason).toContain('\\u0000\\u001b[31m');
    expect(reason).not.toMatch(/[\u0000-\u001f]/);
  });

  it('parses every record built from the §3.1 ABNF and returns its id and extensions', () => {
    fc.assert(
      fc.property(validStsRecord, ({ record, id, extensions }) => {
        expect(parseStsRecord(record)).toEqual({ ok: true, value: { version: 'STSv1', id, extensions } });
      }),
    );
  });

  it('never throws and always gives a non-empty single-line reason on arbitrary input', () => {
    const anyText = fc.oneof(
      fc.string({ unit: 'binary' }),
      nearStsRecord,
      fc.string().map((s) => `v=STSv1;${s}`),
    );
    fc.assert(
      fc.property(anyText, (record) => {
        const result = parseStsRecord(record);
        if (!result.ok) expect(result.reason).toMatch(/^[^\n\r]+$/);
      }),
    );
  });
});
