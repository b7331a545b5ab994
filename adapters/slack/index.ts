import { App } from '@slack/bolt';
import type { Logger } from 'pino';
import type { ChatMessage } from '../../src/command/chat-message.js';
import type { CommandHandler } from '../../src/command/command-handler.js';
import type { UploadHandler } from '../../src/command/report-upload.js';
import { createBoltLogger } from './bolt-logger.js';
import { createChannelPacer } from './channel-pacer.js';
import { createInFlight } from './in-flight.js';
import { postToChannel } from './post-to-channel.js';
import { renderPosts } from './render-posts.js';
import { registerReportUploads } from './report-upload.js';
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
  /** Reads report files shared into channels the bot is in; without it they are ignored. */
  uploads?: UploadHandler;
  logger: Logger;
  /** Spacing of posts to one channel once a short burst is spent; default 1000 (Slack allows about 1 per second). */
  postIntervalMs?: number;
}

export interface SlackAdapter {
  /** Stops taking requests, then lets in-flight replies finish; safe to call more than once. */
  stop(): Promise<void>;
  /** The bound port in HTTP mode. */
  port?: number;
  /**
   * Posts to a channel with no command behind it (a scheduled digest): the message(s) with their thread of fixes
   * or details, paced with the replies to commands; rejects with Slack's error when a post fails.
   */
  post(channelId: string, message: ChatMessage): Promise<void>;
}

/** Bound every Web API call: a hung Slack must not hold a reply (or shutdown) for the client's default half hour. */
const CLIENT_OPTIONS = { timeout: 10_000, retryConfig: { retries: 2 } };
/** Posts a quiet channel takes at once before the interval applies: Slack tolerates short bursts. */
const POST_BURST = 3;

export async function startSlackAdapter(options: SlackAdapterOptions): Promise<SlackAdapter> {
  const { appToken, signingSecret, core, logger } = options;
  const clientOptions = { ...CLIENT_OPTIONS, ...(options.apiUrl === undefined ? {} : { slackApiUrl: options.apiUrl }) };
  const boltLogger = createBoltLogger(logger);
  let app: App;
  if (appToken !== undefined) {
    app = new App({ token: options.botToken, socketMode: true, appToken, clientOptions, logger: boltLogger });
  } else if (signingSecret !== undefined) {
    app = new App({ token: options.botToken, signingSecret, clientOptions, logger: boltLogger });
  } else {
    throw new Error('Slack needs SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode)');
  }
  const inFlight = createInFlight();
  const pacer = createChannelPacer({ intervalMs: options.postIntervalMs ?? 1000, burst: POST_BURST });
  registerSlashCommand(app, { core, inFlight, logger, pacer });
  registerRescanAction(app, { core, inFlight, logger, pacer });
  if (options.uploads) {
    const apiUrl = options.apiUrl ?? 'https://slack.com/api/';
    registerReportUploads(app, { uploads: options.uploads, apiUrl, inFlight, logger });
  }
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
    return { stop, post };
  }
  const address = (await app.start(options.port)).address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  logger.info({ port }, 'Slack adapter listening for HTTP requests on /slack/events');
  return { stop, port, post };
}
