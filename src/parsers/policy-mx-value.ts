import type { ParseResult } from './parse-result.js';
import { quoteValue } from './quote-value.js';

// RFC 5321 §4.1.2 sub-domain: Let-dig [Ldh-str].
const SUB_DOMAIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;

/**
 * Checks an RFC 8461 §3.2 `sts-policy-mx-value = ["*."] Domain` and returns it lower-cased (names are
 * case-insensitive). Beyond the ABNF: labels are at most 63 octets and the name at most 253 (RFC 1035 §2.3.4), and a
 * name whose last label is all digits is refused as an IP address (RFC 1123 §2.1: a top-level label is never numeric).
 */
export function checkMxValue(value: string): ParseResult<string> {
  const shown = quoteValue(value);
  if (value === '') return fail('mx has no value');
  if (/[^\x00-\x7f]/.test(value))
    return fail(`mx ${shown} is not ASCII; write internationalised names as A-labels (xn--)`);
  if (value.startsWith('[') || value.includes(':')) return fail(`mx ${shown} is an IP address; mx must be a host name`);
  if (value.endsWith('.')) return fail(`mx ${shown} must not end with a dot`);
  const name = value.startsWith('*.') ? value.slice(2) : value;
  const labels = name.split('.');
  const bad = labels.find((label) => !SUB_DOMAIN.test(label));
  if (bad !== undefined)
    return fail(`mx ${shown} is not a host name or "*." followed by a host name (label ${quoteValue(bad)})`);
  if (/^[0-9]+$/.test(labels[labels.length - 1]!)) return fail(`mx ${shown} is an IP address; mx must be a host name`);
  const long = labels.find((label) => label.length > 63);
  if (long !== undefined) return fail(`mx ${shown} has a label of ${long.length} characters; the limit is 63`);
  if (name.length > 253) return fail(`mx ${shown} is ${name.length} characters long; the limit is 253`);
  return { ok: true, value: value.toLowerCase() };
}

function fail(reason: string): ParseResult<never> {
  return { ok: false, reason };
}
