import { PermissionFlagsBits } from 'discord.js';
import { APP_ID } from './fake-discord.js';

export const GUILD_ID = '400000000000000001';
export const CHANNEL_ID = '400000000000000002';
export const DM_CHANNEL_ID = '400000000000000003';

const BOT_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.CreatePublicThreads |
  PermissionFlagsBits.SendMessagesInThreads;

let counter = 0;

export interface Where {
  userId?: string;
  /** In a DM with the bot instead of a guild text channel. */
  dm?: boolean;
  /** The bot's permissions in the channel (default: all it needs). */
  permissions?: bigint;
  /** The member's own permissions in the channel (default: none). */
  memberPermissions?: bigint;
  /** The member's role ids (default: none). */
  roles?: string[];
}

function user(id: string) {
  return { id, username: `user${id.slice(-3)}`, discriminator: '0', global_name: null, avatar: null };
}

/** The parts every interaction shares, in a guild text channel or a DM. */
function base(type: number, where: Where) {
  counter += 1;
  const userId = where.userId ?? '500000000000000001';
  const common = {
    id: String(600000000000000000n + BigInt(counter)),
    application_id: APP_ID,
    type,
    token: `interaction-token-${counter}`,
    version: 1,
    locale: 'en-US',
    app_permissions: String(where.permissions ?? BOT_PERMISSIONS),
    entitlements: [],
  };
  if (where.dm) {
    return {
      ...common,
      channel_id: DM_CHANNEL_ID,
      channel: { id: DM_CHANNEL_ID, type: 1, recipients: [user(userId)] },
      user: user(userId),
      authorizing_integration_owners: { '0': GUILD_ID },
      context: 1,
    };
  }
  return {
    ...common,
    guild_id: GUILD_ID,
    guild_locale: 'en-US',
    channel_id: CHANNEL_ID,
    channel: { id: CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: 'mail-ops', position: 0, permission_overwrites: [] },
    member: {
      user: user(userId),
      roles: where.roles ?? [],
      permissions: String(where.memberPermissions ?? 0n),
      joined_at: new Date(0).toISOString(),
      deaf: false,
      mute: false,
      flags: 0,
    },
    authorizing_integration_owners: { '0': GUILD_ID },
    context: 0,
  };
}

/** `/mtasts domain:<domain>` as Discord dispatches it. */
export function slashCommand(domain: string, where: Where = {}) {
  return {
    ...base(2, where),
    data: { id: '700000000000000001', name: 'mtasts', type: 1, options: [{ name: 'domain', type: 3, value: domain }] },
  };
}

/** A click on a button with this custom_id, on a message the bot posted earlier. */
export function buttonClick(customId: string, where: Where = {}) {
  const interaction = base(3, where);
  return {
    ...interaction,
    data: { custom_id: customId, component_type: 2 },
    message: {
      id: '800000000000000001',
      channel_id: interaction.channel_id,
      type: 20,
      author: {
        id: '200000000000000002',
        username: 'mtasts',
        discriminator: '0',
        global_name: null,
        avatar: null,
        bot: true,
      },
      content: '',
      embeds: [],
      components: [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      flags: 0,
      timestamp: new Date(0).toISOString(),
      edited_timestamp: null,
    },
  };
}
