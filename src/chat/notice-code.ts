/**
 * What a notice says, for adapters, tests and scripts to branch on instead of its English. Stable: never rename one.
 */
export type NoticeCode =
  /** The list of commands. */
  | 'help'
  /** The command or domain could not be read (also a digest schedule that could not). */
  | 'usage'
  /** Watching and digest schedules are for channel managers only. */
  | 'not-allowed'
  /** The user's fresh scans for this window are spent. */
  | 'rate-limited'
  /** The domain is being checked in this channel right now. */
  | 'answer-pending'
  /** The domain was answered in this channel within the cache window. */
  | 'answered-recently'
  /** The channel or workspace watches as many domains as it may. */
  | 'watch-limit'
  /** What `watch` did with several domains, one line each. */
  | 'watch-summary'
  /** Unwatch of a domain the channel does not watch. */
  | 'not-watching'
  /** The domain is no longer watched. */
  | 'unwatched'
  /** The channel watches nothing, so there is no digest to show. */
  | 'no-watches'
  /** The channel's digest schedule was set (or turned off). */
  | 'digest-schedule'
  /** What the channel's TLS-RPT reports say about a domain. */
  | 'reports'
  /** The channel has no TLS-RPT reports for the domain. */
  | 'no-reports'
  /** This bot keeps no TLS-RPT reports at all. */
  | 'reports-off'
  /** The channel's rua address. */
  | 'reports-endpoint'
  /** No public URL, so no rua address. */
  | 'endpoint-unconfigured'
  /** An uploaded report was stored, or was already stored. */
  | 'upload-stored'
  | 'upload-duplicate'
  /** An uploaded file was refused: not a readable report, or too large. */
  | 'upload-rejected'
  | 'upload-too-large'
  /** No DNS answer came back at all: the check did not run and judged nothing. */
  | 'resolver-unreachable'
  /** The bot's database does not answer. */
  | 'store-unavailable'
  /** Something failed unexpectedly. */
  | 'failed'
  /** The bot is shutting down and takes no new commands. */
  | 'restarting';
