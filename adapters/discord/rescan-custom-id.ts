const PREFIX = 'mtasts:rescan:';
/** Discord's cap on a component's custom_id. */
const MAX_CUSTOM_ID = 100;

/** The Rescan button's custom_id for a domain, or null when the domain is too long to fit in one. */
export function rescanCustomId(domain: string): string | null {
  const id = PREFIX + domain;
  return id.length <= MAX_CUSTOM_ID ? id : null;
}

/** The domain a Rescan button was made for, or null when the custom_id is not one of ours. */
export function rescanDomain(customId: string): string | null {
  return customId.startsWith(PREFIX) && customId.length > PREFIX.length ? customId.slice(PREFIX.length) : null;
}
