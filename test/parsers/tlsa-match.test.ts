import { createHash, X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { isUsableTlsa, matchingTlsa, tlsaText } from '../../src/parsers/tlsa-match.js';
import { createTestCa } from '../fixture/test-ca.js';

let leaf: Buffer;
let intermediate: Buffer;
let spki: Buffer;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest();
const sha512 = (b: Buffer) => createHash('sha512').update(b).digest();

beforeAll(async () => {
  const ca = await createTestCa();
  const issued = await ca.issue({ names: ['mx.example.test'], viaIntermediate: true });
  leaf = new X509Certificate(issued.certPem).raw;
  intermediate = new X509Certificate(ca.intermediatePem).raw;
  spki = new X509Certificate(issued.certPem).publicKey.export({ type: 'spki', format: 'der' });
});

const tlsa = (usage: number, selector: number, matchingType: number, data: Buffer) => ({
  usage,
  selector,
  matchingType,
  data,
});

describe('matchingTlsa (RFC 6698, RFC 7672 §3.1)', () => {
  it('DANE-EE: 3 0 0, 3 0 1, 3 0 2, 3 1 0, 3 1 1 and 3 1 2 all match the leaf', () => {
    for (const record of [
      tlsa(3, 0, 0, leaf),
      tlsa(3, 0, 1, sha256(leaf)),
      tlsa(3, 0, 2, sha512(leaf)),
      tlsa(3, 1, 0, spki),
      tlsa(3, 1, 1, sha256(spki)),
      tlsa(3, 1, 2, sha512(spki)),
    ]) {
      expect(matchingTlsa([record], [leaf, intermediate])).toBe(record);
    }
  });

  it('DANE-TA: 2 0 1 matches a CA certificate the host sent, never the leaf', () => {
    expect(matchingTlsa([tlsa(2, 0, 1, sha256(intermediate))], [leaf, intermediate])).not.toBeNull();
    expect(matchingTlsa([tlsa(2, 0, 1, sha256(intermediate))], [leaf])).toBeNull();
    expect(matchingTlsa([tlsa(2, 0, 1, sha256(leaf))], [leaf, intermediate])).toBeNull();
  });

  it('DANE-EE never matches the issuer', () => {
    expect(matchingTlsa([tlsa(3, 0, 1, sha256(intermediate))], [leaf, intermediate])).toBeNull();
  });

  it('PKIX usages 0 and 1, unknown selectors and matching types match nothing', () => {
    for (const record of [
      tlsa(1, 0, 1, sha256(leaf)),
      tlsa(0, 0, 1, sha256(intermediate)),
      tlsa(3, 2, 1, sha256(leaf)),
      tlsa(3, 0, 3, sha256(leaf)),
    ]) {
      expect(matchingTlsa([record], [leaf, intermediate])).toBeNull();
    }
  });

  it('one match in a rollover pair is enough; an empty chain matches nothing', () => {
    const stale = tlsa(3, 1, 1, Buffer.alloc(32, 9));
    const current = tlsa(3, 1, 1, sha256(spki));
    expect(matchingTlsa([stale, current], [leaf])).toBe(current);
    expect(matchingTlsa([current], [])).toBeNull();
  });

  it('writes a record as in a zone file', () => {
    expect(tlsaText(tlsa(3, 1, 1, Buffer.from([0xab, 0x01])))).toBe('3 1 1 ab01');
  });
});

describe('isUsableTlsa (RFC 7672 §3.1.3)', () => {
  it('takes DANE-TA and DANE-EE with a known selector and matching type, and nothing else', () => {
    const record = (usage: number, selector: number, matchingType: number) => ({
      usage,
      selector,
      matchingType,
      data: Buffer.alloc(32),
    });
    expect([record(2, 0, 1), record(3, 1, 1), record(3, 0, 0), record(2, 1, 2)].map(isUsableTlsa)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect([record(0, 0, 1), record(1, 1, 1), record(3, 2, 1), record(3, 1, 3)].map(isUsableTlsa)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
