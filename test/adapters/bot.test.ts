import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { type BotIo, startBot } from '../../adapters/bot.js';
import { loadEnvConfig } from '../../src/config/env-config.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The console bot in this process: pipes for its streams, a fresh SQLite file, no network configured. */
function harness(): {
  io: BotIo;
  typed: PassThrough;
  out: () => string;
  err: () => string;
  exits: number[];
  db: string;
} {
  const dir = mkdtempSync(join(tmpdir(), 'mtasts-bot-'));
  dirs.push(dir);
  const typed = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exits: number[] = [];
  const io: BotIo = { stdin: typed, stdout, stderr, exit: (code) => void exits.push(code) };
  return { io, typed, out: () => out, err: () => err, exits, db: join(dir, 'bot.db') };
}

const env = (db: string) => ({ MTASTS_DB: db, MTASTS_CONSOLE: '1', LOG_LEVEL: 'silent' });

describe('startBot', () => {
  it('runs the console bot in process on a SQLite file, answers help in console words, and stops cleanly', async () => {
    const { io, typed, out, err, exits, db } = harness();
    const bot = await startBot(loadEnvConfig(env(db)), io);
    typed.write('help\n');
    await expect.poll(out).toContain('• "watches" — what this channel watches');
    expect(out()).toContain('mtasts: type "/mtasts example.com" (or just "example.com"), "help", or "quit".');
    expect(out()).not.toContain('`');

    expect(await bot.stop('test over')).toBe(0);
    expect(await bot.stopped).toBe(0);
    expect(exits).toEqual([]);
    expect(err()).toBe('');
    // The store was closed, not left locked: the file opens again with the schema the bot created.
    const reopened = openSqliteStore(db);
    expect(await reopened.watches({ platform: 'console', workspaceId: 'local', channelId: 'console' })).toEqual([]);
    await reopened.close();
  });

  it('stops by itself with exit code 0 when the console is quit', async () => {
    const { io, typed, db } = harness();
    const bot = await startBot(loadEnvConfig(env(db)), io);
    typed.write('quit\n');
    expect(await bot.stopped).toBe(0);
    expect(existsSync(db)).toBe(true);
  });

  it('refuses to start without a platform or a terminal, in one line and with exit code 2', async () => {
    const { io, err, db } = harness();
    const bot = await startBot(loadEnvConfig({ MTASTS_DB: db, LOG_LEVEL: 'silent' }), io);
    expect(await bot.stopped).toBe(2);
    expect(err()).toMatch(/^mtasts: [^\n]*MTASTS_CONSOLE=1 opens the console prompt without a terminal\)\n$/);
    expect(existsSync(db)).toBe(false);
  });
});
