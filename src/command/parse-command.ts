import { normalizeDomainInput } from '../domain/normalize-domain.js';

export type ParsedCommand = { kind: 'scan'; domain: string } | { kind: 'help' } | { kind: 'invalid'; reason: string };

/** A domain is at most 253 characters; Slack's link form can wrap it twice, so anything far beyond is not a domain. */
export const MAX_COMMAND_LENGTH = 600;

// Slack sends what the user typed with &, < and > entity-encoded and bare links/addresses rewritten as
// <http://x|x> or <mailto:a@b|a@b>. Nothing else is encoded.
const SLACK_LINK = /<([^<>|]*)(?:\|([^<>]*))?>/g;

/** What a user typed after `/mtasts` → scan a normalised domain, show help, or a reason it is neither. */
export function parseCommand(text: string): ParsedCommand {
  if (text.length > MAX_COMMAND_LENGTH) return { kind: 'invalid', reason: 'the text is far too long for a domain name' };
  const words = decodeSlackText(text).trim().split(/\s+/).filter((word) => word !== '');
  if (words.length === 0 || (words.length === 1 && /^(help|-h|--help|\?)$/i.test(words[0]!))) return { kind: 'help' };
  if (words.length > 1) return { kind: 'invalid', reason: 'give exactly one domain' };
  const normalized = normalizeDomainInput(words[0]!);
  return normalized.ok ? { kind: 'scan', domain: normalized.value } : { kind: 'invalid', reason: normalized.reason };
}

function decodeSlackText(text: string): string {
  // The label is what the user typed; the target is Slack's rewrite of it (with a scheme added).
  const unlinked = text.replace(SLACK_LINK, (_link, target: string, label: string | undefined) => label ?? target);
  // &amp; last, so "&amp;lt;" decodes to the literal "&lt;" the user typed.
  return unlinked.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}
