import type { DigestDetail, DigestMessage } from '../../src/chat/digest-message.js';
import { escapeProse } from './escape.js';
import { fitText } from './fit-text.js';
import { LIMITS, type SlackPayload } from './limits.js';
import { packSections } from './pack.js';
import { severityEmoji } from './palette.js';
import { DIGEST_ROOM } from './render-digest.js';
import { context, section } from './render-report.js';

/** Past this many replies a thread stops being read; the rest is named in a closing note. */
export const DETAIL_REPLIES_MAX = 15;
const DOMAIN_MAX = 260;
const TITLE_MAX = 200;
const TEXT_MAX = 1000;
/** Under a section's 3,000 characters; a name and one finding at their longest take about 2,500. */
const ITEM_MAX = 2800;

/**
 * The thread under a digest: for each broken domain, each finding's title, detail and fix. One reply holds as many
 * whole findings as fit; each part of a domain names it, so no finding is ever shown apart from its domain.
 */
export function renderDigestDetails(message: DigestMessage): SlackPayload[] {
  const items: string[] = [];
  const owners: number[] = []; // index in message.details of each item's domain
  message.details.forEach((detail, d) => {
    for (const item of detailItems(detail)) {
      items.push(item);
      owners.push(d);
    }
  });
  const packed = packSections(items, DIGEST_ROOM);
  const shown = packed.slice(0, DETAIL_REPLIES_MAX);
  const shownItems = shown.flat(2).length;
  const lastOwner = shownItems === 0 ? -1 : owners[shownItems - 1]!;
  const hidden = message.details.length - 1 - lastOwner;

  const title = `Details of ${message.details.length} broken ${message.details.length === 1 ? 'domain' : 'domains'}`;
  return shown.map((sections, i) => {
    const label = packed.length === 1 ? title : `${title} (${i + 1}/${shown.length})`;
    const blocks = [context(label), ...sections.map((group) => section(group.join('\n')))];
    if (i === shown.length - 1 && packed.length > shown.length) blocks.push(context(notShown(hidden)));
    return { text: fitText(label, LIMITS.fallbackText), blocks };
  });
}

/** A domain's findings in as few items as fit a section, each item opening with the domain's name. */
function detailItems({ domain, findings }: DigestDetail): string[] {
  const name = `*${fitText(escapeProse(domain), DOMAIN_MAX)}*`;
  const items: string[] = [];
  let item = name;
  let filled = false;
  for (const finding of findings) {
    const lines = [`${severityEmoji(finding.severity)} *${fitText(escapeProse(finding.title), TITLE_MAX)}*`];
    if (finding.detail !== '') lines.push(fitText(escapeProse(finding.detail), TEXT_MAX));
    if (finding.fix !== '') lines.push(`_Fix:_ ${fitText(escapeProse(finding.fix), TEXT_MAX)}`);
    const text = lines.join('\n');
    if (filled && item.length + 1 + text.length > ITEM_MAX) {
      items.push(item);
      item = `${name} (continued)`;
    }
    item = `${item}\n${text}`;
    filled = true;
  }
  items.push(item);
  return items;
}

function notShown(domains: number): string {
  const rest =
    domains > 0
      ? `${domains} more broken ${domains === 1 ? 'domain is' : 'domains are'} not shown here`
      : 'Some findings are not shown here';
  return `${rest}: run \`/mtasts\` with a domain for its full report.`;
}
