import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Runs an ES module snippet from the package root, importing the package by its name as a user would. */
function runAsUser(code: string): unknown {
  return JSON.parse(
    execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8' }),
  );
}

describe('the mtasts package', () => {
  it('exports the documented pure functions and the scanner from its built entry', () => {
    const exported = runAsUser(`
      import * as mtasts from 'mtasts';
      console.log(JSON.stringify(['parseStsRecord', 'parseStsPolicy', 'parseTlsRptRecord', 'mxPatternMatches', 'scan']
        .map((name) => [name, typeof mtasts[name]])));`);
    expect(exported).toEqual([
      ['parseStsRecord', 'function'],
      ['parseStsPolicy', 'function'],
      ['parseTlsRptRecord', 'function'],
      ['mxPatternMatches', 'function'],
      ['scan', 'function'],
    ]);
  });

  it('parses as the README shows', () => {
    const results = runAsUser(`
      import { parseStsRecord, parseStsPolicy, parseTlsRptRecord, mxPatternMatches } from 'mtasts';
      console.log(JSON.stringify([
        parseStsRecord('v=STSv1; id=20240101T000000;'),
        parseStsPolicy('version: STSv1\\r\\nmode: enforce\\r\\nmx: *.example.com\\r\\nmax_age: 604800\\r\\n'),
        parseTlsRptRecord('v=TLSRPTv1; rua=mailto:tls@example.com'),
        [mxPatternMatches('*.example.com', 'mx1.example.com'), mxPatternMatches('*.example.com', 'example.com'),
         mxPatternMatches('*.example.com', 'a.b.example.com')],
      ]));`);
    expect(results).toEqual([
      { ok: true, value: { version: 'STSv1', id: '20240101T000000', extensions: {} } },
      { ok: true, value: { version: 'STSv1', mode: 'enforce', mx: ['*.example.com'], maxAge: 604800, extensions: {} } },
      { ok: true, value: { version: 'TLSRPTv1', rua: ['mailto:tls@example.com'], extensions: {} } },
      [true, false, false],
    ]);
  });

  it('reads a TLS-RPT report, plain or gzip, with readTlsRptReport as the README shows', () => {
    const results = runAsUser(`
      import { gzipSync } from 'node:zlib';
      import { readTlsRptReport, TLSRPT_MAX_BYTES } from 'mtasts';
      const json = JSON.stringify({ 'date-range': { 'start-datetime': '2026-11-30T00:00:00Z', 'end-datetime': '2026-11-30T24:00:00Z' },
        policies: [{ policy: { 'policy-type': 'sts', 'policy-domain': 'example.com' },
                     summary: { 'total-successful-session-count': 3, 'total-failure-session-count': 0 } }] });
      const gzipped = readTlsRptReport(gzipSync(json));
      console.log(JSON.stringify([gzipped.report.end, gzipped.summary[0].successful, TLSRPT_MAX_BYTES,
        readTlsRptReport(new TextEncoder().encode('[]')).error.code]));`);
    expect(results).toEqual(['2026-12-01T00:00:00.000Z', 3, 10485760, 'not-a-report']);
  });
});
