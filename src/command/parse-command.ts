import { normalizeDomainInput } from '../domain/normalize-domain.js';

export type ParsedCommand = { kind: 'scan'; domain: string } | { kind: 'help' } | { kind: 'invalid'; reason: string };

/** A domain is at most 253 characters (a URL around it adds some); anything far beyond is not a domain. */
export const MAX_COMMAND_LENGTH = 600;

/** What a user typed after `/mtasts` → scan a normalised domain, show help, or a reason it is neither. */
export function parseCommand(text: string): ParsedCommand {
  if (text.length > MAX_COMMAND_LENGTH) return { kind: 'invalid', reason: 'the text is far too long for a domain name' };
  const words = text.trim().split(/\s+/).filter((word) => word !== '');
  if (words.length === 0 || (words.length === 1 && /^(help|-h|--help|\?)$/i.test(words[0]!))) return { kind: 'help' };
  if (words.length > 1) return { kind: 'invalid', reason: 'give exactly one domain' };
  const normalized = normalizeDomainInput(words[0]!);
  return normalized.ok ? { kind: 'scan', domain: normalized.value } : { kind: 'invalid', reason: normalized.reason };
}
