import { wildcardNameMatches } from './wildcard-name.js';

/**
 * Whether an MX host is covered by a policy mx pattern (RFC 8461 §4.1): an exact name, or "*.suffix" matching
 * exactly one extra left-most label ("*.example.com" covers "mx.example.com", never "example.com" nor
 * "a.b.example.com"). Case-insensitive; a trailing dot on either side is ignored.
 */
export function mxPatternMatches(pattern: string, host: string): boolean {
  return wildcardNameMatches(pattern, host, 1);
}
