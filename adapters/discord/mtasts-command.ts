import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';

export const DOMAIN_OPTION = 'domain';

/**
 * `/mtasts domain:<string>`. One required option keeps the command a single step; the text goes to the core as
 * typed, so "help", "watch example.com" or "digest now" work as after `/mtasts` on Slack. Changing this text
 * takes a new `mtasts discord register` to show in Discord.
 */
export const MTASTS_COMMAND = {
  name: 'mtasts',
  type: ApplicationCommandType.ChatInput,
  description: "Check a mail domain's MTA-STS and TLS-RPT setup",
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: DOMAIN_OPTION,
      // Discord caps an option description at 100 characters.
      description: 'A domain to check (example.com), or: watch/unwatch <domain>, watches, digest now|daily|off, help',
      required: true,
      // Room for a pasted URL or address around a 253-character domain; the core refuses anything longer anyway.
      max_length: 512,
    },
  ],
  integration_types: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
