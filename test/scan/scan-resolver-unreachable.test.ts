import { afterEach, describe, expect, it } from 'vitest';
import { InvalidDomainError, ResolverUnreachableError, scan } from '../../src/scan/scan.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite-store.js';
import { closedDnsAddress, type SilentDns, startSilentDns } from '../fixture/dead-dns.js';
import { codes, healthy, useFixtureScanner } from './scan-harness.js';

const fixture = useFixtureScanner('unreach');
let silent: SilentDns | undefined;
let store: SqliteStore | undefined;
afterEach(async () => {
  await silent?.close();
  store?.close();
  silent = undefined;
  store = undefined;
});

describe('scan when the resolver cannot be reached', () => {
  it('throws ResolverUnreachableError, naming the server, when every query is refused (nothing listens)', async () => {
    const server = await closedDnsAddress();
    store = openSqliteStore(':memory:');
    const scanning = scan('example.com', { dns: [server], timeoutMs: 1000, history: store });
    await expect(scanning).rejects.toThrow(ResolverUnreachableError);
    await expect(scanning).rejects.toMatchObject({ name: 'ResolverUnreachableError', code: 'resolver-unreachable' });
    await expect(scanning).rejects.toThrow(
      /^could not reach the DNS server 127\.0\.0\.1:\d+ \(ECONNREFUSED: .*\); the scan did not run$/,
    );
    // Nothing was judged, so nothing is recorded.
    expect(await store.recentScans('example.com', 10)).toEqual([]);
  });

  it('throws ResolverUnreachableError when the server takes every query and never answers', async () => {
    silent = await startSilentDns();
    await expect(scan('example.com', { dns: [silent.server], timeoutMs: 300 })).rejects.toThrow(
      /^could not reach the DNS server 127\.0\.0\.1:\d+ \(no answer before the lookup deadline .*\); the scan did not run$/,
    );
  });

  it('still judges a domain whose own lookups all go unanswered while the resolver answers others', async () => {
    const domain = fixture.newDomain();
    for (const name of [`_mta-sts.${domain}`, `mta-sts.${domain}`, `_smtp._tls.${domain}`, domain])
      fixture.net().dns.fail(name, 'drop');
    const report = await scan(domain, { ...fixture.net().scanOptions, timeoutMs: 300 });
    expect(report.verdict).toBe('broken');
    expect(codes(report)).toContain('txt-invalid');
  });

  it('keeps refusing bad input before any lookup', async () => {
    const refusing = scan('192.0.2.1', { dns: [await closedDnsAddress()] });
    await expect(refusing).rejects.toThrow(InvalidDomainError);
    await expect(refusing).rejects.toMatchObject({ name: 'InvalidDomainError', code: 'invalid-domain' });
  });

  it('judges a healthy domain through a working resolver as before', async () => {
    expect((await fixture.scanOf(healthy('enforce'))).verdict).toBe('enforced');
  });
});
