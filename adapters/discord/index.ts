import { once } from 'node:events';
import { Client, Events, GatewayIntentBits, type Interaction, MessageFlags, Status } from 'discord.js';
import type { Logger } from 'pino';
import type { ChatAdapter } from '../../src/chat/chat-adapter.js';
import type { NoticeMessage } from '../../src/chat/chat-message.js';
import type { CommandHandler } from '../../src/command/command-handler.js';
import { createSlidingWindowLimiter } from '../../src/command/rate-limiter.js';
import type { UploadHandler } from '../../src/command/report-upload.js';
import { type Metrics, NO_METRICS } from '../../src/metrics/metrics.js';
import { createInFlight } from '../shared/in-flight.js';
import type { InteractionDeps } from './answer-interaction.js';
import { channelTarget } from './channel-target.js';
import { deliver } from './deliver.js';
import { errorDetails } from './error-details.js';
import { MTASTS_COMMAND } from './mtasts-command.js';
import { NO_MENTIONS } from './no-mentions.js';
import { renderNotice } from './render-report.js';
import { readReportAttachments } from './report-upload.js';
import { handleRescanButton } from './rescan-button.js';
import { rescanDomain } from './rescan-custom-id.js';
import { handleSlashCommand } from './slash-command.js';
import { handleWatchButton } from './watch-button.js';
import { isWatchCustomId, watchDomain } from './watch-custom-id.js';

export interface DiscordAdapterOptions {
  token: string;
  appId: string;
  /** REST base (default https://discord.com/api); the gateway URL then comes from its `GET /gateway/bot`. */
  apiUrl?: string;
  core: CommandHandler;
  /**
   * Reads report files attached to messages; without the privileged Message Content intent Discord only shows the
   * bot the attachments of messages that mention it. Without this option messages are not received at all.
   */
  uploads?: UploadHandler;
  logger: Logger;
  /** Role id whose members may change channels' watches and digest schedules (Manage Channels always may). */
  managerRoleId?: string;
  /** Milliseconds since the epoch, for the queue-note budget; default Date.now. */
  now?: () => number;
  metrics?: Pick<Metrics, 'platformApiError' | 'platformApiRetry'>;
}

/** Commands arriving while it stops get a short "restarting" answer; the gateway connection closes last. */
export interface DiscordAdapter extends ChatAdapter {
  /** Whether the gateway connection is up (false while discord.js reconnects, and once stopped). */
  connected(): boolean;
}

export async function startDiscordAdapter(options: DiscordAdapterOptions): Promise<DiscordAdapter> {
  const logger = options.logger.child({ adapter: 'discord' });
  const { metrics = NO_METRICS } = options;
  const client = new Client({
    // Slash commands and buttons arrive without privileged intents; Guilds is the minimum the client works with.
    // GuildMessages (not privileged) brings the messages that carry report files.
    intents: options.uploads ? [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages] : [GatewayIntentBits.Guilds],
    allowedMentions: NO_MENTIONS,
    ...(options.apiUrl ? { rest: { api: options.apiUrl } } : {}),
  });
  // discord.js waits out a rate limit and sends the request again.
  client.rest.on('rateLimited', () => metrics.platformApiRetry('discord'));
  // Queue-position edits get a tenth of Discord's 50 requests per second; the rest is for answers.
  const queueNotes = createSlidingWindowLimiter({ limit: 5, windowMs: 1000, now: options.now ?? Date.now });
  const deps: InteractionDeps = { core: options.core, logger, managerRoleId: options.managerRoleId, queueNotes };
  const inFlight = createInFlight();
  let stopping = false;
  const track = inFlight.track;

  client.on(Events.InteractionCreate, (interaction) => {
    void track(
      route(interaction, deps, stopping).catch((error: unknown) => {
        metrics.platformApiError('discord');
        logger.error({ err: errorDetails(error) }, 'discord: interaction failed');
      }),
    );
  });
  const { uploads } = options;
  if (uploads) {
    client.on(Events.MessageCreate, (message) => {
      if (stopping || message.attachments.size === 0) return;
      void track(
        readReportAttachments(message, uploads, logger).catch((error: unknown) =>
          logger.error({ err: errorDetails(error) }, 'discord: reading a report attachment failed'),
        ),
      );
    });
  }
  client.on(Events.Error, (error) => logger.error({ err: errorDetails(error) }, 'discord: client error'));

  const ready = once(client, Events.ClientReady);
  // Awaited below; this only keeps an 'error' after a failed login from becoming an unhandled rejection.
  ready.catch(() => undefined);
  try {
    await client.login(options.token);
    await ready;
  } catch (error) {
    await client.destroy();
    throw error;
  }
  if (client.application?.id !== options.appId) {
    // Commands are registered under DISCORD_APP_ID; a token of another application would never see them.
    logger.warn(
      { appId: options.appId, tokenAppId: client.application?.id },
      'discord: DISCORD_APP_ID does not match the token',
    );
  }
  logger.info({ user: client.user?.tag }, 'discord: connected');

  let stopped: Promise<void> | undefined;
  return {
    platform: 'discord',
    pending: inFlight.size,
    // The manager stays "ready" once it was; each shard says whether it is connected now.
    connected: () =>
      !stopping && client.ws.shards.size > 0 && client.ws.shards.every((shard) => shard.status === Status.Ready),
    async post({ channelId }, message) {
      if (stopping) throw new Error('the Discord adapter is stopping');
      const sent = await track(deliver(channelTarget(client.rest, channelId), message, logger)).catch(
        (error: unknown) => {
          metrics.platformApiError('discord');
          throw error;
        },
      );
      return sent.id;
    },
    stop() {
      stopped ??= (async () => {
        stopping = true;
        // Commands arriving meanwhile get a short "restarting" answer, itself in flight until sent.
        await inFlight.drain();
        await client.destroy();
        logger.info('discord: stopped');
      })();
      return stopped;
    },
  };
}

const RESTARTING: NoticeMessage = {
  kind: 'notice',
  code: 'restarting',
  tone: 'warning',
  private: true,
  text: ['mtasts is restarting; please try again in a minute.'],
};

/** A Watch button whose id does not hold exactly a domain: nothing runs, and the user is told so. */
const FORGED_WATCH: NoticeMessage = {
  kind: 'notice',
  code: 'usage',
  tone: 'warning',
  private: true,
  text: ['That button does not name a domain to watch; nothing was changed.'],
};

async function route(interaction: Interaction, deps: InteractionDeps, stopping: boolean): Promise<void> {
  const domain = interaction.isButton() ? rescanDomain(interaction.customId) : null;
  const watched = interaction.isButton() ? watchDomain(interaction.customId) : null;
  const forgedWatch = interaction.isButton() && watched === null && isWatchCustomId(interaction.customId);
  const ours =
    (interaction.isChatInputCommand() && interaction.commandName === MTASTS_COMMAND.name) ||
    domain !== null ||
    watched !== null ||
    forgedWatch;
  if (!ours || !interaction.isRepliable()) return;
  if (stopping || forgedWatch) {
    await interaction.reply({
      ...renderNotice(stopping ? RESTARTING : FORGED_WATCH),
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
    });
    return;
  }
  if (interaction.isChatInputCommand()) await handleSlashCommand(interaction, deps);
  else if (interaction.isButton() && domain !== null) await handleRescanButton(interaction, domain, deps);
  else if (interaction.isButton() && watched !== null) await handleWatchButton(interaction, watched, deps);
}
