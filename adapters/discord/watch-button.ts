import type { ButtonInteraction } from 'discord.js';
import { answerInteraction, type InteractionDeps } from './answer-interaction.js';
import { commandRequest } from './command-request.js';

/**
 * The Watch button runs exactly `watch <domain>` for the channel it was clicked in, with the same permission check
 * as typing it (Manage Channels or the manager role); the domain was checked strictly when the custom_id was read.
 */
export async function handleWatchButton(
  interaction: ButtonInteraction,
  domain: string,
  deps: InteractionDeps,
): Promise<void> {
  await answerInteraction(interaction, commandRequest(interaction, `watch ${domain}`, false, deps.managerRoleId), deps);
}
