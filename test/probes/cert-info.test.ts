import { X509Certificate as NodeCertificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { certInfo, dnsNames } from '../../src/probes/cert-info.js';
import {
  basicConstraints,
  type GeneralName,
  generateKeys,
  mintCertificate,
  type NameAttribute,
  subjectAltName,
} from '../fixture/mint-cert.js';

interface Spec {
  serial?: string;
  subject?: NameAttribute[];
  names?: GeneralName[];
  notBefore?: Date;
  notAfter?: Date;
}

const caKeys = generateKeys();

/** A leaf signed by a fixture CA, DER-encoded as a server would send it. */
function issue(spec: Spec): Buffer {
  return mintCertificate({
    serial: spec.serial ?? '0a1b2c',
    subject: spec.subject ?? [['CN', 'mta-sts.example.com']],
    issuer: [
      ['CN', 'Fixture Root CA'],
      ['O', 'Fixture'],
      ['C', 'NL'],
    ],
    notBefore: spec.notBefore ?? new Date('2025-03-01T12:00:00Z'),
    notAfter: spec.notAfter ?? new Date('2025-06-01T12:00:00Z'),
    publicKey: generateKeys().publicKey,
    signingKey: caKeys.privateKey,
    extensions: [basicConstraints(false), ...(spec.names ? [subjectAltName(spec.names)] : [])],
  });
}

describe('certInfo', () => {
  it('states subject and issuer as readable distinguished names', () => {
    const der = issue({
      subject: [
        ['CN', 'mta-sts.example.com'],
        ['O', 'Example, Inc.'],
      ],
    });
    const info = certInfo(der, true, null);
    expect(info.subject).toBe('CN=mta-sts.example.com, O=Example\\, Inc.');
    expect(info.issuer).toBe('CN=Fixture Root CA, O=Fixture, C=NL');
  });

  it('lists the dNSName entries of the SAN verbatim and in order, leaving out other name types', () => {
    const der = issue({
      names: [
        { type: 'dns', value: 'mta-sts.example.com' },
        { type: 'ip', value: '192.0.2.1' },
        { type: 'dns', value: '*.example.com' },
        { type: 'email', value: 'postmaster@example.com' },
        { type: 'dns', value: 'MTA-STS.Example.NET' },
      ],
    });
    expect(certInfo(der, true, null).san).toEqual(['mta-sts.example.com', '*.example.com', 'MTA-STS.Example.NET']);
  });

  it('keeps a dNSName containing ", DNS:" as one entry (Node quotes it in its subjectAltName text)', () => {
    const der = issue({
      names: [
        { type: 'dns', value: 'a.example, DNS:mta-sts.example.com' },
        { type: 'dns', value: 'b.example' },
      ],
    });
    expect(certInfo(der, false, null).san).toEqual(['a.example, DNS:mta-sts.example.com', 'b.example']);
  });

  it('gives an empty SAN list when the certificate has no subjectAltName extension', () => {
    expect(certInfo(issue({}), true, null).san).toEqual([]);
  });

  it('states the validity period as ISO 8601 instants', () => {
    const der = issue({
      notBefore: new Date('2025-01-02T03:04:05Z'),
      notAfter: new Date('2049-12-31T23:59:59Z'),
    });
    const info = certInfo(der, true, null);
    expect(info.notBefore).toBe('2025-01-02T03:04:05.000Z');
    expect(info.notAfter).toBe('2049-12-31T23:59:59.000Z');
  });

  it.each([
    ['0a1b2c', '0A1B2C'],
    ['8f01', '8F01'],
    ['7fffffffffffffffffffffffffffffff', '7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF'],
  ])('states serial %s as upper-case hex %s, as Node reports it', async (serial, expected) => {
    const der = issue({ serial });
    expect(certInfo(der, true, null).serial).toBe(expected);
    expect(new NodeCertificate(der).serialNumber).toBe(expected);
  });

  it('reads a crypto.X509Certificate the same as its DER bytes', () => {
    const der = issue({ names: [{ type: 'dns', value: 'mta-sts.example.com' }] });
    expect(certInfo(new NodeCertificate(der), true, null)).toEqual(certInfo(der, true, null));
  });

  it('carries the chain verdict it is given and judges nothing itself', () => {
    const expired = issue({
      notBefore: new Date('2001-01-01T00:00:00Z'),
      notAfter: new Date('2002-01-01T00:00:00Z'),
    });
    expect(certInfo(expired, true, null)).toMatchObject({ trusted: true, trustError: null });
    expect(certInfo(expired, false, 'self-signed certificate')).toMatchObject({
      trusted: false,
      trustError: 'self-signed certificate',
    });
  });

  it('keeps the dNSName entries of a SAN that also holds an otherName (SmtpUTF8Mailbox, RFC 8398)', () => {
    // Made with: openssl req -x509 … -addext "subjectAltName=DNS:mta-sts.example.com,otherName:1.3.6.1.5.5.7.8.9;UTF8:postmaster@example.com,DNS:mx.example.com"
    const pem = [
      '-----BEGIN CERTIFICATE-----',
      'MIIB6TCCAY+gAwIBAgIUTHHvdMqzbhFmEP/1G/Njy7Ea2iAwCgYIKoZIzj0EAwIw',
      'HjEcMBoGA1UEAwwTbXRhLXN0cy5leGFtcGxlLmNvbTAeFw0yNjExMzAwOTM0NDNa',
      'Fw0zNjExMjcwOTM0NDNaMB4xHDAaBgNVBAMME210YS1zdHMuZXhhbXBsZS5jb20w',
      'WTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAATByH8IQS5iWc2I0inco6fX0Oqen42Y',
      'Q6Y/ymOFI8NNkx5IYkWhWK7vHd6o8a9krb2rSsjlew7M5+i5SLZns278o4GqMIGn',
      'MB0GA1UdDgQWBBSVDeTt3Uca1oizDPGTT9ioZ0x17DAfBgNVHSMEGDAWgBSVDeTt',
      '3Uca1oizDPGTT9ioZ0x17DAPBgNVHRMBAf8EBTADAQH/MFQGA1UdEQRNMEuCE210',
      'YS1zdHMuZXhhbXBsZS5jb22gJAYIKwYBBQUHCAmgGAwWcG9zdG1hc3RlckBleGFt',
      'cGxlLmNvbYIObXguZXhhbXBsZS5jb20wCgYIKoZIzj0EAwIDSAAwRQIgWt6cBwIn',
      'q8fsQoUz00QaZL5dpY2NoWtJyXMdsTYhHDgCIQCAXoz1Ms3zGol3RtqxiZyBjpst',
      's9jji9EA1Hj4L/yknA==',
      '-----END CERTIFICATE-----',
    ].join('\n');
    expect(certInfo(new NodeCertificate(pem), true, null).san).toEqual(['mta-sts.example.com', 'mx.example.com']);
  });

  it.each([
    ['a quote', 'a"b.example'],
    ['a backslash', 'a\\b.example'],
    ['an apostrophe', "'mta-sts.example.com'"],
    ['a forged quoted entry', '"mta-sts.example.com"'],
    ['a comma without a space', 'a.example,DNS:b.example'],
    ['an escape sequence spelt out', 'a\\u002c DNS:b.example'],
    ['a line break and ESC', 'a\n\u001b[31mb.example'],
    ['a NUL byte', 'a\u0000.example'],
  ])('keeps a dNSName with %s as one exact entry', (_, hostile) => {
    const der = issue({
      names: [
        { type: 'dns', value: hostile },
        { type: 'email', value: 'x@example.com, DNS:evil.example' },
        { type: 'dns', value: 'b.example' },
      ],
    });
    expect(certInfo(der, false, null).san).toEqual([hostile, 'b.example']);
  });

  it('reads the bytes of a non-ASCII dNSName as Latin-1 characters, one per byte', () => {
    const der = issue({ names: [{ type: 'dns', value: Buffer.from('ex\u00e4mple.com', 'utf8') }] });
    expect(certInfo(der, false, null).san).toEqual(['ex\u00c3\u00a4mple.com']);
  });

  it('escapes a distinguished name so that no hostile value spans lines or fakes an attribute', () => {
    const der = issue({ subject: [['CN', 'evil\nO=Trusted, CN=mta-sts.example.com']] });
    expect(certInfo(der, false, null).subject).toBe('CN=evil\\0AO=Trusted\\, CN=mta-sts.example.com');
  });

  it('reads dates past 2049 (GeneralizedTime) and a zero-padded day', () => {
    const der = issue({ notBefore: new Date('2025-03-01T00:00:00Z'), notAfter: new Date('2150-02-03T04:05:06Z') });
    expect(certInfo(der, true, null)).toMatchObject({
      notBefore: '2025-03-01T00:00:00.000Z',
      notAfter: '2150-02-03T04:05:06.000Z',
    });
  });

  it('throws on bytes that are not a certificate', () => {
    expect(() => certInfo(Buffer.from('not a certificate'), false, null)).toThrow();
  });
});

describe('dnsNames', () => {
  it("splits Node's subjectAltName text only between entries", () => {
    expect(
      dnsNames('DNS:a.example, IP Address:192.0.2.1, DNS:"b\\u002c DNS:c.example", DNS:"d\\"e", URI:"x, DNS:y"'),
    ).toEqual(['a.example', 'b, DNS:c.example', 'd"e']);
  });

  it('refuses an entry that is not a JSON string literal after its opening quote', () => {
    expect(() => dnsNames('DNS:"unterminated')).toThrow();
  });
});
