import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SlackAdapter, startSlackAdapter } from '../../../adapters/slack/index.js';
import { slackInstallations } from '../../../adapters/slack/slack-installations.js';
import { createCommandCore } from '../../../src/command/command-core.js';
import { createSealer } from '../../../src/store/seal.js';
import { openSqliteStore, type SqliteStore } from '../../../src/store/sqlite-store.js';
import type { Channel } from '../../../src/store/watch-store.js';
import { FIXTURE_NOW, reportFixture } from '../../command/report-fixture.js';
import { type FakeSlackApi, startFakeSlackApi } from './fake-slack-api.js';
import { sampleDigest } from './sample-messages.js';
import { signSlackRequest } from './sign-slack-request.js';
import { eventBody, slashCommandBody } from './slack-requests.js';

const SIGNING_SECRET = 'oauth-signing-secret';
const TEAM_A = { code: 'code-a', teamId: 'TA', botToken: 'xoxb-team-a' };
const TEAM_B = { code: 'code-b', teamId: 'TB', botToken: 'xoxb-team-b' };
const channelIn = (workspaceId: string): Channel => ({ platform: 'slack', workspaceId, channelId: 'C1' });

let fake: FakeSlackApi;
let store: SqliteStore;
let adapter: SlackAdapter;
let base: string;

beforeEach(async () => {
  fake = await startFakeSlackApi();
  fake.installs = [TEAM_A, TEAM_B];
  store = openSqliteStore(':memory:');
  const core = createCommandCore({
    scan: async (domain) => reportFixture({ domain }),
    watches: store,
    now: () => FIXTURE_NOW,
  });
  adapter = await startSlackAdapter({
    oauth: {
      clientId: fake.clientId,
      clientSecret: fake.clientSecret,
      stateSecret: 'state-secret',
      installations: slackInstallations(store, createSealer(randomBytes(32))),
    },
    signingSecret: SIGNING_SECRET,
    port: 0,
    apiUrl: fake.apiUrl,
    core,
    logger: pino({ level: 'silent' }),
    postIntervalMs: 0,
  });
  base = `http://127.0.0.1:${adapter.port}`;
});

afterEach(async () => {
  await adapter.stop();
  await fake.close();
  store.close();
});

/** The browser's part: "Add to Slack", consent on slack.com (the fake hands out `code`), back to the redirect URL. */
async function install(code: string): Promise<Response> {
  const start = await fetch(`${base}/slack/install`, { redirect: 'manual' });
  expect(start.status).toBe(302);
  const consent = new URL(start.headers.get('location')!);
  expect(consent.origin + consent.pathname).toBe('https://slack.com/oauth/v2/authorize');
  expect(consent.searchParams.get('scope')).toBe(
    'commands,chat:write,chat:write.public,files:read,channels:history,groups:history',
  );
  const cookie = start.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  const state = consent.searchParams.get('state')!;
  return fetch(`${base}/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(state)}`, { headers: { cookie } });
}

function send(body: string, contentType?: string): Promise<Response> {
  const headers = {
    ...signSlackRequest(SIGNING_SECRET, body),
    ...(contentType ? { 'content-type': contentType } : {}),
  };
  return fetch(`${base}/slack/events`, { method: 'POST', headers, body });
}

const command = (teamId: string, text: string) =>
  send(slashCommandBody({ text, responseUrl: fake.responseUrl, teamId }));
const uninstallEvent = (teamId: string, event: Record<string, unknown>) =>
  send(eventBody(teamId, event), 'application/json');

