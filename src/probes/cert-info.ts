import { X509Certificate } from 'node:crypto';

/** What a server certificate states. Matching the SAN to a host and judging expiry happen elsewhere, with a clock. */
export interface CertInfo {
  subject: string;
  issuer: string;
  /** dNSName entries, verbatim (a byte outside printable ASCII reads as the Latin-1 character of that byte). */
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

/** Reads a certificate with Node's own X.509 support; throws when it is not a certificate Node can decode. */
export function certInfo(cert: X509Certificate | Buffer, trusted: boolean, trustError: string | null): CertInfo {
  const parsed = Buffer.isBuffer(cert) ? new X509Certificate(cert) : cert;
  return {
    subject: distinguishedName(parsed.subject),
    issuer: distinguishedName(parsed.issuer),
    san: parsed.subjectAltName === undefined ? [] : dnsNames(parsed.subjectAltName),
    notBefore: instant(parsed.validFrom),
    notAfter: instant(parsed.validTo),
    serial: parsed.serialNumber.toUpperCase(),
    trusted,
    trustError,
  };
}

/**
 * Node prints one attribute per line, escaped as RFC 2253 says (a comma in a value is `\,`, control bytes are `\0A`),
 * so no value holds a raw line break; joined with ", " it reads as the familiar one-line form.
 */
function distinguishedName(multiline: string): string {
  return multiline.split('\n').join(', ');
}

/**
 * The dNSName entries of Node's subjectAltName text: `DNS:a.example, IP Address:192.0.2.1, DNS:"b\u002c c"`.
 * Node writes a name holding a comma, quote, backslash, apostrophe or a byte outside printable ASCII as a JSON
 * string literal with the comma escaped, so ", " separates entries and nothing else; a quoted value is read with
 * JSON.parse, which gives back the name's exact bytes (as Latin-1 characters).
 */
export function dnsNames(subjectAltName: string): string[] {
  const names: string[] = [];
  for (const entry of splitEntries(subjectAltName)) {
    if (!entry.startsWith('DNS:')) continue;
    const value = entry.slice('DNS:'.length);
    names.push(value.startsWith('"') ? quoted(value) : value);
  }
  return names;
}

/** Splits on ", " outside JSON string literals; a quoted value can never hold a raw comma, this is belt and braces. */
function splitEntries(text: string): string[] {
  const entries: string[] = [];
  let start = 0;
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c === '\\') i++;
      else if (c === '"') inQuotes = false;
    } else if (c === '"') inQuotes = true;
    else if (c === ',' && text[i + 1] === ' ') {
      entries.push(text.slice(start, i));
      start = i + 2;
      i++;
    }
  }
  entries.push(text.slice(start));
  return entries;
}

function quoted(value: string): string {
  const name: unknown = JSON.parse(value);
  if (typeof name !== 'string') throw new Error('malformed subjectAltName entry');
  return name;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Node's validFrom/validTo text, e.g. `Mar  1 12:00:00 2025 GMT`, as an ISO 8601 instant. */
function instant(text: string): string {
  const match = /^([A-Z][a-z]{2}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\d{4}) GMT$/.exec(text);
  const month = match ? MONTHS.indexOf(match[1]!) : -1;
  if (!match || month < 0) throw new Error(`unreadable certificate validity: ${text}`);
  const [, , day, hours, minutes, seconds, year] = match.map(Number);
  const date = new Date(Date.UTC(year!, month, day!, hours!, minutes!, seconds!));
  // Date.UTC maps years 0-99 to 1900-1999; an X.509 GeneralizedTime can state them.
  date.setUTCFullYear(year!);
  return date.toISOString();
}
