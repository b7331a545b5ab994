import { X509Certificate as NodeCertificate, webcrypto } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { certInfo } from '../../src/probes/cert-info.js';

// Loaded after cert-info, which provides the Reflect metadata API @peculiar/x509 needs.
const x509 = await import('@peculiar/x509');
const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };

interface Spec {
  serial?: string;
  subject?: string;
  names?: Array<{ type: 'dns' | 'ip' | 'email'; value: string }>;
  notBefore?: Date;
  notAfter?: Date;
}

let caKeys: webcrypto.CryptoKeyPair;
let caCert: InstanceType<typeof x509.X509Certificate>;

beforeAll(async () => {
  caKeys = await webcrypto.subtle.generateKey(ALGORITHM, false, ['sign', 'verify']);
  caCert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: 'CN=Fixture Root CA, O=Fixture, C=NL',
    notBefore: new Date('2024-01-01T00:00:00Z'),
    notAfter: new Date('2034-01-01T00:00:00Z'),
    keys: caKeys,
    signingAlgorithm: ALGORITHM,
    extensions: [new x509.BasicConstraintsExtension(true, undefined, true)],
  });
});

/** A leaf signed by the CA above, DER-encoded as a server would send it. */
async function issue(spec: Spec): Promise<Buffer> {
  const keys = await webcrypto.subtle.generateKey(ALGORITHM, false, ['sign', 'verify']);
  const leaf = await x509.X509CertificateGenerator.create({
    serialNumber: spec.serial ?? '0a1b2c',
    subject: spec.subject ?? 'CN=mta-sts.example.com',
    issuer: caCert.subject,
    notBefore: spec.notBefore ?? new Date('2025-03-01T12:00:00Z'),
    notAfter: spec.notAfter ?? new Date('2025-06-01T12:00:00Z'),
    publicKey: keys.publicKey,
    signingKey: caKeys.privateKey,
    signingAlgorithm: ALGORITHM,
    extensions: spec.names ? [new x509.SubjectAlternativeNameExtension(spec.names)] : [],
  });
  return Buffer.from(leaf.rawData);
}

describe('certInfo', () => {
  it('states subject and issuer as readable distinguished names', async () => {
    const der = await issue({ subject: 'CN=mta-sts.example.com, O=Example\\, Inc.' });
    const info = certInfo(der, true, null);
    expect(info.subject).toBe('CN=mta-sts.example.com, O=Example\\, Inc.');
    expect(info.issuer).toBe('CN=Fixture Root CA, O=Fixture, C=NL');
  });

  it('lists the dNSName entries of the SAN verbatim and in order, leaving out other name types', async () => {
    const der = await issue({
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

  it('keeps a dNSName containing ", DNS:" as one entry (Node\'s subjectAltName string cannot tell it apart)', async () => {
    const der = await issue({
      names: [
        { type: 'dns', value: 'a.example, DNS:mta-sts.example.com' },
        { type: 'dns', value: 'b.example' },
      ],
    });
    expect(certInfo(der, false, null).san).toEqual(['a.example, DNS:mta-sts.example.com', 'b.example']);
  });

  it('gives an empty SAN list when the certificate has no subjectAltName extension', async () => {
    expect(certInfo(await issue({}), true, null).san).toEqual([]);
  });

  it('states the validity period as ISO 8601 instants', async () => {
    const der = await issue({
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
    const der = await issue({ serial });
    expect(certInfo(der, true, null).serial).toBe(expected);
    expect(new NodeCertificate(der).serialNumber).toBe(expected);
  });

  it('reads a crypto.X509Certificate the same as its DER bytes', async () => {
    const der = await issue({ names: [{ type: 'dns', value: 'mta-sts.example.com' }] });
    expect(certInfo(new NodeCertificate(der), true, null)).toEqual(certInfo(der, true, null));
  });

  it('carries the chain verdict it is given and judges nothing itself', async () => {
    const expired = await issue({
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

  it('throws on bytes that are not a certificate', () => {
    expect(() => certInfo(Buffer.from('not a certificate'), false, null)).toThrow();
  });
});
