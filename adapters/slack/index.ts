import { App, HTTPReceiver } from '@slack/bolt';
import type { Logger } from 'pino';
import type { ChatMessage } from '../../src/command/chat-message.js';
import type { CommandHandler } from '../../src/command/command-handler.js';
import { createBoltLogger } from './bolt-logger.js';
import { createChannelPacer } from './channel-pacer.js';
import { checkSlackToken } from './check-token.js';
import { createInFlight } from './in-flight.js';
import { postToChannel } from './post-to-channel.js';
import { renderPosts } from './render-posts.js';
import { guardReplays } from './replay-guard.js';
import { registerRescanAction } from './rescan-action.js';
import { registerSlashCommand } from './slash-command.js';

export interface SlackAdapterOptions {
  botToken: string;
  /** HTTP mode: Bolt verifies every request's signature with it. */
  signingSecret?: string;
  /** Socket Mode (xapp-…); wins over signingSecret when both are set. */
  appToken?: string;
  /** HTTP mode listen port; 0 picks a free one. */
  port: number;
  /** Web API base, e.g. GovSlack's or a test fake; default https://slack.com/api/. */
  apiUrl?: string;
  core: CommandHandler;
  logger: Logger;
  /** User ids that alone may change channels' watches and digest schedules; unset = anyone in the channel. */
  managers?: readonly string[];
  /** Spacing of posts to one channel once a short burst is spent; default 1000 (Slack allows about 1 per second). */
  postIntervalMs?: number;
}

export interface SlackAdapter {
  /** Stops taking requests, then lets in-flight replies finish; safe to call more than once. */
  stop(): Promise<void>;
  /** Replies and posts still in flight. */
  pending(): number;
  /** The bound port in HTTP mode. */
  port?: number;
  /**
   * Posts to a channel with no command behind it (a scheduled digest): the message(s) with their thread of fixes
   * or details, paced with the replies to commands; rejects with Slack's error when a post fails.
   */
  post(channelId: string, message: ChatMessage): Promise<void>;
}

/**
 * Bound every Web API call: a hung Slack must not hold a reply (or shutdown) for the client's default half hour.
 * A 429 is handed back instead of waited out (Retry-After: 60 would hold the answer minutes): see rate-limit.ts.
 */
const CLIENT_OPTIONS = { timeout: 10_000, retryConfig: { retries: 2 }, rejectRateLimitedCalls: true };
/** Posts a quiet channel takes at once before the interval applies: Slack tolerates short bursts. */
const POST_BURST = 3;

export async function startSlackAdapter(options: SlackAdapterOptions): Promise<SlackAdapter> {
  const { appToken, signingSecret, core, logger } = options;
  const clientOptions = { ...CLIENT_OPTIONS, ...(options.apiUrl === undefined ? {} : { slackApiUrl: options.apiUrl }) };
  const boltLogger = createBoltLogger(logger);
  // Only a configuration that could start goes to Slack to check its token.
  if (appToken !== undefined || signingSecret !== undefined) await checkSlackToken(options.botToken, { ...clientOptions, logger: boltLogger });
  let app: App;
  if (appToken !== undefined) {
    app = new App({ token: options.botToken, socketMode: true, appToken, clientOptions, logger: boltLogger });
  } else if (signingSecret !== undefined) {
    const receiver = new HTTPReceiver({ signingSecret, logger: boltLogger });
    guardReplays(receiver, { signingSecret, logger });
    app = new App({ token: options.botToken, receiver, clientOptions, logger: boltLogger });
  } else {
    throw new Error('Slack needs SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode)');
  }
  const inFlight = createInFlight();
  const pacer = createChannelPacer({ intervalMs: options.postIntervalMs ?? 1000, burst: POST_BURST });
  const managers = options.managers === undefined ? undefined : new Set(options.managers);
  registerSlashCommand(app, { core, inFlight, logger, pacer, managers });
  registerRescanAction(app, { core, inFlight, logger, pacer });
  app.error(async (err) => {
    logger.error({ err }, 'Slack listener failed');
  });

  // SIGTERM and SIGINT may both arrive: every caller waits on the one shutdown.
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= app.stop().then(() => inFlight.drain());
    return stopping;
  };
  const post = (channelId: string, message: ChatMessage): Promise<void> =>
    inFlight.track(
      (async () => {
        const result = await postToChannel({ client: app.client, channelId, pacer }, renderPosts(message, logger));
        if (!result.ok) throw result.error;
      })(),
    );
  if (appToken !== undefined) {
    await app.start();
    logger.info('Slack adapter connected in Socket Mode');
    return { stop, post, pending: inFlight.size };
  }
  const address = (await app.start(options.port)).address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  logger.info({ port }, 'Slack adapter listening for HTTP requests on /slack/events');
  return { stop, port, post, pending: inFlight.size };
}
