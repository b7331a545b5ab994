import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Runs an ES module snippet from the package root, importing the package by its name as a user would. */
function runAsUser(code: string): unknown {
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8' }));
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
});
