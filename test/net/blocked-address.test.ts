import { describe, expect, it } from 'vitest';
import { blockedRange } from '../../src/net/blocked-address.js';

describe('blockedRange', () => {
  it.each([['8.8.8.8'], ['1.1.1.1'], ['2606:4700::1'], ['2a00:1450:4001:80e::200e']])(
    'allows the public unicast address %s',
    (ip) => {
      expect(blockedRange(ip)).toBeNull();
    },
  );

  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.254', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['100.127.255.254', 'carrierGradeNat'],
    ['169.254.169.254', 'linkLocal'],
    ['fe80::1', 'linkLocal'],
    ['febf::1', 'linkLocal'],
    ['fe80::1%eth0', 'linkLocal'],
    ['fc00::1', 'uniqueLocal'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['192.0.2.1', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['240.0.0.1', 'reserved'],
    ['2001:db8::1', 'reserved'],
  ])('blocks %s as %s', (ip, range) => {
    expect(blockedRange(ip)).toBe(range);
  });

  it.each([
    ['::ffff:192.168.1.1', 'private'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:169.254.169.254', 'linkLocal'],
  ])('judges the IPv4-mapped address %s by the IPv4 inside (%s)', (ip, range) => {
    expect(blockedRange(ip)).toBe(range);
  });

  it('allows an IPv4-mapped address whose IPv4 inside is public', () => {
    expect(blockedRange('::ffff:8.8.8.8')).toBeNull();
  });

  it.each([
    ['64:ff9b::a00:1', 'rfc6052'],
    ['2002:a00:1::1', '6to4'],
    ['2001:0:a00:1::1', 'teredo'],
  ])('blocks %s, which carries an IPv4 address a translator would reach (%s)', (ip, range) => {
    expect(blockedRange(ip)).toBe(range);
  });

  it('judges the deprecated IPv4-compatible form ::a.b.c.d by the IPv4 inside too', () => {
    expect(blockedRange('::10.0.0.1')).toBe('private');
    expect(blockedRange('::127.0.0.1')).toBe('loopback');
  });

  it.each([['4000::1'], ['100:1::1'], ['e000::1']])('blocks %s, outside global unicast 2000::/3', (ip) => {
    expect(blockedRange(ip)).toBe('reserved');
  });

  it.each([['127.1'], ['0x7f.0.0.1'], ['2130706433'], ['localhost'], [''], ['1.2.3.4.5'], ['::g']])(
    'blocks %j, which is not an address literal a socket would take as-is',
    (ip) => {
      expect(blockedRange(ip)).toBe('invalid');
    },
  );
});
