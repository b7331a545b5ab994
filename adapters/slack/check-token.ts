import { webApi } from '@slack/bolt';

/**
 * Calls auth.test once before the app starts, so a bad token or no route to Slack stops start-up with one line
 * naming what failed, instead of an unhandled rejection from Bolt's own check in the background.
 */
export async function checkSlackToken(token: string, clientOptions: webApi.WebClientOptions): Promise<void> {
  try {
    await new webApi.WebClient(token, clientOptions).auth.test();
  } catch (error) {
    const url = clientOptions.slackApiUrl ?? 'https://slack.com/api/';
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Slack: could not check SLACK_BOT_TOKEN with auth.test at ${url}: ${reason}`);
  }
}
