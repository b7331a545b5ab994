import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { type SlackAdapter, startSlackAdapter } from '../../../adapters/slack/index.js';
import { type FakeSlackApi, startFakeSlackApi } from './fake-slack-api.js';
import { signSlackRequest } from './sign-slack-request.js';
import { SIGNING_SECRET } from './slack-harness.js';
import { slashCommandBody } from './slack-requests.js';
import { createStubCore } from './stub-core.js';

let fake: FakeSlackApi;
let adapter: SlackAdapter;
afterEach(async () => {
  await adapter.stop();
  await fake.close();
});

describe('a Slack request without response_url (real Bolt)', () => {
  it('answers a private notice as an ephemeral message in the channel, and logs no error', async () => {
    fake = await startFakeSlackApi();
    const lines: Array<Record<string, unknown>> = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const notice = {
      kind: 'notice',
      code: 'usage',
      tone: 'neutral',
      private: true,
      text: ['Usage: ', { command: 'example.com' }],
    } as const;
    const core = createStubCore(() => notice);
    adapter = await startSlackAdapter({
      botToken: 'xoxb-test',
      signingSecret: SIGNING_SECRET,
      port: 0,
      apiUrl: fake.apiUrl,
      core,
      logger,
    });
    const body = slashCommandBody({ text: 'help', userId: 'U7' });

    await fetch(`http://127.0.0.1:${adapter.port}/slack/events`, {
      method: 'POST',
      headers: signSlackRequest(SIGNING_SECRET, body),
      body,
    });
    const [ephemeral] = await fake.waitForCalls('chat.postEphemeral', 1);
    await adapter.stop();

    expect(ephemeral!.body).toMatchObject({ channel: 'C1', user: 'U7' });
    expect(ephemeral!.body.text).toContain('Usage: `/mtasts example.com`');
    expect(lines.filter((line) => (line.level as number) >= 50)).toEqual([]);
  });
});
