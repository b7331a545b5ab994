import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looksLikeTlsRptRecord, parseTlsRptRecord, selectTlsRptRecords } from '../../src/parsers/tlsrpt-record.js';
import { extName, txtExtValue, wsp } from './sts-arbitraries.js';

function reasonOf(record: string): string {
  const result = parseTlsRptRecord(record);
  if (result.ok) throw new Error(`expected ${JSON.stringify(record)} to be rejected`);
  return result.reason;
}

describe('selectTlsRptRecords', () => {
  it('keeps records beginning with "v=TLSRPTv1;" (WSP before ";" allowed by field-delim) and drops the rest (RFC 8460 §3)', () => {
    const records = [
      'v=spf1 -all',
      'v=TLSRPTv1; rua=mailto:a@example.com',
      'v=TLSRPTv1 ;rua=mailto:b@example.com',
      'v=tlsrptv1; rua=mailto:c@example.com',
      'v=TLSRPTv1 rua=x',
      'v=TLSRPTv10;',
    ];
    expect(selectTlsRptRecords(records)).toEqual([
      'v=TLSRPTv1; rua=mailto:a@example.com',
      'v=TLSRPTv1 ;rua=mailto:b@example.com',
    ]);
  });

  it('returns every TLSRPTv1 record, leaving the more-than-one decision to the caller', () => {
    expect(
      selectTlsRptRecords(['v=TLSRPTv1; rua=mailto:a@x.example', 'v=TLSRPTv1; rua=mailto:b@x.example']),
    ).toHaveLength(2);
  });
});

describe('looksLikeTlsRptRecord', () => {
  it.each([
    'v=TLSRPTv1 rua=mailto:a@example.com',
    ' v=TLSRPTv1; rua=mailto:a@example.com',
    'v=tlsrptv1; rua=mailto:a@example.com',
  ])('spots %j, meant as a record but discarded by senders', (record) => {
    expect(selectTlsRptRecords([record])).toEqual([]);
    expect(looksLikeTlsRptRecord(record)).toBe(true);
  });

  it.each(['v=TLSRPTv1; rua=mailto:a@example.com', 'v=STSv1; id=1'])('leaves %j alone', (record) => {
    expect(looksLikeTlsRptRecord(record)).toBe(false);
  });
});

