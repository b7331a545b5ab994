/** The chat platforms the bot speaks on; a channel, a request and an adapter each belong to one. */
export type Platform = 'slack' | 'discord' | 'console';
