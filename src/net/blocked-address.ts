import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * The name of the range that puts ip off limits for the scanner, or null for plain public unicast.
 * Anything else is refused so the bot cannot be steered into the network it runs in.
 */
export function blockedRange(ip: string): string | null {
  // Only literals a socket takes as-is: "127.1" or "0x7f.0.0.1" would be handed to the OS resolver instead.
  if (isIP(ip) === 0) return 'invalid';
  const address = ipaddr.parse(ip);
  if (address.kind() === 'ipv4') return namedRange(address.range());
  const v6 = address as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return namedRange(v6.toIPv4Address().range());
  const range = v6.range();
  if (range !== 'unicast') return range;
  // Global unicast is 2000::/3; whatever else ipaddr.js leaves unnamed (e.g. "::1.2.3.4") is not routable.
  return v6.match(GLOBAL_UNICAST) ? null : 'reserved';
}

const GLOBAL_UNICAST = ipaddr.IPv6.parseCIDR('2000::/3');

function namedRange(range: string): string | null {
  return range === 'unicast' ? null : range;
}

/**
 * The addresses the scanner may connect to: public unicast, or any valid literal with allowPrivate. A non-literal
 * is never passed on, as it would send the socket to the OS resolver: a second, unchecked resolution path.
 */
export function connectableAddresses(addresses: string[], allowPrivate: boolean): string[] {
  return addresses.filter((ip) => {
    const range = blockedRange(ip);
    return range === null || (allowPrivate && range !== 'invalid');
  });
}

/** "ip (range)" for each address, for a finding that says why none was contacted. */
export function describeBlocked(addresses: string[]): string {
  return addresses.map((ip) => `${ip} (${blockedRange(ip)})`).join(', ');
}
