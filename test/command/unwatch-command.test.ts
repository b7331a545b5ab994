import { describe, expect, it } from 'vitest';
import { plainText } from '../chat/plain-text.js';
import { asNotice, HERE, useWatchHarness } from './watch-harness.js';

const setup = useWatchHarness();

describe('unwatchCommand', () => {
  it('removes the domain from this channel only and tells the channel', async () => {
    const { ask, store } = setup();
    await ask('watch a.example');
    await ask('watch b.example');
    await ask('watch a.example', { channelId: 'C2' });
    const done = asNotice(await ask('unwatch A.example.'));
    expect(done).toEqual({
      kind: 'notice',
      code: 'unwatched',
      tone: 'neutral',
      private: false,
      text: ['Stopped watching a.example in this channel.'],
    });
    expect(await store.watches(HERE)).toEqual(['b.example']);
    expect(await store.watches({ ...HERE, channelId: 'C2' })).toEqual(['a.example']);
  });

  it('says the digests stop when the last domain goes', async () => {
    const { ask, store } = setup();
    await ask('watch a.example');
    expect(plainText(asNotice(await ask('unwatch a.example')).text)).toBe(
      'Stopped watching a.example in this channel. It watches nothing now, so its digests stop until a domain is watched again.',
    );
    expect(await store.digestChannels()).toEqual([]);
  });

  it('answers privately when the channel does not watch the domain, and scans nothing', async () => {
    const { ask, scanned } = setup();
    await ask('watch a.example', { channelId: 'C2' });
    const notice = asNotice(await ask('unwatch a.example'));
    expect(notice).toMatchObject({ code: 'not-watching', private: true, tone: 'neutral' });
    expect(plainText(notice.text)).toBe('This channel does not watch a.example; {watches} lists what it does watch.');
    expect(scanned).toEqual(['a.example']);
  });
});
