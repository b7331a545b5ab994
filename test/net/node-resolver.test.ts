import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNodeResolver } from '../../src/net/node-resolver.js';
import { type FixtureDns, startDnsServer } from '../fixture/dns-server.js';

describe('createNodeResolver', () => {
  let dns: FixtureDns;
  const resolver = () => createNodeResolver({ servers: [dns.server], timeoutMs: 1500 });

  beforeAll(async () => {
    dns = await startDnsServer();
  });
  afterAll(() => dns.close());
  beforeEach(() => {
    for (const name of ['example.test', 'alias.example.test', 'target.example.test', 'gone.example.test'])
      dns.clear(name);
  });

  describe('txt', () => {
    it('joins the character-strings of one record into one string', async () => {
      dns.set('example.test', 'TXT', [['v=STSv1; ', 'id=20240101;']]);
      expect(await resolver().txt('example.test')).toEqual({ ok: true, value: ['v=STSv1; id=20240101;'] });
    });

    it('returns a record longer than 255 bytes whole, as published in 255-byte strings', async () => {
      const long = `v=TLSRPTv1; rua=mailto:${'a'.repeat(400)}@example.test`;
      dns.set('example.test', 'TXT', [long]);
      expect(await resolver().txt('example.test')).toEqual({ ok: true, value: [long] });
    });

    it('reads valid UTF-8 bytes as UTF-8, even split across 255-byte strings, and shows other bytes as \\xNN', async () => {
      dns.set('example.test', 'TXT', [
        'v=STSv1; id=1; x=café ✓',
        [`${'a'.repeat(254)}\u00e9`],
        Buffer.from([0x69, 0x64, 0x3d, 0xe9, 0x9b, 0x1b]),
      ]);
      const answer = await resolver().txt('example.test');
      expect(answer.ok && [...answer.value].sort()).toEqual([
        `${'a'.repeat(254)}é`,
        'id=\\xe9\\x9b\u001b',
        'v=STSv1; id=1; x=café ✓',
      ]);
    });

    it('returns every record when several are published', async () => {
      dns.set('example.test', 'TXT', ['v=STSv1; id=1;', 'v=STSv1; id=2;']);
      const answer = await resolver().txt('example.test');
      expect(answer.ok && [...answer.value].sort()).toEqual(['v=STSv1; id=1;', 'v=STSv1; id=2;']);
    });

    it('follows a CNAME to the records of its target', async () => {
      dns.set('alias.example.test', 'CNAME', ['target.example.test']);
      dns.set('target.example.test', 'TXT', ['via alias']);
      expect(await resolver().txt('alias.example.test')).toEqual({ ok: true, value: ['via alias'] });
    });

    it('tells NXDOMAIN (no such name) from NODATA (name without TXT)', async () => {
      dns.set('example.test', 'MX', [{ priority: 10, exchange: 'mx.example.test' }]);
      expect(await resolver().txt('gone.example.test')).toMatchObject({ ok: false, cause: 'nxdomain' });
      expect(await resolver().txt('example.test')).toMatchObject({ ok: false, cause: 'nodata' });
    });

    it('reports SERVFAIL and REFUSED as such, with the error code in the detail', async () => {
      dns.fail('example.test', 'servfail');
      dns.fail('gone.example.test', 'refused');
      const servfail = await resolver().txt('example.test');
      expect(servfail).toMatchObject({ ok: false, cause: 'servfail' });
      expect(!servfail.ok && servfail.detail).toMatch(/^ESERVFAIL/);
      expect(await resolver().txt('gone.example.test')).toMatchObject({ ok: false, cause: 'refused' });
    });

    it('gives up on a server that never answers within the bound', async () => {
      dns.fail('example.test', 'drop');
      const started = Date.now();
      const answer = await createNodeResolver({ servers: [dns.server], timeoutMs: 600 }).txt('example.test');
      expect(answer).toMatchObject({ ok: false, cause: 'timeout' });
      // Generous ceiling: the bound is 600 ms, a loaded machine may add some.
      expect(Date.now() - started).toBeLessThan(3000);
    });
  });

  describe('mx', () => {
    it('returns exchanges lower-cased, without the trailing dot, with their priority', async () => {
      dns.set('example.test', 'MX', [
        { priority: 10, exchange: 'MX1.Example.TEST.' },
        { priority: 20, exchange: 'mx2.example.test' },
      ]);
      const answer = await resolver().mx('example.test');
      expect(answer.ok && [...answer.value].sort((a, b) => a.priority - b.priority)).toEqual([
        { exchange: 'mx1.example.test', priority: 10 },
        { exchange: 'mx2.example.test', priority: 20 },
      ]);
    });

    it('returns a null MX (RFC 7505 "0 .") as an empty exchange', async () => {
      dns.set('example.test', 'MX', [{ priority: 0, exchange: '.' }]);
      expect(await resolver().mx('example.test')).toEqual({ ok: true, value: [{ exchange: '', priority: 0 }] });
    });
  });

  describe('addresses', () => {
    it('returns IPv4 addresses before IPv6 ones', async () => {
      dns.set('example.test', 'AAAA', ['::1']);
      dns.set('example.test', 'A', ['127.0.0.1', '127.0.0.2']);
      const answer = await resolver().addresses('example.test');
      expect(answer.ok && answer.value.slice(0, 2).sort()).toEqual(['127.0.0.1', '127.0.0.2']);
      expect(answer.ok && answer.value[2]).toBe('::1');
    });

    it('succeeds with one family when the other has no records', async () => {
      dns.set('example.test', 'AAAA', ['2001:db8::25']);
      expect(await resolver().addresses('example.test')).toEqual({ ok: true, value: ['2001:db8::25'] });
    });

    it('follows a CNAME to the addresses of its target', async () => {
      dns.set('alias.example.test', 'CNAME', ['target.example.test']);
      dns.set('target.example.test', 'A', ['127.0.0.9']);
      expect(await resolver().addresses('alias.example.test')).toEqual({ ok: true, value: ['127.0.0.9'] });
    });

    it('fails with nxdomain for a missing name and nodata for a name without addresses', async () => {
      dns.set('example.test', 'TXT', ['no addresses here']);
      expect(await resolver().addresses('gone.example.test')).toMatchObject({ ok: false, cause: 'nxdomain' });
      expect(await resolver().addresses('example.test')).toMatchObject({ ok: false, cause: 'nodata' });
    });

    it('fails with the server failure when neither family can be resolved', async () => {
      dns.fail('example.test', 'servfail');
      expect(await resolver().addresses('example.test')).toMatchObject({ ok: false, cause: 'servfail' });
    });
  });

  it('throws at creation on a malformed server address', () => {
    expect(() => createNodeResolver({ servers: ['not an address'] })).toThrow();
  });

  describe('tlsa (on the wire: EDNS0 with DO, AD reported, TCP on truncation)', () => {
    const NAME = '_25._tcp.mx.example.test';
    const record = (fill: number, length = 32) => ({
      usage: 3,
      selector: 1,
      matchingType: 1,
      data: Buffer.alloc(length, fill),
    });
    beforeEach(() => dns.clear(NAME));

    it('returns the records with authenticated true only where the resolver set AD (asked with DO)', async () => {
      dns.set(NAME, 'TLSA', [record(1)]);
      expect(await resolver().tlsa(NAME)).toEqual({ ok: true, value: { records: [record(1)], authenticated: false } });
      dns.sign(NAME);
      expect(await resolver().tlsa(NAME)).toEqual({ ok: true, value: { records: [record(1)], authenticated: true } });
    });

    it('retries over TCP when the UDP answer is truncated, and gets every record', async () => {
      // Ten full certificates of 600 bytes each cannot fit the 1232-byte EDNS payload.
      const big = Array.from({ length: 10 }, (_, i) => ({
        usage: 3,
        selector: 0,
        matchingType: 0,
        data: Buffer.alloc(600, i),
      }));
      dns.set(NAME, 'TLSA', big);
      const answer = await resolver().tlsa(NAME);
      expect(answer.ok && answer.value.records).toEqual(big);
    });

    it('is nodata for a name without TLSA records and nxdomain for a name that does not exist', async () => {
      dns.set('mx.example.test', 'A', ['192.0.2.1']);
      expect(await resolver().tlsa('mx.example.test')).toMatchObject({ ok: false, cause: 'nodata' });
      expect(await resolver().tlsa('_25._tcp.nowhere.example.test')).toMatchObject({ ok: false, cause: 'nxdomain' });
      dns.clear('mx.example.test');
    });

    it('tries every configured server: a dead one and a refusing one first, then one that answers', async () => {
      dns.set(NAME, 'TLSA', [record(2)]);
      const refusing = await startDnsServer();
      refusing.fail(NAME, 'refused');
      try {
        // Nothing answers on 127.0.0.1:9 (discard): that server's share of the deadline runs out, then the next is asked.
        const servers = ['127.0.0.1:9', refusing.server, dns.server];
        expect(await createNodeResolver({ servers, timeoutMs: 1500 }).tlsa(NAME)).toEqual({
          ok: true,
          value: { records: [record(2)], authenticated: false },
        });
      } finally {
        await refusing.close();
      }
    });

    it('keeps the lookup deadline when the server never answers', async () => {
      dns.fail(NAME, 'drop');
      expect(await createNodeResolver({ servers: [dns.server], timeoutMs: 300 }).tlsa(NAME)).toMatchObject({
        ok: false,
        cause: 'timeout',
      });
    });
  });
});
