import { normalizeDomainInput } from '../../src/domain/normalize-domain.js';

const PREFIX = 'mtasts:watch:';
/** Discord's cap on a component's custom_id. */
const MAX_CUSTOM_ID = 100;

/** The Watch button's custom_id for a domain, or null when the domain is too long to fit in one. */
export function watchCustomId(domain: string): string | null {
  const id = PREFIX + domain;
  return id.length <= MAX_CUSTOM_ID ? id : null;
}

/** Whether the custom_id claims to be a Watch button, valid or not. */
export function isWatchCustomId(customId: string): boolean {
  return customId.startsWith(PREFIX);
}

/**
 * The domain a Watch button was made for, or null when the custom_id is not one of ours or does not hold exactly a
 * domain as the bot writes one: the id comes back from the client, and a button must never run another command.
 */
export function watchDomain(customId: string): string | null {
  if (!customId.startsWith(PREFIX)) return null;
  const domain = customId.slice(PREFIX.length);
  const normalized = normalizeDomainInput(domain);
  return normalized.ok && normalized.value === domain ? domain : null;
}
