import { aLabelName } from '../domain/a-label-name.js';
import { wildcardNameMatches } from './wildcard-name.js';

/**
 * Whether an MX host is covered by a policy mx pattern (RFC 8461 §4.1): an exact name, or "*.suffix" matching
 * exactly one extra left-most label ("*.example.com" covers "mx.example.com", never "example.com" nor
 * "a.b.example.com"). Case-insensitive; a trailing dot on either side is ignored; a U-label name matches its
 * A-label form ("mx.ñaca.com" is "mx.xn--aca-6ma.com").
 */
export function mxPatternMatches(pattern: string, host: string): boolean {
  return wildcardNameMatches(aLabelName(pattern), aLabelName(host), 1);
}
