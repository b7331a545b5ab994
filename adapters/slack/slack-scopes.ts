/** The bot scopes the OAuth install asks for; manifest.yml lists the same. */
export const SLACK_BOT_SCOPES = [
  'commands',
  'chat:write',
  // Post answers in public channels the bot has not been invited to.
  'chat:write.public',
  // Read TLS-RPT report files shared into channels the bot is in.
  'files:read',
  'channels:history',
  'groups:history',
];
