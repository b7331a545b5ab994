import { REST, Routes } from 'discord.js';
import { MTASTS_COMMAND } from './mtasts-command.js';

export interface RegisterDiscordCommandsOptions {
  token: string;
  appId: string;
  /** Register in this guild only (instant, for testing); global otherwise (reaches every guild, can lag). */
  guildId?: string;
  /** REST base, e.g. "https://discord.com/api"; tests point it at a local fake. */
  apiUrl?: string;
}

/**
 * Bulk-overwrites the application's commands with `/mtasts`, so re-running it is idempotent and removes stale
 * commands. Throws the API's error (e.g. 401 for a bad token) for the CLI to print.
 */
export async function registerDiscordCommands(options: RegisterDiscordCommandsOptions): Promise<void> {
  const rest = new REST(options.apiUrl ? { api: options.apiUrl } : {}).setToken(options.token);
  const route = options.guildId
    ? Routes.applicationGuildCommands(options.appId, options.guildId)
    : Routes.applicationCommands(options.appId);
  try {
    await rest.put(route, { body: [MTASTS_COMMAND] });
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}
