import type { ButtonInteraction } from 'discord.js';
import { answerInteraction, type InteractionDeps } from './answer-interaction.js';
import { commandRequest } from './command-request.js';

/**
 * The Rescan button answers with a new reply (and a new fixes thread) rather than editing the old one: a message
 * can carry only one thread, and the earlier result stays for comparison. It skips the cache and costs the
 * clicking user's quota, as the core decides.
 */
export async function handleRescanButton(
  interaction: ButtonInteraction,
  domain: string,
  deps: InteractionDeps,
): Promise<void> {
  await answerInteraction(interaction, commandRequest(interaction, domain, true, deps.managerRoleId), deps);
}
