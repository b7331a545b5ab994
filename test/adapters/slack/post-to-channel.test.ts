import { webApi } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelPacer } from '../../../adapters/slack/channel-pacer.js';
import { slackErrorCode } from '../../../adapters/slack/deliver.js';
import type { SlackPayload } from '../../../adapters/slack/limits.js';
import { type ChannelTarget, postToChannel } from '../../../adapters/slack/post-to-channel.js';
import { type FakeSlackApi, startFakeSlackApi } from './fake-slack-api.js';

const payload = (text: string): SlackPayload => ({
  text,
  blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
});

let fake: FakeSlackApi;
let target: ChannelTarget;
const turns: string[] = [];
beforeEach(async () => {
  fake = await startFakeSlackApi();
  const pacer: ChannelPacer = { turn: async (channelId) => void turns.push(channelId) };
  target = {
    client: new webApi.WebClient('xoxb-test', { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } }),
    channelId: 'C9',
    pacer,
  };
  turns.length = 0;
});
afterEach(async () => {
  await fake.close();
});

describe('postToChannel', () => {
  it('posts the messages in order, then threads every reply under the first message', async () => {
    const result = await postToChannel(target, {
      messages: [payload('part 1'), payload('part 2')],
      thread: [payload('detail 1'), payload('detail 2')],
    });
    expect(result).toEqual({ ok: true, ts: '1700000000.000001' });
    const posts = fake.callsTo('chat.postMessage');
    expect(posts.map((call) => [call.body.text, call.body.thread_ts])).toEqual([
      ['part 1', undefined],
      ['part 2', undefined],
      ['detail 1', posts[0]!.reply?.ts],
      ['detail 2', posts[0]!.reply?.ts],
    ]);
    expect(
      posts.every(
        (call) =>
          call.body.channel === 'C9' && call.body.unfurl_links === 'false' && call.body.unfurl_media === 'false',
      ),
    ).toBe(true);
  });

  it('takes a pacing turn for the channel before every post', async () => {
    await postToChannel(target, { messages: [payload('a'), payload('b')], thread: [payload('c')] });
    expect(turns).toEqual(['C9', 'C9', 'C9']);
  });

  it('waits for its turn: nothing is posted before the pacer allows it', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const held = { ...target, pacer: { turn: () => gate } };
    const posting = postToChannel(held, { messages: [payload('a')], thread: [] });
    await new Promise((resolve) => setImmediate(resolve));
    expect(fake.callsTo('chat.postMessage')).toHaveLength(0);
    release();
    expect(await posting).toEqual({ ok: true, ts: '1700000000.000001' });
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('returns the failure as a value with how many posts went out, and stops there', async () => {
    fake.postMessageError = 'is_archived';
    fake.postsBeforeError = 2;
    const result = await postToChannel(target, {
      messages: [payload('a'), payload('b')],
      thread: [payload('c'), payload('d')],
    });
    expect(result).toMatchObject({ ok: false, posted: 2 });
    expect(!result.ok && slackErrorCode(result.error)).toBe('is_archived');
    expect(fake.callsTo('chat.postMessage')).toHaveLength(3);
  });

  it('reports a first post that failed as nothing posted', async () => {
    fake.postMessageError = 'not_in_channel';
    const result = await postToChannel(target, { messages: [payload('a')], thread: [payload('b')] });
    expect(result).toMatchObject({ ok: false, posted: 0 });
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });
});
