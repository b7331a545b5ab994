import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { writeModuleRecorder } from './fixture/module-recorder.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Runs an ES module snippet from the package root, importing the package by its name as a user would. */
function runAsUser(code: string, nodeArgs: string[] = []): unknown {
  return JSON.parse(
    execFileSync(process.execPath, [...nodeArgs, '--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8' }),
  );
}

const exportedNames = (entry: string) =>
  runAsUser(`console.log(JSON.stringify(Object.keys(await import('${entry}')).sort()))`);

/** Reports every module the process resolves (ours, packages, built-ins) on stderr; see module-recorder.ts. */
const recorderDir = mkdtempSync(join(tmpdir(), 'mtasts-entries-'));
afterAll(() => rmSync(recorderDir, { recursive: true, force: true }));
const RECORDER = writeModuleRecorder(recorderDir);

/** Every module URL that importing the entry resolves, in a fresh process with the recorder registered first. */
function loadedUrls(entry: string): string[] {
  const child = spawnSync(
    process.execPath,
    ['--import', RECORDER, '--input-type=module', '-e', `await import('${entry}');`],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (child.status !== 0) throw new Error(child.stderr);
  return child.stderr
    .split('\n')
    .filter((line) => line.startsWith('resolved '))
    .map((line) => line.slice('resolved '.length));
}

const packagesIn = (urls: string[]) =>
  [...new Set(urls.flatMap((url) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1] ?? []))].sort();

describe('the library entries', () => {
  it('mtasts: the scanner, the judge and the parsers', () => {
    expect(exportedNames('mtasts')).toEqual([
      'FINDING_CATALOG',
      'FINDING_CODES',
      'InvalidDomainError',
      'ResolverUnreachableError',
      'TLSRPT_MAX_BYTES',
      'TLSRPT_REJECTION_CODES',
      'TLSRPT_WARNING_CODES',
      'buildReport',
      'certNameMatches',
      'createNodeResolver',
      'mxPatternMatches',
      'normalizeDomainInput',
      'openSqliteStore',
      'parseStsPolicy',
      'parseStsRecord',
      'parseTlsRptRecord',
      'readTlsRptReport',
      'reportSchema',
      'scan',
      'selectStsRecords',
      'selectTlsRptRecords',
      'trustingAlso',
    ]);
  });

  it('mtasts/parsers: the pure parsers and the TLS-RPT report reader', () => {
    expect(exportedNames('mtasts/parsers')).toEqual([
      'TLSRPT_MAX_BYTES',
      'TLSRPT_REJECTION_CODES',
      'TLSRPT_WARNING_CODES',
      'certNameMatches',
      'mxPatternMatches',
      'parseStsPolicy',
      'parseStsRecord',
      'parseTlsRptRecord',
      'readTlsRptReport',
      'selectStsRecords',
      'selectTlsRptRecords',
    ]);
  });

  it('mtasts/store: the store', () => {
    expect(exportedNames('mtasts/store')).toEqual(['DEFAULT_DB_PATH', 'openSqliteStore', 'openStore']);
  });

  it('mtasts/parsers loads no third-party package (tr46 waits for a non-ASCII name) and no I/O module of ours', () => {
    const urls = loadedUrls('mtasts/parsers');
    // The recorder saw the import itself: an empty list would prove nothing.
    expect(urls.some((url) => url.endsWith('/dist/src/parsers/sts-record.js'))).toBe(true);
    expect(packagesIn(urls)).toEqual([]);
    const ours = urls.filter((url) => url.startsWith('file:')).map((url) => url.slice(url.indexOf('/dist/src/') + 10));
    expect(
      ours.filter((path) => !/^(parsers-entry\.js|parsers\/|tlsrpt\/|text\/|domain\/a-label-name\.js)/.test(path)),
    ).toEqual([]);
    const builtins = urls.filter((url) => url.startsWith('node:'));
    expect([...new Set(builtins)].sort()).toEqual(['node:module', 'node:zlib']);
  });

  it('the recorder sees what mtasts itself loads (undici, SQLite, zod), so its silence above means something', () => {
    expect(packagesIn(loadedUrls('mtasts'))).toEqual(expect.arrayContaining(['better-sqlite3', 'undici', 'zod']));
  });

  it('mtasts/store loads neither pg nor a chat platform until a store is opened', () => {
    const loaded = packagesIn(loadedUrls('mtasts/store'));
    for (const heavy of ['pg', 'undici', 'discord.js', '@slack/bolt', '@slack/web-api'])
      expect(loaded).not.toContain(heavy);
  });
});
