import { createHash, X509Certificate } from 'node:crypto';
import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { SecureContext } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DnsResolver } from '../../src/net/dns-resolver.js';
import { createNodeResolver } from '../../src/net/node-resolver.js';
import { fetchPolicy, type PolicyFetchOptions, type PolicyProbeResult } from '../../src/probes/policy-probe.js';
import { trustingAlso } from '../../src/probes/tls-handshake.js';
import {
  type DomainSpec,
  type FixtureInternet,
  publishDomain,
  startFixtureInternet,
} from '../fixture/fixture-internet.js';

const POLICY = 'version: STSv1\r\nmode: enforce\r\nmx: mail.example.test\r\nmax_age: 86400\r\n';
const SLOW_MS = 1500;
const GENEROUS_MS = 15_000;
const DAY_MS = 86_400_000;
const ELSEWHERE = 'https://elsewhere.probe.test/.well-known/mta-sts.txt';

let internet: FixtureInternet;
let resolver: DnsResolver;
let trust: SecureContext;
let domainCounter = 0;

beforeAll(async () => {
  internet = await startFixtureInternet();
  resolver = createNodeResolver({ servers: [internet.dns.server], timeoutMs: 5000 });
  trust = trustingAlso([internet.ca.certPem]);
});

afterAll(async () => {
  await internet?.close();
});

/** A fresh domain published as spec says; returns its policy host. */
async function publish(spec: DomainSpec): Promise<string> {
  const domain = `d${++domainCounter}.probe.test`;
  await publishDomain(internet, domain, spec);
  return `mta-sts.${domain}`;
}

function fetchFrom(host: string, options: Partial<PolicyFetchOptions> = {}): Promise<PolicyProbeResult> {
  return fetchPolicy({
    host,
    resolver,
    port: internet.https.port,
    allowPrivate: true,
    timeoutMs: GENEROUS_MS,
    secureContext: trust,
    ...options,
  });
}

function expectFailure(result: PolicyProbeResult): Extract<PolicyProbeResult, { ok: false }> {
  if (result.ok)
    throw new Error(`expected a failure, got a ${result.value.status} with ${result.value.body.length} bytes`);
  return result;
}

function expectSuccess(result: PolicyProbeResult): Extract<PolicyProbeResult, { ok: true }>['value'] {
  if (!result.ok) throw new Error(`expected a policy, got ${result.cause}: ${result.detail}`);
  return result.value;
}

/** What the fixture server saw during run: TCP connections and HTTP requests. */
async function observe<T>(run: () => Promise<T>): Promise<{ result: T; connections: number; requests: number }> {
  const connections = internet.https.connections;
  const requests = internet.https.requests.length;
  const result = await run();
  return {
    result,
    connections: internet.https.connections - connections,
    requests: internet.https.requests.length - requests,
  };
}

