import { isIPv6 } from 'node:net';
import { type Tr46Options, toASCII } from 'tr46';
import type { ParseResult } from '../parsers/parse-result.js';
import { quoteValue } from '../parsers/quote-value.js';

// UTS #46 non-transitional processing with every IDNA2008 validity check and the DNS length limits.
const STRICT_IDNA: Tr46Options = {
  checkBidi: true,
  checkHyphens: true,
  checkJoiners: true,
  transitionalProcessing: false,
  useSTD3ASCIIRules: true,
  verifyDNSLength: true,
};
const MAX_INPUT = 1024;
// "." and the three dots UTS #46 maps to it.
const TRAILING_DOT = /[.\u3002\uff0e\uff61]$/;

/**
 * What a user typed (a domain, a URL or an e-mail address) → the lower-cased A-label domain without a trailing dot,
 * or a one-line reason it is not a domain that can publish MTA-STS.
 */
export function normalizeDomainInput(input: string): ParseResult<string> {
  const trimmed = input.trim();
  if (trimmed === '') return fail('enter a domain name, e.g. example.com');
  if (trimmed.length > MAX_INPUT) return fail(`the input is longer than ${MAX_INPUT} characters`);
  const host = hostOf(trimmed).replace(TRAILING_DOT, '');
  if (host === '') return fail(`${quoteValue(trimmed)} has no domain name in it`);
  if (host.startsWith('[') || isIPv6(host)) return fail(`${quoteValue(host)} is an IP address; enter a domain name`);
  const bad = /[^A-Za-z0-9.\u0080-\u{10ffff}-]/u.exec(host);
  if (bad) return fail(`${quoteValue(bad[0])} cannot be in a host name`);
  const ascii = toASCII(host, STRICT_IDNA);
  if (ascii === null) return fail(idnaProblem(host));
  const labels = ascii.split('.');
  if (/^[0-9]+$/.test(labels[labels.length - 1]!))
    return fail(`${quoteValue(ascii)} is an IP address; enter a domain name`);
  if (labels.length < 2)
    return fail(`${quoteValue(ascii)} is a single label; enter a full domain name such as example.com`);
  return { ok: true, value: ascii };
}

/**
 * The host of a URL (with or without its scheme: `example.com/x` as chat clients show a link), or the domain of an
 * e-mail address; anything else is returned as it is.
 */
function hostOf(text: string): string {
  const url = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/?#]*)/.exec(text);
  if (!url) {
    const head = text.split(/[/?#]/, 1)[0]!;
    return head.slice(head.lastIndexOf('@') + 1);
  }
  const authority = url[1]!.slice(url[1]!.lastIndexOf('@') + 1);
  if (authority.startsWith('[')) return authority.slice(0, authority.indexOf(']') + 1) || authority;
  return authority.replace(/:[0-9]*$/, '');
}

/** A specific reason for a name strict UTS #46 processing refused. */
function idnaProblem(host: string): string {
  const lenient = toASCII(host, { ...STRICT_IDNA, verifyDNSLength: false });
  const labels = (lenient ?? host.toLowerCase()).split('.');
  if (labels.includes('')) return `${quoteValue(host)} has an empty label`;
  if (lenient !== null) {
    const long = labels.find((label) => label.length > 63);
    if (long !== undefined) return `label ${quoteValue(long)} is ${long.length} octets long; the limit is 63`;
    return `${quoteValue(host)} is ${lenient.length} octets long as an A-label name; the limit is 253`;
  }
  const hyphen = labels.find((label) => label.startsWith('-') || label.endsWith('-'));
  if (hyphen !== undefined) return `label ${quoteValue(hyphen)} starts or ends with a hyphen`;
  const reserved = labels.find((label) => label.slice(2, 4) === '--' && !label.startsWith('xn--'));
  if (reserved !== undefined)
    return `label ${quoteValue(reserved)} has "--" in positions 3 and 4, which is reserved for IDNA`;
  const aLabel = labels.find((label) => label.startsWith('xn--'));
  if (aLabel !== undefined) return `label ${quoteValue(aLabel)} is not a valid IDNA A-label`;
  return `${quoteValue(host)} is not a valid internationalised domain name (IDNA2008 / UTS #46)`;
}

function fail(reason: string): ParseResult<never> {
  return { ok: false, reason };
}
