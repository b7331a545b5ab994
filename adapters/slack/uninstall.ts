import type { App, InstallationStore } from '@slack/bolt';
import type { Logger } from 'pino';

/**
 * `app_uninstalled`, and `tokens_revoked` for the bot's token: the team's installation, watches and schedules are
 * deleted, so no digest is built or posted for it again. (Bolt delivers both events without looking up a token.)
 */
export function registerUninstall(
  app: App,
  { installations, logger }: { installations: InstallationStore; logger: Logger },
): void {
  const forget = async (teamId: string | undefined, why: string) => {
    if (teamId === undefined || installations.deleteInstallation === undefined) return;
    await installations.deleteInstallation({ teamId, enterpriseId: undefined, isEnterpriseInstall: false });
    logger.info({ teamId, why }, 'Slack team removed: its installation, watches and schedules are deleted');
  };
  app.event('app_uninstalled', async ({ body }) => forget(body.team_id, 'app_uninstalled'));
  app.event('tokens_revoked', async ({ event, body }) => {
    // Only user tokens revoked: the bot keeps working (it asks for none, but a future scope might).
    if ((event.tokens.bot ?? []).length > 0) await forget(body.team_id, 'tokens_revoked');
  });
}
