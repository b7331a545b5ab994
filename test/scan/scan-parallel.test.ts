import { describe, expect, it } from 'vitest';
import type { DnsResolver } from '../../src/net/dns-resolver.js';
import { createNodeResolver } from '../../src/net/node-resolver.js';
import { scan } from '../../src/scan/scan.js';
import { publishDomain } from '../fixture/fixture-internet.js';
import { healthy, useFixtureScanner } from './scan-harness.js';

const fixture = useFixtureScanner('parallel');

/** Holds every lookup until `expected` lookups have started: only a scan that starts its probes together gets past it. */
function barrierResolver(inner: DnsResolver, expected: number): { resolver: DnsResolver; started: string[] } {
  const started: string[] = [];
  let open: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`only ${started.join(', ')} started together`)), 5_000).unref(),
  );
  const hold = async <T>(label: string, lookup: () => Promise<T>): Promise<T> => {
    started.push(label);
    if (started.length === expected) open();
    await Promise.race([gate, timeout]);
    return lookup();
  };
  return {
    started,
    resolver: {
      txt: (name) => hold(`txt ${name}`, () => inner.txt(name)),
      mx: (name) => hold(`mx ${name}`, () => inner.mx(name)),
      addresses: (name) => hold(`addresses ${name}`, () => inner.addresses(name)),
      tlsa: (name) => hold(`tlsa ${name}`, () => inner.tlsa(name)),
    },
  };
}

describe('scan', () => {
  it('starts all four probe chains at once (TXT, policy host, TLS-RPT, MX) instead of one after another', async () => {
    const domain = fixture.newDomain();
    await publishDomain(fixture.net(), domain, healthy()(domain));
    const { resolver, started } = barrierResolver(createNodeResolver({ servers: fixture.net().scanOptions.dns }), 4);
    const report = await scan(domain, { ...fixture.net().scanOptions, resolver });
    expect(report.verdict).toBe('enforced');
    expect([...started.slice(0, 4)].sort()).toEqual(
      [`addresses mta-sts.${domain}`, `mx ${domain}`, `txt _mta-sts.${domain}`, `txt _smtp._tls.${domain}`].sort(),
    );
    // The fifth chain goes on from the MX answer to each MX host's address and TLSA records.
    expect([...started.slice(4)].sort()).toEqual([`addresses mx1.${domain}`, `tlsa _25._tcp.mx1.${domain}`]);
  });

  it('starts the SMTP probe of an MX host as soon as the MX answer is in, not after the other chains', async () => {
    const domain = fixture.newDomain();
    await publishDomain(fixture.net(), domain, healthy()(domain));
    const inner = createNodeResolver({ servers: fixture.net().scanOptions.dns });
    let mxHostLookedUp: () => void;
    const mxHostReached = new Promise<void>((resolve) => (mxHostLookedUp = resolve));
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('the MX host was not looked up first')), 5_000).unref(),
    );
    // The TLS-RPT lookup is held until the MX host's address has been asked for.
    const resolver: DnsResolver = {
      ...inner,
      txt: async (name) => {
        if (name.startsWith('_smtp._tls.')) await Promise.race([mxHostReached, timeout]);
        return inner.txt(name);
      },
      addresses: (name) => {
        if (name === `mx1.${domain}`) mxHostLookedUp();
        return inner.addresses(name);
      },
    };
    const report = await scan(domain, { ...fixture.net().scanOptions, resolver });
    expect(report.verdict).toBe('enforced');
    expect(report.mx[0]?.smtp?.starttls).toBe(true);
  });
});
