/**
 * `allowed_mentions` for every message the bot sends (also the client-wide default): remote text must never ping
 * anyone, and the bot itself has nobody to ping.
 */
export const NO_MENTIONS = { parse: [] as [] };
