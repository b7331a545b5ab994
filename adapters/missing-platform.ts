import type { EnvConfig } from '../src/config/env-config.js';

/**
 * With no chat platform configured `npm start` opens the console prompt, but only where someone can type at it: on
 * a terminal, or when MTASTS_CONSOLE asks for it (commands piped in). Anywhere else, a container or a service, the
 * prompt would read a closed stdin and stop at once with exit code 0, so a misconfigured deployment would look like
 * a clean stop: this is the one line to refuse with instead, or null when starting is fine.
 */
export function missingPlatformMessage(
  config: Pick<EnvConfig, 'slack' | 'discord' | 'console'>,
  stdinIsTerminal: boolean,
): string | null {
  if (config.slack !== null || config.discord !== null || config.console || stdinIsTerminal) return null;
  return (
    'no chat platform configured: set SLACK_BOT_TOKEN with SLACK_APP_TOKEN or SLACK_SIGNING_SECRET, ' +
    'or DISCORD_TOKEN with DISCORD_APP_ID (MTASTS_CONSOLE=1 opens the console prompt without a terminal)'
  );
}
