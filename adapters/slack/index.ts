import { App, type InstallationStore as BoltInstallationStore, HTTPReceiver, webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { ChatMessage } from '../../src/chat/chat-message.js';
import type { CommandHandler } from '../../src/command/command-handler.js';
import type { UploadHandler } from '../../src/command/report-upload.js';
import { type Metrics, NO_METRICS } from '../../src/metrics/metrics.js';
import { createBoltLogger } from './bolt-logger.js';
import { createChannelPacer } from './channel-pacer.js';
import { checkSlackToken } from './check-token.js';
import { createInFlight } from './in-flight.js';
import { postToChannel } from './post-to-channel.js';
import { renderPosts } from './render-posts.js';
import { guardReplays } from './replay-guard.js';
import { registerReportUploads } from './report-upload.js';
import { registerRescanAction } from './rescan-action.js';
import { teamBotToken } from './slack-installations.js';
import { SLACK_BOT_SCOPES } from './slack-scopes.js';
import { registerSlashCommand } from './slash-command.js';
import { registerUninstall } from './uninstall.js';
import { registerWatchAction } from './watch-action.js';

/** Many workspaces: Slack's OAuth install flow (/slack/install, /slack/oauth_redirect) in HTTP mode. */
export interface SlackOAuthOptions {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  /** Where each team's installation (its bot token) is kept; looked up for every request and every post. */
  installations: BoltInstallationStore;
}

export interface SlackAdapterOptions {
  /** One workspace: its bot token. */
  botToken?: string;
  /** Many workspaces, instead of botToken; needs signingSecret. */
  oauth?: SlackOAuthOptions;
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
  /** User ids that alone may change channels' watches and digest schedules; unset = anyone in the channel. */
  managers?: readonly string[];
  /** Spacing of posts to one channel once a short burst is spent; default 1000 (Slack allows about 1 per second). */
  postIntervalMs?: number;
  metrics?: Pick<Metrics, 'platformApiError' | 'platformApiRetry'>;
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
   * or details, paced with the replies to commands; rejects with Slack's error when a post fails. With OAuth,
   * `workspaceId` (the channel's team) picks the token, and a team without an installation is refused.
   */
  post(channelId: string, message: ChatMessage, workspaceId?: string): Promise<void>;
}

/**
 * Bound every Web API call: a hung Slack must not hold a reply (or shutdown) for the client's default half hour.
 * A 429 is handed back instead of waited out (Retry-After: 60 would hold the answer minutes): see rate-limit.ts.
 */
const CLIENT_OPTIONS = { timeout: 10_000, retryConfig: { retries: 2 }, rejectRateLimitedCalls: true };
/** Posts a quiet channel takes at once before the interval applies: Slack tolerates short bursts. */
const POST_BURST = 3;

export async function startSlackAdapter(options: SlackAdapterOptions): Promise<SlackAdapter> {
  const { appToken, signingSecret, oauth, core, logger, metrics = NO_METRICS } = options;
  const clientOptions = { ...CLIENT_OPTIONS, ...(options.apiUrl === undefined ? {} : { slackApiUrl: options.apiUrl }) };
  const boltLogger = createBoltLogger(logger);
  // Only a configuration that could start goes to Slack to check its token.
  if (options.botToken !== undefined && (appToken !== undefined || signingSecret !== undefined)) {
    await checkSlackToken(options.botToken, { ...clientOptions, logger: boltLogger });
  }
  let app: App;
  if (oauth !== undefined) {
    if (signingSecret === undefined) throw new Error('Slack OAuth installs need SLACK_SIGNING_SECRET (HTTP mode)');
    const { clientId, clientSecret, stateSecret, installations } = oauth;
    const receiver = new HTTPReceiver({
      signingSecret,
      clientId,
      clientSecret,
      stateSecret,
      scopes: SLACK_BOT_SCOPES,
      installationStore: installations,
      // "Add to Slack" goes straight to Slack's consent page.
      installerOptions: { directInstall: true, clientOptions },
      logger: boltLogger,
    });
    guardReplays(receiver, { signingSecret, logger });
    app = new App({ receiver, clientOptions, logger: boltLogger });
  } else if (options.botToken === undefined) {
    throw new Error('Slack needs SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID (OAuth installs)');
  } else if (appToken !== undefined) {
    app = new App({ token: options.botToken, socketMode: true, appToken, clientOptions, logger: boltLogger });
  } else if (signingSecret !== undefined) {
    const receiver = new HTTPReceiver({ signingSecret, logger: boltLogger });
    guardReplays(receiver, { signingSecret, logger });
    app = new App({ token: options.botToken, receiver, clientOptions, logger: boltLogger });
  } else {
    throw new Error('Slack needs SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode)');
  }
  const countRetries = (client: webApi.WebClient) => {
    client.on(webApi.WebClientEvent.RATE_LIMITED, () => metrics.platformApiRetry('slack'));
    return client;
  };
  countRetries(app.client);
  /** The client a post without a command behind it goes through: the team's own token with OAuth. */
  const clientFor = async (workspaceId: string | undefined): Promise<webApi.WebClient> => {
    if (oauth === undefined) return app.client;
    if (workspaceId === undefined)
      throw new Error("a post needs the channel's workspace when Slack is installed through OAuth");
    return countRetries(new webApi.WebClient(await teamBotToken(oauth.installations, workspaceId), clientOptions));
  };
  const inFlight = createInFlight();
  const pacer = createChannelPacer({ intervalMs: options.postIntervalMs ?? 1000, burst: POST_BURST });
  const managers = options.managers === undefined ? undefined : new Set(options.managers);
  registerSlashCommand(app, { core, inFlight, logger, pacer, managers, metrics });
  registerRescanAction(app, { core, inFlight, logger, pacer, metrics });
  registerWatchAction(app, { core, inFlight, logger, pacer, managers, metrics });
  if (oauth !== undefined) registerUninstall(app, { installations: oauth.installations, logger });
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
  const post = (channelId: string, message: ChatMessage, workspaceId?: string): Promise<void> =>
    inFlight.track(
      (async () => {
        const client = await clientFor(workspaceId);
        const result = await postToChannel({ client, channelId, pacer }, renderPosts(message, logger));
        if (result.ok) return;
        metrics.platformApiError('slack');
        throw result.error;
      })(),
    );
  if (appToken !== undefined) {
    await app.start();
    logger.info('Slack adapter connected in Socket Mode');
    return { stop, post, pending: inFlight.size };
  }
  const address = (await app.start(options.port)).address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  const paths = oauth === undefined ? '/slack/events' : '/slack/events, /slack/install, /slack/oauth_redirect';
  logger.info({ port }, `Slack adapter listening for HTTP requests on ${paths}`);
  return { stop, port, post, pending: inFlight.size };
}
