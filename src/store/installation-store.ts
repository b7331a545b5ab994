import type { Channel } from './watch-store.js';

/** One chat workspace (a Slack team) that installed the bot. */
export interface Workspace {
  platform: Channel['platform'];
  workspaceId: string;
}

/**
 * Installations of the bot into many workspaces (Slack's OAuth install), behind a small async interface so a
 * shared store can replace SQLite. An installation arrives already sealed (encrypted): a store never holds a token
 * in the clear.
 */
export interface InstallationStore {
  /** Saves (or replaces, on a reinstall) the workspace's sealed installation. */
  saveInstallation(workspace: Workspace, sealed: string, at: string): Promise<void>;
  /** The sealed installation; null when the workspace never installed the bot or uninstalled it. */
  installation(workspace: Workspace): Promise<string | null>;
  /**
   * The workspace uninstalled the bot or revoked its token: deletes the installation and everything the workspace
   * set up (watches, schedules, claimed slots, last digests, TLS-RPT reports and report tokens), in one transaction.
   */
  forgetWorkspace(workspace: Workspace): Promise<void>;
}
