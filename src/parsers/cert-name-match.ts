import { wildcardNameMatches } from './wildcard-name.js';

/**
 * Whether a certificate dNSName (SAN) identifies a host, by RFC 6125 §6.4: case-insensitive, trailing dot ignored,
 * a wildcard only as the complete left-most label matching exactly one label. Decided beyond the MAY/SHOULD of
 * RFC 6125, as RFC 9525 §6.3 and the CA/Browser Forum rules do: partial-label wildcards ("f*.example.com",
 * "xn--*") never match, a wildcard needs at least two labels after it ("*.com" matches nothing), and names are
 * compared as A-labels, so a U-label on either side matches nothing.
 */
export function certNameMatches(certName: string, host: string): boolean {
  return wildcardNameMatches(certName, host, 2);
}