describe('parseTlsRptRecord', () => {
  it('parses the RFC 8460 §3 examples (mailto: and https:)', () => {
    expect(parseTlsRptRecord('v=TLSRPTv1; rua=mailto:reports@example.com')).toEqual({
      ok: true,
      value: { version: 'TLSRPTv1', rua: ['mailto:reports@example.com'], extensions: {} },
    });
    expect(parseTlsRptRecord('v=TLSRPTv1; rua=https://reporting.example.com/v1/tlsrpt')).toMatchObject({
      ok: true,
      value: { rua: ['https://reporting.example.com/v1/tlsrpt'] },
    });
  });

  it('splits a comma-separated rua list, with spaces or tabs around the commas (*WSP "," *WSP)', () => {
    expect(parseTlsRptRecord('v=TLSRPTv1;rua=mailto:a@example.com , \thttps://r.example.net/tls;')).toMatchObject({
      ok: true,
      value: { rua: ['mailto:a@example.com', 'https://r.example.net/tls'] },
    });
  });

  it('treats schemes case-insensitively (RFC 3986 §3.1) and keeps URIs as written', () => {
    expect(parseTlsRptRecord('v=TLSRPTv1; rua=MAILTO:Ops@Example.com')).toMatchObject({
      ok: true,
      value: { rua: ['MAILTO:Ops@Example.com'] },
    });
  });

  it('leaves out URIs of schemes other than mailto: and https:, the only two RFC 8460 §3 supports', () => {
    expect(
      parseTlsRptRecord('v=TLSRPTv1; rua=http://r.example.com/,mailto:a@example.com,ftp://x.example'),
    ).toMatchObject({
      ok: true,
      value: { rua: ['mailto:a@example.com'] },
    });
  });

  it('rejects a record whose rua has no mailto: or https: URI at all, listing what it found', () => {
    expect(reasonOf('v=TLSRPTv1; rua=http://r.example.com/')).toBe(
      'rua has no usable mailto: or https: URI (found "http://r.example.com/")',
    );
    expect(reasonOf('v=TLSRPTv1; rua=mailto:nobody, https:relative')).toBe(
      'rua has no usable mailto: or https: URI (found "mailto:nobody", "https:relative")',
    );
  });

  it('requires rua ("the tlsrpt-rua field is required"), hinting when only its case is wrong', () => {
    expect(reasonOf('v=TLSRPTv1; ruf=mailto:a@example.com')).toBe('required field "rua" is missing');
    expect(reasonOf('v=TLSRPTv1; RUA=mailto:a@example.com')).toBe(
      'required field "rua" is missing (found "RUA"; field names are case-sensitive)',
    );
  });

  it('rejects an empty rua, an empty URI between commas and whitespace right after "rua="', () => {
    expect(reasonOf('v=TLSRPTv1; rua=')).toBe('rua is empty; it needs at least one mailto: or https: URI');
    expect(reasonOf('v=TLSRPTv1; rua=mailto:a@example.com,')).toBe(
      'rua "mailto:a@example.com," has an empty URI between commas',
    );
    expect(reasonOf('v=TLSRPTv1; rua=a:b,,c:d')).toMatch(/has an empty URI between commas/);
    expect(reasonOf('v=TLSRPTv1; rua= mailto:a@example.com')).toBe(
      'rua must start right after "rua=", without whitespace',
    );
  });

  it('rejects URIs that are not RFC 3986 URIs, including a literal "!" which must be percent-encoded', () => {
    expect(reasonOf('v=TLSRPTv1; rua=mailto:a b@example.com')).toBe(
      'rua URI "mailto:a b@example.com" is not a valid URI (commas and "!" must be percent-encoded)',
    );
    expect(reasonOf('v=TLSRPTv1; rua=mailto:hi!@example.com')).toBe(
      'rua URI "mailto:hi!@example.com" is not a valid URI (commas and "!" must be percent-encoded)',
    );
    expect(reasonOf('v=TLSRPTv1; rua=reports@example.com')).toMatch(/is not a valid URI/);
    expect(parseTlsRptRecord('v=TLSRPTv1; rua=mailto:hi%21@example.com')).toMatchObject({ ok: true });
  });

  it('keeps extension fields and lets the first rua win, later ones still having to be valid', () => {
    expect(
      parseTlsRptRecord(
        'v=TLSRPTv1; rua=mailto:a@example.com; rua=mailto:b@example.com, mailto:c@example.com; x-ext=1',
      ),
    ).toEqual({
      ok: true,
      value: { version: 'TLSRPTv1', rua: ['mailto:a@example.com'], extensions: { 'x-ext': '1' } },
    });
    expect(reasonOf('v=TLSRPTv1; rua=mailto:a@example.com; rua=, x')).toMatch(/value of "rua"/);
  });

  it('applies the §3 ABNF to version and delimiters: case-sensitive version, no trailing WSP without ";"', () => {
    expect(reasonOf('v=tlsrptv1; rua=mailto:a@example.com')).toBe(
      'record begins with "v=tlsrptv1", not "v=TLSRPTv1" (case-sensitive)',
    );
    expect(reasonOf('v=TLSRPTv1; rua=mailto:a@example.com ')).toMatch(/whitespace after the last field/);
    expect(parseTlsRptRecord('v=TLSRPTv1 ; rua=mailto:a@example.com ; ')).toMatchObject({ ok: true });
  });

  it('parses every record built from the §3 ABNF with mailto: and https: URIs', () => {
    const local = fc.stringMatching(/^[a-z0-9._+-]{1,12}$/);
    const host = fc.stringMatching(/^[a-z0-9]{1,10}\.[a-z]{2,5}$/);
    const uri = fc.oneof(
      fc.tuple(local, host).map(([l, h]) => `mailto:${l}@${h}`),
      fc.tuple(host, fc.stringMatching(/^(\/[a-z0-9._~-]{0,8}){0,3}$/)).map(([h, path]) => `https://${h}${path}`),
    );
    const record = fc.record({
      uris: fc.array(fc.tuple(uri, wsp, wsp), { minLength: 1, maxLength: 3 }),
      ext: fc.option(
        fc.tuple(
          extName.filter((n) => n !== 'rua' && n !== 'v'),
          txtExtValue,
        ),
        { nil: undefined },
      ),
      pre: wsp,
      post: wsp,
    });
    fc.assert(
      fc.property(record, ({ uris, ext, pre, post }) => {
        const rua = uris.map(([u, before, after], i) => (i === 0 ? u : `${before},${after}${u}`)).join('');
        const extension = ext ? `; ${ext[0]}=${ext[1]}` : '';
        const result = parseTlsRptRecord(`v=TLSRPTv1${pre};${post}rua=${rua}${extension}`);
        expect(result).toEqual({
          ok: true,
          value: { version: 'TLSRPTv1', rua: uris.map(([u]) => u), extensions: ext ? { [ext[0]]: ext[1] } : {} },
        });
      }),
    );
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.string().map((s) => `v=TLSRPTv1; rua=${s}`),
        ),
        (record) => {
          const result = parseTlsRptRecord(record);
          if (!result.ok) expect(result.reason).toMatch(/^[^\n\r]+$/);
        },
      ),
    );
  });
});
