import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readTlsRptReport } from '../../src/tlsrpt/read-report.js';
import { corpus } from './report-builder.js';

const MIB = 1024 * 1024;
const appendixB = corpus('rfc8460-appendix-b.json');
const plain = readTlsRptReport(appendixB);

describe('readTlsRptReport: gzip', () => {
  it('recognises gzip by its magic bytes and reads the same summary as the plain JSON', () => {
    expect(plain.accepted).toBe(true);
    expect(readTlsRptReport(gzipSync(appendixB))).toEqual(plain);
  });

  it('tolerates bytes after the last member with a warning: a sender appends CRLF', () => {
    const result = readTlsRptReport(Buffer.concat([gzipSync(appendixB), Buffer.from('\r\n')]));
    expect(result.accepted && result.warnings).toEqual(['gzip-trailing-garbage']);
    expect(result.accepted && result.summary).toEqual(plain.accepted && plain.summary);
  });

  it('reads a second member as a continuation of the first', () => {
    const cut = 200;
    const twoMembers = Buffer.concat([gzipSync(appendixB.subarray(0, cut)), gzipSync(appendixB.subarray(cut))]);
    expect(readTlsRptReport(twoMembers)).toEqual(plain);
  });

  it('reads a member whose header carries a name, a comment, an extra field and a header CRC', () => {
    const gz = gzipSync(appendixB);
    const header = Buffer.from([0x1f, 0x8b, 8, 2 | 4 | 8 | 16, 0, 0, 0, 0, 0, 3, 3, 0, 0x41, 0x42, 0x43]);
    const named = Buffer.concat([
      header,
      Buffer.from('report.json\0a comment\0'),
      Buffer.from([0, 0]),
      gz.subarray(10),
    ]);
    expect(readTlsRptReport(named)).toEqual(plain);
  });

  it('rejects a truncated member, a wrong CRC or length, and a bad header as invalid-gzip', () => {
    const gz = gzipSync(appendixB);
    const invalid = { accepted: false, error: { code: 'invalid-gzip', path: null, message: expect.any(String) } };
    expect(readTlsRptReport(gz.subarray(0, gz.length >> 1))).toEqual(invalid);
    expect(readTlsRptReport(gz.subarray(0, gz.length - 4))).toEqual(invalid);
    expect(readTlsRptReport(gz.subarray(0, 6))).toEqual(invalid);
    const badCrc = Buffer.from(gz);
    badCrc[gz.length - 8]! ^= 1;
    expect(readTlsRptReport(badCrc)).toEqual(invalid);
    const badLength = Buffer.from(gz);
    badLength[gz.length - 1]! ^= 1;
    expect(readTlsRptReport(badLength)).toEqual(invalid);
    const notDeflate = Buffer.from(gz);
    notDeflate[2] = 7;
    expect(readTlsRptReport(notDeflate)).toEqual(invalid);
    const corrupt = Buffer.from(gz);
    corrupt.fill(0xff, 12, 40);
    expect(readTlsRptReport(corrupt)).toEqual(invalid);
    const truncatedSecond = Buffer.concat([gz, gz.subarray(0, 30)]);
    expect(readTlsRptReport(truncatedSecond)).toEqual(invalid);
  });

  it('rejects gzip whose JSON is broken as invalid-json', () => {
    expect(readTlsRptReport(gzipSync('{"policies":'))).toEqual({
      accepted: false,
      error: { code: 'invalid-json', path: null, message: expect.any(String) },
    });
  });

  describe('a gzip bomb: about 64 KiB inflating to 64 MiB', () => {
    const bomb = gzipSync(Buffer.alloc(64 * MIB, ' '), { level: 9 });
    const tooLarge = { accepted: false, error: { code: 'too-large', path: null, message: expect.any(String) } };

    it('is about 64 KiB', () => {
      expect(bomb.length).toBeGreaterThan(60 * 1024);
      expect(bomb.length).toBeLessThan(70 * 1024);
    });

    it('is rejected as too-large', () => {
      expect(readTlsRptReport(bomb)).toEqual(tooLarge);
    });

    it('is rejected while streaming: a bomb cut 1 KiB before its end is never inflated as far as the cut', () => {
      // Were the bomb inflated in full before its size was judged, the cut would make it invalid-gzip instead.
      expect(readTlsRptReport(bomb.subarray(0, bomb.length - 1024))).toEqual(tooLarge);
    });

    it('is rejected across members: two members of 6 MiB each', () => {
      const half = gzipSync(Buffer.alloc(6 * MIB, ' '));
      expect(readTlsRptReport(Buffer.concat([half, half]))).toEqual(tooLarge);
    });
  });

  it('rejects more than 64 members', () => {
    const members = Array.from({ length: 65 }, (_, i) => gzipSync(i === 0 ? appendixB : Buffer.alloc(0)));
    expect(readTlsRptReport(Buffer.concat(members.slice(0, 64)))).toEqual(plain);
    const result = readTlsRptReport(Buffer.concat(members));
    expect(result.accepted === false && result.error.code).toBe('invalid-gzip');
  });
});
