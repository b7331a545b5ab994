import type { X509Certificate as NodeCertificate } from 'node:crypto';

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
  trustError: string | null;
}

installReflectMetadata();
// Loaded only after the Reflect API it needs exists (static imports would be evaluated first).
const { X509Certificate, SubjectAlternativeNameExtension } = await import('@peculiar/x509');

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

/**
 * @peculiar/x509 loads tsyringe, which refuses to start without the reflect-metadata API and the
 * project has no polyfill package; this is the part of that API tsyringe uses, unless one is present.
 */
function installReflectMetadata(): void {
  const reflect = Reflect as unknown as Record<string, unknown>;
  if (typeof reflect['getMetadata'] === 'function') return;
  const store = new WeakMap<object, Map<unknown, unknown>>();
  const getOwnMetadata = (key: unknown, target: object): unknown => store.get(target)?.get(key);
  Object.assign(reflect, {
    defineMetadata(key: unknown, value: unknown, target: object): void {
      const entries = store.get(target) ?? new Map<unknown, unknown>();
      entries.set(key, value);
      store.set(target, entries);
    },
    getOwnMetadata,
    getMetadata(key: unknown, target: object): unknown {
      for (let at: object | null = target; at !== null; at = Object.getPrototypeOf(at) as object | null) {
        if (store.get(at)?.has(key)) return getOwnMetadata(key, at);
      }
      return undefined;
    },
  });
}
