import type { InstallationStore as BoltInstallationStore, Installation, InstallationQuery } from '@slack/bolt';
import type { InstallationStore } from '../../src/store/installation-store.js';
import type { Sealer } from '../../src/store/seal.js';

/** Bolt's installation store on ours: each team's installation (its tokens) sealed before it is saved. */
export function slackInstallations(
  store: InstallationStore,
  sealer: Sealer,
  now: () => Date = () => new Date(),
): BoltInstallationStore {
  const workspace = (workspaceId: string) => ({ platform: 'slack' as const, workspaceId });
  const teamOf = (query: InstallationQuery<boolean>): string => {
    // The manifest does not allow org-wide installs (org_deploy_enabled: false); every installation is a team's.
    if (query.isEnterpriseInstall || query.teamId === undefined)
      throw new Error('org-wide installations are not supported');
    return query.teamId;
  };
  return {
    async storeInstallation(installation) {
      const teamId = installation.team?.id;
      if (installation.isEnterpriseInstall || teamId === undefined)
        throw new Error('org-wide installations are not supported');
      const sealed = sealer.seal(JSON.stringify(installation), `slack:${teamId}`);
      await store.saveInstallation(workspace(teamId), sealed, now().toISOString());
    },
    async fetchInstallation(query) {
      const teamId = teamOf(query);
      const sealed = await store.installation(workspace(teamId));
      if (sealed === null) throw new Error(`no installation for Slack team ${teamId}`);
      return JSON.parse(sealer.open(sealed, `slack:${teamId}`)) as Installation;
    },
    async deleteInstallation(query) {
      await store.forgetWorkspace(workspace(teamOf(query)));
    },
  };
}

/** The bot token of a team's installation; rejects when the team has none. */
export async function teamBotToken(installations: BoltInstallationStore, teamId: string): Promise<string> {
  const installation = await installations.fetchInstallation({
    teamId,
    enterpriseId: undefined,
    isEnterpriseInstall: false,
  });
  const token = installation.bot?.token;
  if (token === undefined) throw new Error(`the installation of Slack team ${teamId} has no bot token`);
  return token;
}
