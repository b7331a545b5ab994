import type { ChatInputCommandInteraction } from 'discord.js';
import { answerInteraction, type InteractionDeps } from './answer-interaction.js';
import { commandRequest } from './command-request.js';
import { DOMAIN_OPTION } from './mtasts-command.js';

/** `/mtasts domain:<text>`: the text goes to the core as typed; parsing and refusals are the core's. */
export async function handleSlashCommand(
  interaction: ChatInputCommandInteraction,
  deps: InteractionDeps,
): Promise<void> {
  const text = interaction.options.getString(DOMAIN_OPTION) ?? '';
  await answerInteraction(interaction, commandRequest(interaction, text, false, deps.managerRoleId), deps);
}
