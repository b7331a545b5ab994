import { afterAll, beforeAll, bench, describe } from 'vitest';
import type { DnsResolver } from '../src/net/dns-resolver.js';
import { createNodeResolver } from '../src/net/node-resolver.js';
import { parseStsPolicy } from '../src/parsers/sts-policy.js';
import { scan } from '../src/scan/scan.js';
import { type FixtureInternet, publishDomain, startFixtureInternet } from '../test/fixture/fixture-internet.js';

const DNS_LATENCY_MS = 40;
let internet: FixtureInternet;

beforeAll(async () => {
  internet = await startFixtureInternet();
  await publishDomain(internet, 'bench.example', {
    txt: 'v=STSv1; id=bench1;',
    policy: 'version: STSv1\r\nmode: enforce\r\nmx: mx1.bench.example\r\nmx: *.mx.bench.example\r\nmax_age: 604800\r\n',
    mx: [
      [10, 'mx1.bench.example'],
      [20, 'a.mx.bench.example'],
    ],
    tlsrpt: 'v=TLSRPTv1; rua=mailto:tls@bench.example',
  });
});

afterAll(async () => {
  await internet?.close();
});

/** Every lookup costs DNS_LATENCY_MS more: sequential probes would take 4 × that, parallel ones about 1 ×. */
function slowResolver(inner: DnsResolver): DnsResolver {
  const delay = () => new Promise((resolve) => setTimeout(resolve, DNS_LATENCY_MS));
  return {
    txt: async (name) => (await delay(), inner.txt(name)),
    mx: async (name) => (await delay(), inner.mx(name)),
    addresses: async (name) => (await delay(), inner.addresses(name)),
    tlsa: async (name) => (await delay(), inner.tlsa(name)),
  };
}

describe('scan of a configured fixture domain (loopback DNS + HTTPS)', () => {
  bench(
    'scan',
    async () => {
      await scan('bench.example', internet.scanOptions);
    },
    { time: 3_000 },
  );

  bench(
    `scan with ${DNS_LATENCY_MS} ms added to every DNS lookup`,
    async () => {
      const resolver = slowResolver(createNodeResolver({ servers: internet.scanOptions.dns }));
      await scan('bench.example', { ...internet.scanOptions, resolver });
    },
    { time: 3_000 },
  );
});

describe('parsers', () => {
  const policy =
    'version: STSv1\r\nmode: enforce\r\nmx: mx1.example.com\r\nmx: *.mx.example.com\r\nmax_age: 604800\r\n';
  bench('parseStsPolicy', () => {
    parseStsPolicy(policy);
  });
});