describe('fetchPolicy', () => {
  describe('success', () => {
    it('returns the body bytes exactly as served (CRLF kept) with their SHA-256', async () => {
      const host = await publish({ policy: POLICY });
      const value = expectSuccess(await fetchFrom(host));
      expect(value.body.equals(Buffer.from(POLICY))).toBe(true);
      expect(value.sha256).toBe(createHash('sha256').update(POLICY).digest('hex'));
      expect(value).toMatchObject({
        url: `https://${host}:${internet.https.port}/.well-known/mta-sts.txt`,
        address: '127.0.0.1',
        status: 200,
        contentType: 'text/plain',
      });
    });

    it('states the facts of the certificate the CA issued for the host, and that it is trusted via the given CA', async () => {
      const host = await publish({ policy: POLICY });
      const before = Date.now();
      const { cert } = expectSuccess(await fetchFrom(host));
      expect(cert.subject).toBe(`CN=${host}`);
      expect(cert.issuer).toBe(new X509Certificate(internet.ca.certPem).subject);
      expect(cert.san).toEqual([host]);
      expect(cert.serial).toMatch(/^[0-9A-F]{32}$/);
      expect(cert.trusted).toBe(true);
      expect(cert.trustError).toBeNull();
      // The fixture issues from one day ago to 90 days ahead.
      expect(Math.abs(Date.parse(cert.notBefore) - (before - DAY_MS))).toBeLessThan(DAY_MS / 2);
      expect(Math.abs(Date.parse(cert.notAfter) - (before + 90 * DAY_MS))).toBeLessThan(DAY_MS / 2);
    });

    it('uses one TCP/TLS connection for both the certificate and the policy, with SNI set to the policy host', async () => {
      const host = await publish({ policy: POLICY });
      const seen = await observe(() => fetchFrom(host));
      expectSuccess(seen.result);
      expect(seen.connections).toBe(1);
      expect(seen.requests).toBe(1);
      const request = internet.https.requests.at(-1);
      expect(request).toMatchObject({ servername: host, method: 'GET', path: '/.well-known/mta-sts.txt' });
      expect(request?.host).toBe(`${host}:${internet.https.port}`);
    });

    it('accepts a text/plain media type with parameters, in any case', async () => {
      const host = await publish({ policy: POLICY, policyHost: { contentType: 'Text/Plain; charset=UTF-8' } });
      expect(expectSuccess(await fetchFrom(host)).contentType).toBe('Text/Plain; charset=UTF-8');
    });

    it('accepts a body of exactly 65536 bytes', async () => {
      const body = Buffer.alloc(65_536, 'a');
      const host = await publish({ policyHost: { body } });
      const value = expectSuccess(await fetchFrom(host));
      expect(value.body.length).toBe(65_536);
      expect(value.sha256).toBe(createHash('sha256').update(body).digest('hex'));
    });

    it('moves on to the next address when one refuses the connection', async () => {
      const host = await publish({ policy: POLICY });
      internet.dns.set(host, 'A', [internet.https.refusedAddress, '127.0.0.1']);
      expect(expectSuccess(await fetchFrom(host)).address).toBe('127.0.0.1');
    });
  });

  describe('certificates a sender would reject still yield the body, for the caller to judge', () => {
    it('returns a self-signed certificate as untrusted, with the reason', async () => {
      const host = await publish({ policy: POLICY, policyHost: { cert: 'self-signed' } });
      const value = expectSuccess(await fetchFrom(host));
      expect(value.body.toString()).toBe(POLICY);
      expect(value.cert.trusted).toBe(false);
      expect(value.cert.trustError).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
      expect(value.cert.issuer).toBe(`CN=${host}`);
    });

    it('returns an expired certificate as untrusted, with its past notAfter', async () => {
      const host = await publish({ policy: POLICY, policyHost: { cert: 'expired' } });
      const value = expectSuccess(await fetchFrom(host));
      expect(value.body.toString()).toBe(POLICY);
      expect(value.cert.trusted).toBe(false);
      expect(value.cert.trustError).toBe('CERT_HAS_EXPIRED');
      expect(Date.parse(value.cert.notAfter)).toBeLessThan(Date.now());
    });

    it('returns a certificate for other names as trusted, its SAN showing the names (matching is not its job)', async () => {
      const host = await publish({ policy: POLICY, policyHost: { cert: 'wrong-name' } });
      const parent = host.slice('mta-sts.'.length);
      const value = expectSuccess(await fetchFrom(host));
      expect(value.body.toString()).toBe(POLICY);
      expect(value.cert.trusted).toBe(true);
      expect(value.cert.san).toEqual([parent, `www.${parent}`]);
    });

    it('trusts only the default store without ca, where the fixture CA is unknown', async () => {
      const host = await publish({ policy: POLICY });
      const value = expectSuccess(await fetchFrom(host, { secureContext: undefined }));
      expect(value.cert.trusted).toBe(false);
      // The fixture sends its CA along with the leaf.
      expect(value.cert.trustError).toBe('SELF_SIGNED_CERT_IN_CHAIN');
    });
  });

  describe('dns', () => {
    it('fails with no-such-host and the resolver cause when the host does not exist (NXDOMAIN)', async () => {
      const failure = expectFailure(await fetchFrom('mta-sts.missing.probe.test'));
      expect(failure).toMatchObject({ cause: 'no-such-host', address: null, cert: null });
      expect(failure.detail).toContain('nxdomain');
    });

    it('counts a resolver that throws as a dns failure', async () => {
      const throwing: DnsResolver = {
        txt: () => Promise.reject(new Error('unused')),
        mx: () => Promise.reject(new Error('unused')),
        addresses: () => Promise.reject(new Error('resolver exploded')),
        tlsa: () => Promise.reject(new Error('unused')),
      };
      const failure = expectFailure(await fetchFrom('mta-sts.example.test', { resolver: throwing }));
      expect(failure.cause).toBe('dns');
      expect(failure.detail).toContain('resolver exploded');
    });
  });

  describe('blocked-address', () => {
    it.each([
      ['A', '127.0.0.1', 'loopback'],
      ['A', '10.1.2.3', 'private'],
      ['AAAA', '::1', 'loopback'],
      ['AAAA', '::ffff:192.168.1.1', 'private'],
    ] as const)('refuses a host whose only %s record is %s (%s) and opens no connection', async (type, ip, range) => {
      const host = await publish({ policy: POLICY });
      internet.dns.set(host, 'A', []);
      internet.dns.set(host, type, [ip]);
      const seen = await observe(() => fetchFrom(host, { allowPrivate: false }));
      const failure = expectFailure(seen.result);
      expect(failure).toMatchObject({ cause: 'blocked-address', cert: null });
      expect(failure.address).not.toBeNull();
      expect(failure.detail).toContain(range);
      expect(seen.connections).toBe(0);
      expect(seen.requests).toBe(0);
    });

    it('never hands a non-literal answer to the socket (the OS would resolve it), even with allowPrivate', async () => {
      const host = await publish({ policy: POLICY });
      const answersNames: DnsResolver = {
        ...resolver,
        addresses: async () => ({ ok: true, value: ['localhost', '127.1'] }),
      };
      const seen = await observe(() => fetchFrom(host, { resolver: answersNames }));
      const failure = expectFailure(seen.result);
      expect(failure.cause).toBe('blocked-address');
      expect(failure.detail).toContain('localhost (invalid)');
      expect(seen.connections).toBe(0);
    });
  });

  describe('connect', () => {
    it('fails with connect when the connection is refused', async () => {
      const host = await publish({ policyAddress: internet.https.refusedAddress });
      const failure = expectFailure(await fetchFrom(host));
      expect(failure).toMatchObject({ cause: 'connect', address: '127.0.0.4', cert: null });
      expect(failure.detail).toContain('ECONNREFUSED');
    });
  });

  describe('tls', () => {
    it('fails with tls when the server speaks plain HTTP', async () => {
      const host = await publish({ policyAddress: internet.https.plainHttpAddress });
      const failure = expectFailure(await fetchFrom(host));
      expect(failure).toMatchObject({ cause: 'tls', address: '127.0.0.3', cert: null });
      expect(failure.detail).toContain('127.0.0.3');
    });

    it('does not move on to the next address once TCP connected and TLS failed', async () => {
      const host = await publish({ policy: POLICY });
      internet.dns.set(host, 'A', [internet.https.plainHttpAddress, '127.0.0.1']);
      const seen = await observe(() => fetchFrom(host));
      expect(expectFailure(seen.result).cause).toBe('tls');
      expect(seen.connections).toBe(0);
    });
  });

  describe('timeout', () => {
    async function expectTimeout(run: () => Promise<PolicyProbeResult>, phase: RegExp) {
      const started = Date.now();
      const failure = expectFailure(await run());
      const elapsed = Date.now() - started;
      expect(failure.cause).toBe('timeout');
      expect(failure.detail).toMatch(phase);
      // Not before the deadline; the upper bound only proves the deadline ends the wait.
      expect(elapsed).toBeGreaterThanOrEqual(SLOW_MS - 50);
      expect(elapsed).toBeLessThan(GENEROUS_MS);
      return failure;
    }

    it('gives up on a server that accepts TCP and never speaks TLS', async () => {
      const host = await publish({ policyAddress: internet.https.tarpitAddress });
      const failure = await expectTimeout(
        () => fetchFrom(host, { timeoutMs: SLOW_MS }),
        /TLS handshake with 127\.0\.0\.2/,
      );
      expect(failure).toMatchObject({ address: '127.0.0.2', cert: null });
    });

    it('gives up on a server that reads the request and never answers, keeping the certificate', async () => {
      const host = await publish({ policyHost: { behaviour: 'never-respond' } });
      const failure = await expectTimeout(() => fetchFrom(host, { timeoutMs: SLOW_MS }), /waiting for the response/);
      expect(failure.address).toBe('127.0.0.1');
      expect(failure.cert?.san).toEqual([host]);
    });

    it('gives up on a body that stalls after the headers, keeping the certificate', async () => {
      const host = await publish({ policy: POLICY, policyHost: { behaviour: 'slow-body' } });
      const failure = await expectTimeout(() => fetchFrom(host, { timeoutMs: SLOW_MS }), /reading the body/);
      expect(failure.address).toBe('127.0.0.1');
      expect(failure.cert?.trusted).toBe(true);
    });

    it('counts the DNS lookup against the same deadline', async () => {
      const host = await publish({ policy: POLICY });
      internet.dns.fail(host, 'drop');
      const slowResolver = createNodeResolver({ servers: [internet.dns.server], timeoutMs: GENEROUS_MS });
      const failure = await expectTimeout(
        () => fetchFrom(host, { resolver: slowResolver, timeoutMs: SLOW_MS }),
        new RegExp(`resolving ${host.replaceAll('.', '\\.')}`),
      );
      expect(failure.address).toBeNull();
    });
  });

  describe('http-status and redirect', () => {
    it.each([[404], [500]])('fails with http-status on HTTP %i, keeping address and certificate', async (status) => {
      const host = await publish({ policy: POLICY, policyHost: { status } });
      const failure = expectFailure(await fetchFrom(host));
      expect(failure).toMatchObject({ cause: 'http-status', address: '127.0.0.1' });
      expect(failure.detail).toContain(String(status));
      expect(failure.cert?.san).toEqual([host]);
    });

    it('fails with redirect on a 301 and names the Location, without following it', async () => {
      const host = await publish({
        policy: POLICY,
        policyHost: { status: 301, headers: { location: ELSEWHERE } },
      });
      const seen = await observe(() => fetchFrom(host));
      const failure = expectFailure(seen.result);
      expect(failure.cause).toBe('redirect');
      expect(failure.detail).toContain('301');
      expect(failure.detail).toContain(ELSEWHERE);
      expect(failure.cert).not.toBeNull();
      expect(seen.requests).toBe(1);
    });

    it('truncates a long Location header in the detail', async () => {
      const location = `https://example.test/${'x'.repeat(5000)}`;
      const host = await publish({ policy: POLICY, policyHost: { status: 302, headers: { location } } });
      const failure = expectFailure(await fetchFrom(host));
      expect(failure.cause).toBe('redirect');
      expect(failure.detail).toContain('https://example.test/xxx');
      expect(failure.detail.length).toBeLessThan(400);
    });
  });

  describe('content-type', () => {
    it('fails with content-type on text/html and shows what was sent', async () => {
      const host = await publish({ policy: POLICY, policyHost: { contentType: 'text/html; charset=utf-8' } });
      const failure = expectFailure(await fetchFrom(host));
      expect(failure).toMatchObject({ cause: 'content-type', address: '127.0.0.1' });
      expect(failure.detail).toContain('text/html; charset=utf-8');
      expect(failure.cert).not.toBeNull();
    });

    it('fails with content-type when the header is missing', async () => {
      const host = await publish({ policy: POLICY, policyHost: { contentType: null } });
      const failure = expectFailure(await fetchFrom(host));
      expect(failure.cause).toBe('content-type');
      expect(failure.detail).toMatch(/no Content-Type/i);
    });
  });

  describe('too-large', () => {
    it('fails with too-large on a 65537-byte body announced by Content-Length', async () => {
      const host = await publish({ policyHost: { body: Buffer.alloc(65_537, 'a') } });
      const failure = expectFailure(await fetchFrom(host));
      expect(failure).toMatchObject({ cause: 'too-large', address: '127.0.0.1' });
      expect(failure.detail).toContain('65537');
      expect(failure.cert).not.toBeNull();
    });

    it('stops reading a body without Content-Length once it passes 65536 bytes', async () => {
      const host = await publish({});
      internet.dns.set(host, 'A', ['127.0.0.1']);
      const issued = await internet.ca.issue({ names: [host] });
      const streamed = await startStreamingServer(issued.keyPem, issued.chainPem);
      try {
        const failure = expectFailure(await fetchFrom(host, { port: streamed.port }));
        expect(failure.cause).toBe('too-large');
        expect(failure.cert?.serial).toBe(issued.serial.toUpperCase());
        // The client hung up instead of draining the endless body.
        await streamed.hungUp;
      } finally {
        await streamed.close();
      }
    });
  });
});

/** An HTTPS server that sends text/plain in 16 KiB chunks with no Content-Length, until the client leaves. */
async function startStreamingServer(key: string, cert: string) {
  const sockets = new Set<Socket>();
  let hangUp: () => void = () => undefined;
  const hungUp = new Promise<void>((resolve) => (hangUp = resolve));
  const server: Server = createServer({ key, cert }, (_req, res: ServerResponse) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    const chunk = Buffer.alloc(16_384, 'a');
    const pump = (): void => {
      while (!res.destroyed && res.write(chunk));
    };
    res.on('drain', pump);
    res.on('close', hangUp);
    pump();
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    port: (server.address() as AddressInfo).port,
    hungUp,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
