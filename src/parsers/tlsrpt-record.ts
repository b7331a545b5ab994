import type { ParseResult } from './parse-result.js';
import { quoteValue } from './quote-value.js';
import { extValueProblem, missingField, splitTagValueFields } from './tag-value-fields.js';

export interface TlsRptRecord {
  version: 'TLSRPTv1';
  /** The mailto: and https: report URIs, as written; URIs of other schemes are left out (senders cannot use them). */
  rua: string[];
  extensions: Record<string, string>;
}

const VERSION = 'v=TLSRPTv1';
const TLSRPT_PREFIX = /^v=TLSRPTv1[ \t]*;/;
// RFC 3986 URI characters, less "," and "!" which RFC 8460 §3 requires to be percent-encoded.
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:(?:[A-Za-z0-9\-._~:/?#[\]@$&'()*+;=]|%[0-9A-Fa-f]{2})*$/;
const MAILTO = /^mailto:[^@?]+@[^@?]+(?:\?.*)?$/i;
const HTTPS = /^https:\/\/[A-Za-z0-9[][^/?#@]*(?:[/?#].*)?$/i;

/** The TXT records RFC 8460 §3 keeps: those beginning with "v=TLSRPTv1;" (read as for STSv1, see selectStsRecords). */
export function selectTlsRptRecords(txtRecords: string[]): string[] {
  return txtRecords.filter((record) => TLSRPT_PREFIX.test(record));
}

/** A record senders discard (it does not begin with "v=TLSRPTv1;") that was plainly meant as one. */
export function looksLikeTlsRptRecord(record: string): boolean {
  return !TLSRPT_PREFIX.test(record) && /v\s*=\s*tlsrptv1/i.test(record);
}

/**
 * Parses one TLS-RPT TXT record by the RFC 8460 §3 ABNF. Valid when the syntax is, rua is present and at least one
 * of its URIs is mailto: or https:, the two schemes RFC 8460 §3 defines; URIs of other schemes are ignored.
 */
export function parseTlsRptRecord(record: string): ParseResult<TlsRptRecord> {
  const split = splitTagValueFields(record, VERSION);
  if (!split.ok) return split;
  let rua: string[] | undefined;
  const extensions: Record<string, string> = {};
  for (const field of split.value) {
    if (field.name === 'rua') {
      const uris = parseRua(field.value);
      if (rua === undefined) {
        if (!uris.ok) return uris;
        rua = uris.value;
        continue;
      }
      // A repeated field is ignored after its first entry, but must still be valid as a rua list or an extension.
      if (uris.ok) continue;
    }
    const problem = extValueProblem(field);
    if (problem) return { ok: false, reason: problem };
    if (field.name !== 'v' && field.name !== 'rua' && !Object.hasOwn(extensions, field.name)) {
      extensions[field.name] = field.value;
    }
  }
  if (rua === undefined)
    return {
      ok: false,
      reason: missingField(
        'rua',
        split.value.map((f) => f.name),
      ),
    };
  const usable = rua.filter((uri) => MAILTO.test(uri) || HTTPS.test(uri));
  if (usable.length === 0) {
    return { ok: false, reason: `rua has no usable mailto: or https: URI (found ${rua.map(quoteValue).join(', ')})` };
  }
  return { ok: true, value: { version: 'TLSRPTv1', rua: usable, extensions } };
}

// tlsrpt-rua = "rua=" tlsrpt-uri *(*WSP "," *WSP tlsrpt-uri)
function parseRua(value: string): ParseResult<string[]> {
  if (value === '') return { ok: false, reason: 'rua is empty; it needs at least one mailto: or https: URI' };
  if (/^[ \t]/.test(value)) return { ok: false, reason: 'rua must start right after "rua=", without whitespace' };
  const uris = value.split(/[ \t]*,[ \t]*/);
  for (const uri of uris) {
    if (uri === '') return { ok: false, reason: `rua ${quoteValue(value)} has an empty URI between commas` };
    if (!URI.test(uri))
      return {
        ok: false,
        reason: `rua URI ${quoteValue(uri)} is not a valid URI (commas and "!" must be percent-encoded)`,
      };
  }
  return { ok: true, value: uris };
}
