import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { writeModuleRecorder } from '../fixture/module-recorder.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin/mtasts');
const dir = mkdtempSync(join(tmpdir(), 'mtasts-startup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Registered with --import before bin/mtasts runs: reports every module the CLI resolves on stderr.
const RECORDER = writeModuleRecorder(dir);

function loadedBy(args: string[], env: Record<string, string> = {}): Promise<{ code: number; modules: string[] }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', RECORDER, BIN, ...args], {
      env: { PATH: process.env['PATH'] ?? '', TMPDIR: dir, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('close', (code) => {
      const urls = stderr
        .split('\n')
        .filter((line) => line.startsWith('resolved '))
        .map((line) => line.slice('resolved '.length).replace(pathToFileURL(ROOT).href, ''));
      resolve({ code: code ?? -1, modules: [...new Set(urls)].filter((url) => !url.startsWith('node:')) });
    });
  });
}

/** The entry and the small chunks it shares with the subcommands (exit codes, argument parsing). */
const ENTRY_ONLY = /^(bin\/mtasts|dist\/cli\/main\.js|dist\/cli\/chunks\/chunk-\w+\.js)$/;

describe('what bin/mtasts loads', () => {
  it('--help: the bundled entry alone, no package and no subcommand', async () => {
    const run = await loadedBy(['--help']);
    expect(run.code).toBe(0);
    expect(run.modules.slice(0, 2)).toEqual(['bin/mtasts', 'dist/cli/main.js']);
    expect(run.modules.filter((url) => !ENTRY_ONLY.test(url))).toEqual([]);
  });

  it('a usage error: the same, nothing more', async () => {
    const run = await loadedBy(['probe', 'example.com']);
    expect(run.code).toBe(2);
    expect(run.modules.slice(0, 2)).toEqual(['bin/mtasts', 'dist/cli/main.js']);
    expect(run.modules.filter((url) => !ENTRY_ONLY.test(url))).toEqual([]);
  });

  it('scan refused for its environment: the scan chunk, but no store driver', async () => {
    const run = await loadedBy(['scan', 'example.com'], { MTASTS_POLICY_PORT: '99999' });
    expect(run.code).toBe(2);
    expect(run.modules.some((url) => /^dist\/cli\/chunks\/scan-command-\w+\.js$/.test(url))).toBe(true);
    expect(run.modules.filter((url) => url.includes('node_modules') || url.includes('store'))).toEqual([]);
  });

  it('tlsrpt: its own chunk, without the scanner', async () => {
    const run = await loadedBy(['tlsrpt', join(dir, 'missing.json')]);
    expect(run.code).toBe(2);
    expect(run.modules.some((url) => /^dist\/cli\/chunks\/tlsrpt-command-\w+\.js$/.test(url))).toBe(true);
    expect(run.modules.filter((url) => /scan-command|node_modules/.test(url))).toEqual([]);
  });
});
