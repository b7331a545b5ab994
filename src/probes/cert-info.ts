// tsyringe, loaded by @peculiar/x509, needs the Reflect metadata API in place before it is evaluated.
import 'reflect-metadata';
import type { X509Certificate as NodeCertificate } from 'node:crypto';
import { SubjectAlternativeNameExtension, X509Certificate } from '@peculiar/x509';

/** What a server certificate states. Matching the SAN to a host and judging expiry happen elsewhere, with a clock. */
export interface CertInfo {
  subject: string;
  issuer: string;
  /** dNSName entries, verbatim. */
  san: string[];
  /** ISO 8601. */
  notBefore: string;
  notAfter: string;
  /** Hex, upper-case. */
  serial: string;
  /** Whether the chain verified against the trust anchors in use. */
  trusted: boolean;
  /** Why not, as Node reports it (an OpenSSL code such as CERT_HAS_EXPIRED). */
  trustError: string | null;
}

/** Reads the certificate's DER; throws when it is not a certificate @peculiar/x509 can decode. */
export function certInfo(cert: NodeCertificate | Buffer, trusted: boolean, trustError: string | null): CertInfo {
  // Decoded from DER because Node's subjectAltName string is ambiguous when a name contains ", ".
  const parsed = new X509Certificate(Buffer.isBuffer(cert) ? cert : cert.raw);
  const san = parsed.getExtension(SubjectAlternativeNameExtension);
  return {
    subject: parsed.subject,
    issuer: parsed.issuer,
    san: san ? san.names.items.filter((name) => name.type === 'dns').map((name) => name.value) : [],
    notBefore: parsed.notBefore.toISOString(),
    notAfter: parsed.notAfter.toISOString(),
    serial: parsed.serialNumber.toUpperCase(),
    trusted,
    trustError,
  };
}
