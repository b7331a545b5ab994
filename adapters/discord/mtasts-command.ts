import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';

export const DOMAIN_OPTION = 'domain';

/**
 * `/mtasts domain:<string>`. One required option keeps the command a single step; "help" typed as the domain gets
 * the usage text from the core, like `/mtasts help` on Slack.
 */
export const MTASTS_COMMAND = {
  name: 'mtasts',
  type: ApplicationCommandType.ChatInput,
  description: "Check a mail domain's MTA-STS and TLS-RPT setup",
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: DOMAIN_OPTION,
      description: 'The mail domain to check, e.g. example.com (or "help")',
      required: true,
      // Room for a pasted URL or address around a 253-character domain; the core refuses anything longer anyway.
      max_length: 512,
    },
  ],
  integration_types: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
