import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/mtasts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'mtasts-compile-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bin/mtasts start-up', () => {
  // Node 22.1+ has module.enableCompileCache; Node 20 does not, and the CLI must run there all the same.
  const cacheable = 'enableCompileCache' in module;

  it(`runs ${cacheable ? 'and fills the module compile cache' : 'without a module compile cache'} on Node ${process.versions.node}`, async () => {
    const usage = await new Promise<string>((resolve, reject) =>
      // The cache's default home is os.tmpdir()/node-compile-cache, so TMPDIR gives each run its own.
      execFile(process.execPath, [BIN, '--help'], { env: { TMPDIR: dir } }, (error, stdout) =>
        error ? reject(error) : resolve(stdout),
      ),
    );
    expect(usage.split('\n')[0]).toBe('Usage:');
    const cache = join(dir, 'node-compile-cache');
    if (cacheable) expect(readdirSync(cache, { recursive: true }).length).toBeGreaterThan(1);
    else expect(() => readdirSync(cache)).toThrow(/ENOENT/);
  });
});
