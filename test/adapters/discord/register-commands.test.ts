import { afterEach, describe, expect, it } from 'vitest';
import { registerDiscordCommands } from '../../../adapters/discord/register-commands.js';
import { APP_ID, type FakeDiscord, startFakeDiscord } from './fake-discord.js';

const TOKEN = 'fake-bot-token.for-tests.only';
let fake: FakeDiscord | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const MTASTS = {
  name: 'mtasts',
  type: 1,
  description: "Check a mail domain's MTA-STS and TLS-RPT setup",
  options: [
    {
      type: 3,
      name: 'domain',
      description: 'A domain to check (example.com), or: watch/unwatch <domain>, watches, digest now|daily|off, help',
      required: true,
      max_length: 512,
    },
  ],
  integration_types: [0],
  contexts: [0, 1],
};

describe('registerDiscordCommands', () => {
  it('bulk-overwrites the guild commands with /mtasts domain:<string> when a guild is given', async () => {
    fake = await startFakeDiscord();

    await registerDiscordCommands({ token: TOKEN, appId: APP_ID, guildId: '900000000000000001', apiUrl: fake.apiUrl });

    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({
      method: 'PUT',
      route: `/applications/${APP_ID}/guilds/900000000000000001/commands`,
      authorization: `Bot ${TOKEN}`,
      body: [MTASTS],
    });
  });

  it('bulk-overwrites the global commands when no guild is given', async () => {
    fake = await startFakeDiscord();

    await registerDiscordCommands({ token: TOKEN, appId: APP_ID, apiUrl: fake.apiUrl });

    expect(fake.requests.map(({ method, route, body }) => ({ method, route, body }))).toEqual([
      { method: 'PUT', route: `/applications/${APP_ID}/commands`, body: [MTASTS] },
    ]);
  });

  it("throws Discord's error when the token is refused", async () => {
    fake = await startFakeDiscord();
    fake.refuseToken = true;

    await expect(registerDiscordCommands({ token: TOKEN, appId: APP_ID, apiUrl: fake.apiUrl })).rejects.toThrow(
      /Unauthorized/,
    );
  });
});
