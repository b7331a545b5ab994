import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ID, type FakeDiscord, startFakeDiscord } from '../adapters/discord/fake-discord.js';

const BIN = fileURLToPath(new URL('../../bin/mtasts', import.meta.url));
const GUILD = '900000000000000001';
let discord: FakeDiscord;

beforeAll(async () => {
  discord = await startFakeDiscord();
});

afterAll(async () => {
  await discord?.close();
});

function mtasts(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      BIN,
      args,
      { env: { PATH: process.env['PATH'] ?? '', ...env }, timeout: 15_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('mtasts discord register (CLI)', () => {
  it('registers /mtasts in one guild through the configured API', async () => {
    const run = await mtasts(['discord', 'register', '--guild', GUILD], {
      DISCORD_TOKEN: 'test-token',
      DISCORD_APP_ID: APP_ID,
      DISCORD_API_URL: discord.apiUrl,
    });
    expect(run).toMatchObject({ code: 0, stdout: `Registered /mtasts in guild ${GUILD}.\n` });
    const put = discord.requests.find(
      (r) => r.method === 'PUT' && r.route === `/applications/${APP_ID}/guilds/${GUILD}/commands`,
    );
    expect(put?.body).toEqual([expect.objectContaining({ name: 'mtasts' })]);
    expect(put?.authorization).toBe('Bot test-token');
  });

  it.each([
    [['discord', 'register'], {}, 'DISCORD_TOKEN is not set'],
    [['discord', 'register'], { DISCORD_TOKEN: 't' }, 'DISCORD_APP_ID is not set'],
    [
      ['discord', 'register', '--guild', 'general'],
      { DISCORD_TOKEN: 't', DISCORD_APP_ID: APP_ID },
      '--guild must be a Discord guild id (17-20 digits)',
    ],
    [
      ['discord', 'unregister'],
      { DISCORD_TOKEN: 't', DISCORD_APP_ID: APP_ID },
      'usage: mtasts discord register [--guild <id>]',
    ],
  ])('refuses %j with exit 2 and one line', async (args, env, message) => {
    const run = await mtasts(args, env);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`mtasts: ${message}\n`);
  });
});
