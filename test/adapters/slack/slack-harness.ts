import { pino } from 'pino';
import { type SlackAdapter, type SlackAdapterOptions, startSlackAdapter } from '../../../adapters/slack/index.js';
import type { CommandHandler } from '../../../src/command/command-handler.js';
import { type FakeSlackApi, startFakeSlackApi } from './fake-slack-api.js';
import { signSlackRequest } from './sign-slack-request.js';

export const SIGNING_SECRET = 'test-signing-secret';

/** A real Bolt app in HTTP mode on 127.0.0.1 whose Web API is the fake; `post` sends a signed request to it. */
export interface SlackHarness {
  fake: FakeSlackApi;
  adapter: SlackAdapter;
  post(body: string, secret?: string, timestamp?: number): Promise<Response>;
  /** Sends a signed Events API callback (JSON) for `event`. */
  postEvent(event: Record<string, unknown>): Promise<Response>;
  close(): Promise<void>;
}

/** Posts to a channel are not paced unless a test asks for it; `options` adds or replaces adapter options. */
export async function startSlackHarness(
  core: CommandHandler,
  options: Partial<Omit<SlackAdapterOptions, 'core'>> = {},
): Promise<SlackHarness> {
  const fake = await startFakeSlackApi();
  const adapter = await startSlackAdapter({
    botToken: 'xoxb-test',
    signingSecret: SIGNING_SECRET,
    port: 0,
    apiUrl: fake.apiUrl,
    core,
    logger: pino({ level: 'silent' }),
    postIntervalMs: 0,
    ...options,
  });
  return {
    fake,
    adapter,
    post: (body, secret = SIGNING_SECRET, timestamp) =>
      fetch(`http://127.0.0.1:${adapter.port}/slack/events`, {
        method: 'POST',
        headers: signSlackRequest(secret, body, timestamp),
        body,
      }),
    postEvent: (event) => {
      const body = JSON.stringify({
        token: 'legacy',
        team_id: 'T1',
        api_app_id: 'A1',
        type: 'event_callback',
        event_id: `Ev${Date.now()}`,
        event_time: 1,
        event,
      });
      return fetch(`http://127.0.0.1:${adapter.port}/slack/events`, {
        method: 'POST',
        headers: { ...signSlackRequest(SIGNING_SECRET, body), 'content-type': 'application/json' },
        body,
      });
    },
    close: async () => {
      await adapter.stop();
      await fake.close();
    },
  };
}
