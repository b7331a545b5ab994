import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeDomainInput } from '../../src/domain/normalize-domain.js';

function acceptedValue(input: string): string {
  const result = normalizeDomainInput(input);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(input)} to be accepted: ${result.reason}`);
  return result.value;
}

function reasonOf(input: string): string {
  const result = normalizeDomainInput(input);
  if (result.ok) throw new Error(`expected ${JSON.stringify(input)} to be refused, got ${result.value}`);
  return result.reason;
}

describe('normalizeDomainInput', () => {
  it('lower-cases a domain, trims surrounding whitespace and drops one trailing dot', () => {
    expect(acceptedValue('  Example.COM.\t')).toBe('example.com');
    expect(acceptedValue('mail.example.co.uk')).toBe('mail.example.co.uk');
  });

  it('reduces a URL to its host, without scheme, credentials, port, path, query or fragment', () => {
    expect(acceptedValue('https://Example.com/path?q=1#frag')).toBe('example.com');
    expect(acceptedValue('http://user:secret@www.example.org:8443')).toBe('www.example.org');
    expect(acceptedValue('HTTPS://example.net')).toBe('example.net');
  });

  it('reduces a link without its scheme, as chat clients show one, to its host', () => {
    expect(acceptedValue('good.example/x')).toBe('good.example');
    expect(acceptedValue('Good.Example/x/y?q=1#f')).toBe('good.example');
    expect(acceptedValue('good.example?q')).toBe('good.example');
  });

  it('reduces an e-mail address (or a mailto: link) to its domain', () => {
    expect(acceptedValue('Alice@Example.com')).toBe('example.com');
    expect(acceptedValue('mailto:postmaster@example.org')).toBe('example.org');
    expect(acceptedValue('"odd@local"@example.net')).toBe('example.net');
  });

  it('converts U-labels to A-labels by UTS #46 non-transitional processing (IDNA2008: ß and ς are kept)', () => {
    expect(acceptedValue('Bücher.example')).toBe('xn--bcher-kva.example');
    expect(acceptedValue('faß.de')).toBe('xn--fa-hia.de');
    expect(acceptedValue('user@ÉCOLE.fr')).toBe('xn--cole-9oa.fr');
    expect(acceptedValue('例え.テスト')).toBe('xn--r8jz45g.xn--zckzah');
  });

  it('maps full-width forms and ideographic dots, and accepts A-labels as they are', () => {
    expect(acceptedValue('ｅｘａｍｐｌｅ。ｃｏｍ。')).toBe('example.com');
    expect(acceptedValue('XN--BCHER-KVA.example')).toBe('xn--bcher-kva.example');
  });

  it('refuses empty input', () => {
    expect(reasonOf('')).toBe('enter a domain name, e.g. example.com');
    expect(reasonOf(' \t\n ')).toBe('enter a domain name, e.g. example.com');
    expect(reasonOf('https://')).toBe('"https://" has no domain name in it');
    expect(reasonOf('user@')).toBe('"user@" has no domain name in it');
  });

  it('refuses IPv4, IPv6 and bracketed IP literals, in URLs and e-mail addresses too', () => {
    expect(reasonOf('192.0.2.1')).toBe('"192.0.2.1" is an IP address; enter a domain name');
    expect(reasonOf('2001:db8::1')).toBe('"2001:db8::1" is an IP address; enter a domain name');
    expect(reasonOf('[2001:db8::1]')).toBe('"[2001:db8::1]" is an IP address; enter a domain name');
    expect(reasonOf('http://[::1]:8080/')).toBe('"[::1]" is an IP address; enter a domain name');
    expect(reasonOf('user@[192.0.2.1]')).toBe('"[192.0.2.1]" is an IP address; enter a domain name');
    expect(reasonOf('https://192.0.2.1/')).toBe('"192.0.2.1" is an IP address; enter a domain name');
  });

  it('refuses names ending in a numeric label, which read as IP addresses (also when typed full-width)', () => {
    expect(reasonOf('10.1')).toBe('"10.1" is an IP address; enter a domain name');
    expect(reasonOf('１２７.０.０.１')).toBe('"127.0.0.1" is an IP address; enter a domain name');
  });

  it('refuses single labels such as localhost and com', () => {
    expect(reasonOf('localhost')).toBe('"localhost" is a single label; enter a full domain name such as example.com');
    expect(reasonOf('COM.')).toBe('"com" is a single label; enter a full domain name such as example.com');
  });

  it('refuses empty labels', () => {
    expect(reasonOf('a..b')).toBe('"a..b" has an empty label');
    expect(reasonOf('.example.com')).toBe('".example.com" has an empty label');
    expect(reasonOf('example.com..')).toBe('"example.com." has an empty label');
  });

  it('refuses a label over 63 octets and a name over 253 octets, counted as A-labels (RFC 1035 §2.3.4)', () => {
    expect(acceptedValue(`${'a'.repeat(63)}.example`)).toHaveLength(71);
    expect(reasonOf(`${'a'.repeat(64)}.example`)).toBe(`label "${'a'.repeat(64)}" is 64 octets long; the limit is 63`);
    expect(reasonOf(`${'ü'.repeat(60)}.example`)).toMatch(/^label "xn--.*" is \d+ octets long; the limit is 63$/);
    const name253 = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`;
    expect(acceptedValue(name253)).toHaveLength(253);
    expect(reasonOf(`${name253}e`)).toMatch(/is 254 octets long as an A-label name; the limit is 253$/);
  });

  it('refuses characters that cannot be in a host name, naming the character', () => {
    expect(reasonOf('exa mple.com')).toBe('" " cannot be in a host name');
    expect(reasonOf('_mta-sts.example.com')).toBe('"_" cannot be in a host name');
    expect(reasonOf('example.com:25')).toBe('":" cannot be in a host name');
    expect(reasonOf('exa\u0000mple.com')).toBe('"\\u0000" cannot be in a host name');
  });

  it('refuses labels the IDNA2008 rules reserve or forbid, saying which', () => {
    expect(reasonOf('-example.com')).toBe('label "-example" starts or ends with a hyphen');
    expect(reasonOf('ab--cd.example')).toBe('label "ab--cd" has "--" in positions 3 and 4, which is reserved for IDNA');
    expect(reasonOf('xn--zz.example')).toBe('label "xn--zz" is not a valid IDNA A-label');
    expect(reasonOf('☃\u200d.example')).toBe(
      '"☃\u200d.example" is not a valid internationalised domain name (IDNA2008 / UTS #46)',
    );
  });

  it('refuses input longer than 1024 characters without processing it', () => {
    expect(reasonOf('a'.repeat(5000))).toBe('the input is longer than 1024 characters');
  });

  it('always returns a lower-case A-label name without trailing dot, labels ≤ 63 and total ≤ 253 octets, idempotently', () => {
    const unit = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...'abcXYZ019-.') },
      {
        weight: 1,
        arbitrary: fc.constantFrom('ü', 'ß', 'é', '例', 'ｅ', '。', 'Σ', '\u0301', '_', ' ', '@', '/', ':'),
      },
    );
    const labelUnit = fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...'abcXYZ019') },
      fc.constantFrom('-', 'ü', 'ß', '例', 'ｅ', 'Σ'),
    );
    const name = fc
      .array(fc.string({ unit: labelUnit, minLength: 1, maxLength: 20 }), { minLength: 2, maxLength: 5 })
      .map((l) => l.join('.'));
    const input = fc.oneof(
      name,
      name.map((n) => `Someone@${n}.`),
      fc.string({ unit, minLength: 1, maxLength: 80 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.string({ unit, maxLength: 30 }).map((s) => `https://${s}/x`),
    );
    fc.assert(
      fc.property(input, (text) => {
        const result = normalizeDomainInput(text);
        if (!result.ok) {
          expect(result.reason).toMatch(/^[^\n\r]+$/);
          return;
        }
        const name = result.value;
        expect(name).toMatch(/^[a-z0-9.-]+$/);
        expect(name.endsWith('.')).toBe(false);
        expect(name.length).toBeLessThanOrEqual(253);
        for (const label of name.split('.')) expect(label.length >= 1 && label.length <= 63).toBe(true);
        expect(normalizeDomainInput(name)).toEqual({ ok: true, value: name });
      }),
      { numRuns: 500 },
    );
  });
});
