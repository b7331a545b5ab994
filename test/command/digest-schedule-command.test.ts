import { describe, expect, it } from 'vitest';
import { plainText } from '../chat/plain-text.js';
import { asNotice, HERE, useWatchHarness } from './watch-harness.js';

const setup = useWatchHarness();

describe('digestScheduleCommand', () => {
  it('sets the channel’s schedule and tells the channel when the next digest comes, in its time zone', async () => {
    const { ask, store } = setup();
    await ask('watch example.com');
    const notice = asNotice(await ask('digest 08:30 Europe/Berlin'));
    expect(notice).toEqual({
      kind: 'notice',
      code: 'digest-schedule',
      tone: 'neutral',
      private: false,
      // 01:00 in Berlin at FIXTURE_NOW.
      text: [
        'Digest for this channel: daily at 08:30 Europe/Berlin · next digest Fri 1 Mar 08:30 Europe/Berlin (in 7 h 30 min).',
      ],
    });
    expect(await store.schedule(HERE)).toEqual({ every: 'day', hour: 8, minute: 30, timezone: 'Europe/Berlin' });
    expect(await store.schedule({ ...HERE, channelId: 'C2' })).toBeNull();
  });

  it('reads weekly as Mondays at 09:00 UTC unless told otherwise', async () => {
    const { ask, store } = setup();
    await ask('watch example.com');
    expect(plainText(asNotice(await ask('digest weekly')).text)).toBe(
      'Digest for this channel: weekly on Mondays at 09:00 UTC · next digest Mon 4 Mar 09:00 UTC (in 3 days).',
    );
    expect(await store.schedule(HERE)).toEqual({ every: 'week', hour: 9, minute: 0, timezone: 'UTC' });
  });

  it('turns digests off', async () => {
    const { ask, store } = setup();
    expect(plainText(asNotice(await ask('digest off')).text)).toBe(
      'Digests are off for this channel; {digest now} still posts one on demand.',
    );
    expect(await store.schedule(HERE)).toEqual({ every: 'off' });
  });

  it('sets a schedule before any watch, and says how to watch', async () => {
    const { ask } = setup();
    expect(plainText(asNotice(await ask('digest daily')).text)).toBe(
      'Digest for this channel: daily at 09:00 UTC · next digest Fri 1 Mar 09:00 UTC (in 9 h). It watches no domains yet: {watch example.com} adds one.',
    );
  });

  it('refuses an unknown time zone privately and keeps the schedule', async () => {
    const { ask, store } = setup();
    await ask('digest weekly');
    const refused = asNotice(await ask('digest 08:30 Europe/Atlantis'));
    expect(refused).toMatchObject({ private: true, tone: 'warning' });
    expect(plainText(refused.text)).toMatch(
      /^The digest schedule is unchanged: unknown time zone "Europe\/Atlantis": give an IANA name/,
    );
    expect(plainText(refused.text)).toContain('Use daily, weekly (Mondays), off or HH:MM');
    expect(await store.schedule(HERE)).toEqual({ every: 'week', hour: 9, minute: 0, timezone: 'UTC' });
  });

  it('refuses a time that is not one', async () => {
    const { ask } = setup();
    expect(plainText(asNotice(await ask('digest 25:00')).text)).toBe(
      'The digest schedule is unchanged: "25:00" is not a schedule. Use daily, weekly (Mondays), off or HH:MM, optionally followed by a time zone, e.g. "08:30 Europe/Berlin".',
    );
  });
});
