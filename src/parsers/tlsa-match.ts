import { createHash, X509Certificate } from 'node:crypto';
import type { TlsaRecord } from '../net/dns-resolver.js';

/**
 * The first TLSA record that matches the chain an SMTP server presented (DER, leaf first), or null. RFC 7672 §3.1:
 * only DANE-TA(2), against a CA certificate in the chain, and DANE-EE(3), against the leaf, are usable for SMTP;
 * PKIX usages 0 and 1 match nothing. Under DANE-EE names and validity are not checked (§3.1.1), so a match here is
 * all that usage asks. One matching record is enough: a key rollover publishes two.
 */
export function matchingTlsa(records: TlsaRecord[], chain: Buffer[]): TlsaRecord | null {
  const [leaf, ...issuers] = chain;
  if (!leaf) return null;
  return (
    records.find((record) => {
      if (record.usage === 3) return matches(record, leaf);
      if (record.usage === 2) return issuers.some((ca) => matches(record, ca));
      return false;
    }) ?? null
  );
}

function matches(record: TlsaRecord, der: Buffer): boolean {
  const selected = selectedBytes(record.selector, der);
  if (selected === null) return false;
  const digest = associationData(record.matchingType, selected);
  return digest?.equals(record.data) ?? false;
}

/**
 * A record SMTP can use (RFC 7672 §3.1.3): usage DANE-TA(2) or DANE-EE(3), a known selector and matching type.
 * Where a validated RRset has none, senders fall back to unauthenticated TLS: nothing there can mismatch.
 */
export function isUsableTlsa(record: TlsaRecord): boolean {
  return (
    (record.usage === 2 || record.usage === 3) &&
    (record.selector === 0 || record.selector === 1) &&
    [0, 1, 2].includes(record.matchingType)
  );
}

/** Selector 0: the whole certificate; 1: its SubjectPublicKeyInfo. */
function selectedBytes(selector: number, der: Buffer): Buffer | null {
  if (selector === 0) return der;
  if (selector !== 1) return null;
  try {
    return new X509Certificate(der).publicKey.export({ type: 'spki', format: 'der' });
  } catch {
    return null;
  }
}

/** Matching type 0: exact; 1: SHA-256; 2: SHA-512. */
function associationData(matchingType: number, bytes: Buffer): Buffer | null {
  if (matchingType === 0) return bytes;
  if (matchingType === 1) return createHash('sha256').update(bytes).digest();
  if (matchingType === 2) return createHash('sha512').update(bytes).digest();
  return null;
}

/** "3 1 1 ab12…" as in a zone file, the data in hex. */
export function tlsaText(record: TlsaRecord): string {
  return `${record.usage} ${record.selector} ${record.matchingType} ${record.data.toString('hex')}`;
}
