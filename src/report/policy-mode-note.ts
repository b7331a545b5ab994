import type { PolicyMode, Report } from './report.js';

/** The sentence above the suggested policy: which mode it carries, and why when that is not the live one. */
export function policyModeNote({ policy, suggestions }: Report): string {
  const live = policy?.mode ?? null;
  const suggested = /^mode: (enforce|testing|none)$/m.exec(suggestions.policy)?.[1] as PolicyMode | undefined;
  if (suggested === undefined) return '';
  if (suggested === live) return `It keeps the live mode, ${live}.`;
  if (suggested === 'none') return 'It is in mode none: the domain has no MX hosts to list.';
  if (suggested === 'enforce') {
    return `It uses mode enforce${live === 'testing' ? ' instead of testing' : ''}: the earlier scans of this domain were clean.`;
  }
  return 'It starts in mode testing because no valid policy is live yet: senders still deliver when TLS fails and send TLS-RPT reports, so you can read them before switching to mode enforce.';
}
