import { App, type InstallationStore as BoltInstallationStore, HTTPReceiver, webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { ChatAdapter } from '../../src/chat/chat-adapter.js';
import type { ChatMessage } from '../../src/chat/chat-message.js';
import type { CommandHandler } from '../../src/command/command-handler.js';
import type { UploadHandler } from '../../src/command/report-upload.js';
import { type Metrics, NO_METRICS } from '../../src/metrics/metrics.js';
import type { Channel } from '../../src/store/watch-store.js';
import { createInFlight } from '../shared/in-flight.js';
import { createBoltLogger } from './bolt-logger.js';
import { createChannelPacer } from './channel-pacer.js';
import { checkSlackToken } from './check-token.js';
import { postToChannel } from './post-to-channel.js';
import { renderMessage } from './render-message.js';
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

/**
 * Posts are paced with the replies to commands and rejected with Slack's error when one fails. With OAuth the
 * channel's workspace (its team) picks the token, and a team without an installation is refused.
 */
export interface SlackAdapter extends ChatAdapter {
  /** The bound port in HTTP mode. */
  port?: number;
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
  const clientFor = async (workspaceId: string): Promise<webApi.WebClient> => {
    if (oauth === undefined) return app.client;
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
  const post = async ({ channelId, workspaceId }: Channel, message: ChatMessage): Promise<string | undefined> => {
    let ts: string | undefined;
    await inFlight.track(
      (async () => {
        const client = await clientFor(workspaceId);
        const result = await postToChannel({ client, channelId, pacer }, renderMessage(message, logger));
        if (result.ok) {
          ts = result.ts;
          return;
        }
        metrics.platformApiError('slack');
        throw result.error;
      })(),
    );
    return ts;
  };
  if (appToken !== undefined) {
    await app.start();
    logger.info('Slack adapter connected in Socket Mode');
    return { platform: 'slack', stop, post, pending: inFlight.size };
  }
  const address = (await app.start(options.port)).address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  const paths = oauth === undefined ? '/slack/events' : '/slack/events, /slack/install, /slack/oauth_redirect';
  logger.info({ port }, `Slack adapter listening for HTTP requests on ${paths}`);
  return { platform: 'slack', stop, port, post, pending: inFlight.size };
}
