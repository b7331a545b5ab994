import type { DigestDetail, DigestMessage } from '../../src/chat/digest-message.js';
import { fitEscaped, fitEscapedProse, fitLines, fitText } from './fit-text.js';
import { LIMITS } from './limits.js';
import { packMessages } from './pack.js';
import { severityEmoji } from './palette.js';

// Caps on remote text, so a domain's heading and any one finding always fit in one message together.
const DOMAIN_MAX = 260;
const TITLE_MAX = 200;
const DETAIL_MAX = 600;
const FIX_MAX = 800;
/** Room for the details of every broken domain of a real channel; a hostile one cannot flood the thread. */
const MAX_MESSAGES = 20;

/**
 * The details of a digest's broken domains as message contents within Discord's 2000 characters: per domain an
 * underlined heading, then each finding's title, detail and fix. A finding is never cut across messages, and a
 * heading always shares its message with the domain's first finding. Past MAX_MESSAGES, the last message names
 * the domains whose details were left out.
 */
export function renderDigestDetails({ details }: DigestMessage): string[] {
  const units: string[] = [];
  /** For each unit, the index of the domain it belongs to. */
  const owners: number[] = [];
  details.forEach((detail, index) => {
    const heading = `__**${fitEscaped(detail.domain, DOMAIN_MAX)}**__`;
    const findings = detail.findings.map(findingText);
    const first = `${heading}\n${findings[0] ?? 'No findings recorded.'}`;
    for (const unit of [first, ...findings.slice(1)]) {
      units.push(unit);
      owners.push(index);
    }
  });
  const groups = packMessages(units);
  const messages = groups.map((group) => group.join('\n'));
  if (messages.length <= MAX_MESSAGES) return messages;

  const shownUnits = groups.slice(0, MAX_MESSAGES - 1).reduce((count, group) => count + group.length, 0);
  const left = details.slice(owners[shownUnits]).map((detail) => fitEscaped(detail.domain, DOMAIN_MAX));
  const intro = `Not shown, to keep the thread readable: details of ${left.length} more broken domains. Check each with /mtasts for its full report:`;
  return [...messages.slice(0, MAX_MESSAGES - 1), fitLines([intro, ...left], LIMITS.content, (n) => `+${n} more`)];
}

export function digestThreadName(broken: number): string {
  return fitText(`MTA-STS digest: ${broken} broken ${broken === 1 ? 'domain' : 'domains'}`, LIMITS.threadName);
}

function findingText(finding: DigestDetail['findings'][number]): string {
  const lines = [`${severityEmoji(finding.severity)} **${fitEscaped(finding.title, TITLE_MAX)}**`];
  if (finding.detail.trim() !== '') lines.push(fitEscapedProse(finding.detail, DETAIL_MAX));
  if (finding.fix.trim() !== '') lines.push(`**Fix:** ${fitEscapedProse(finding.fix, FIX_MAX)}`);
  return lines.join('\n');
}
