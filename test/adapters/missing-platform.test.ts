import { describe, expect, it } from 'vitest';
import { missingPlatformMessage } from '../../adapters/missing-platform.js';
import type { DiscordConfig, SlackConfig } from '../../src/config/env-config.js';

const SLACK: SlackConfig = { botToken: 'xoxb-1', appToken: 'xapp-1', port: 3000 };
const DISCORD: DiscordConfig = { token: 'token', appId: '123456789012345678' };
const NOTHING = { slack: null, discord: null, console: false };

describe('missingPlatformMessage', () => {
  it('refuses with one line naming the variables to set when nothing is configured and there is no terminal', () => {
    expect(missingPlatformMessage(NOTHING, false)).toBe(
      'no chat platform configured: set SLACK_BOT_TOKEN with SLACK_APP_TOKEN or SLACK_SIGNING_SECRET, ' +
        'or DISCORD_TOKEN with DISCORD_APP_ID (MTASTS_CONSOLE=1 opens the console prompt without a terminal)',
    );
  });

  it('lets the console open on a terminal', () => {
    expect(missingPlatformMessage(NOTHING, true)).toBeNull();
  });

  it('lets the console open without a terminal when MTASTS_CONSOLE asks for it', () => {
    expect(missingPlatformMessage({ ...NOTHING, console: true }, false)).toBeNull();
  });

  it('starts a configured platform without a terminal', () => {
    expect(missingPlatformMessage({ ...NOTHING, slack: SLACK }, false)).toBeNull();
    expect(missingPlatformMessage({ ...NOTHING, discord: DISCORD }, false)).toBeNull();
  });
});