async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('Slack OAuth installs into many workspaces', () => {
  it('installs two teams, each answered with its own token, and keeps the tokens sealed in the store', async () => {
    expect((await install(TEAM_A.code)).status).toBe(200);
    expect((await install(TEAM_B.code)).status).toBe(200);
    expect(fake.callsTo('oauth.v2.access').map((call) => call.body.code)).toEqual(['code-a', 'code-b']);

    const sealed = await store.installation({ platform: 'slack', workspaceId: 'TA' });
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain('xoxb-team-a');

    expect((await command('TA', 'watch a.example')).status).toBe(200);
    const [fromA] = await fake.waitForCalls('chat.postMessage', 1);
    expect(fromA!.token).toBe('xoxb-team-a');
    expect((await command('TB', 'watch b.example')).status).toBe(200);
    const [, fromB] = await fake.waitForCalls('chat.postMessage', 2);
    expect(fromB!.token).toBe('xoxb-team-b');

    // A digest has no request behind it: the channel's workspace picks the token.
    await adapter.post({ platform: 'slack', workspaceId: 'TB', channelId: 'C9' }, sampleDigest());
    await adapter.post({ platform: 'slack', workspaceId: 'TA', channelId: 'C9' }, sampleDigest());
    const digests = fake
      .callsTo('chat.postMessage')
      .filter((call) => call.body.channel === 'C9' && call.body.thread_ts === undefined);
    expect(digests.map((call) => call.token)).toEqual(['xoxb-team-b', 'xoxb-team-a']);
  });

  it('refuses a redirect whose state was not issued by this app', async () => {
    const forged = await fetch(`${base}/slack/oauth_redirect?code=${TEAM_A.code}&state=forged`);
    expect(forged.status).not.toBe(200);
    expect(fake.callsTo('oauth.v2.access')).toEqual([]);
    expect(await store.installation({ platform: 'slack', workspaceId: 'TA' })).toBeNull();
  });

  it('never lets one team see or change another team’s watches, even on the same channel id', async () => {
    await install(TEAM_A.code);
    await install(TEAM_B.code);
    await command('TA', 'watch a.example');
    await fake.waitForCalls('chat.postMessage', 1);

    await command('TB', 'unwatch a.example');
    const [refused] = await fake.waitForCalls('respond', 1);
    expect(refused!.body.text).toBe(
      ':white_circle: This channel does not watch a.example; `/mtasts watches` lists what it does watch.',
    );
    await command('TB', 'watches');
    const [, listed] = await fake.waitForCalls('respond', 2);
    expect(JSON.stringify(listed!.body)).not.toContain('a.example');

    expect(await store.watches(channelIn('TA'))).toEqual(['a.example']);
    expect(await store.watches(channelIn('TB'))).toEqual([]);
  });

  it('forgets an uninstalled team: token deleted, watches and schedules gone, no more requests or posts for it', async () => {
    await install(TEAM_A.code);
    await install(TEAM_B.code);
    await command('TA', 'watch a.example');
    await command('TB', 'watch b.example');
    await fake.waitForCalls('chat.postMessage', 2);
    await command('TB', 'digest daily');
    await fake.waitForCalls('chat.postMessage', 3);

    expect((await uninstallEvent('TB', { type: 'app_uninstalled' })).status).toBe(200);
    await until(
      async () => (await store.installation({ platform: 'slack', workspaceId: 'TB' })) === null,
      'the uninstall',
    );

    expect(await store.watches(channelIn('TB'))).toEqual([]);
    expect(await store.schedule(channelIn('TB'))).toBeNull();
    expect((await store.digestChannels()).map((state) => state.channel.workspaceId)).toEqual(['TA']);
    await expect(
      adapter.post({ platform: 'slack', workspaceId: 'TB', channelId: 'C1' }, sampleDigest()),
    ).rejects.toThrow('no installation for Slack team TB');

    const before = fake.calls.length;
    await command('TB', 'watch b.example');
    await command('TA', 'watches');
    await fake.waitForCalls('chat.postMessage', 4);
    const after = fake.calls.slice(before);
    expect(after.filter((call) => call.token === 'xoxb-team-b')).toEqual([]);
    expect(after.filter((call) => call.token === 'xoxb-team-a').length).toBeGreaterThan(0);
    expect(await store.watches(channelIn('TB'))).toEqual([]);
    expect(await store.watches(channelIn('TA'))).toEqual(['a.example']);
  });

  it('forgets a team whose bot token was revoked, but not one that only lost user tokens', async () => {
    await install(TEAM_A.code);
    await install(TEAM_B.code);
    await uninstallEvent('TA', { type: 'tokens_revoked', tokens: { oauth: ['U1'] } });
    await uninstallEvent('TB', { type: 'tokens_revoked', tokens: { bot: ['UBOT'] } });
    await until(
      async () => (await store.installation({ platform: 'slack', workspaceId: 'TB' })) === null,
      'the revocation',
    );
    expect(await store.installation({ platform: 'slack', workspaceId: 'TA' })).not.toBeNull();
  });
});
