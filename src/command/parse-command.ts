import { parseDigestSchedule } from '../digest/digest-schedule.js';
import { normalizeDomainInput } from '../domain/normalize-domain.js';
import type { DigestSchedule } from '../store/watch-store.js';

export type ParsedCommand =
  | { kind: 'scan' | 'unwatch' | 'reports'; domain: string }
  /** `watch a b c`: one or more distinct domains, watched in one go with one summary. */
  | { kind: 'watch'; domains: string[] }
  | { kind: 'watches' | 'digest-now' | 'help' | 'reports-endpoint' }
  | { kind: 'digest'; schedule: DigestSchedule }
  /** `about` picks the usage shown with the reason. */
  | { kind: 'invalid'; about: 'domain' | 'schedule' | 'command'; reason: string };

/** A domain is at most 253 characters (a URL around it adds some); anything far beyond is not a domain. */
export const MAX_COMMAND_LENGTH = 600;

/**
 * What a user typed after `/mtasts` → a command. The keywords are single labels, which are never a domain
 * that can publish MTA-STS, so they cannot shadow a scan.
 */
export function parseCommand(text: string): ParsedCommand {
  if (text.length > MAX_COMMAND_LENGTH) return invalidDomain('the text is far too long for a domain name');
  const words = text
    .trim()
    .split(/\s+/)
    .filter((word) => word !== '');
  const keyword = words[0]?.toLowerCase();
  if (keyword === undefined || (words.length === 1 && /^(help|-h|--help|\?)$/.test(keyword))) return { kind: 'help' };
  if (keyword === 'watch') return watchCommand(words.slice(1));
  if (keyword === 'unwatch') return domainCommand(keyword, words.slice(1));
  if (keyword === 'watches') {
    return words.length === 1
      ? { kind: 'watches' }
      : { kind: 'invalid', about: 'command', reason: '"watches" takes nothing after it' };
  }
  if (keyword === 'reports') {
    if (words.length === 2 && words[1]!.toLowerCase() === 'endpoint') return { kind: 'reports-endpoint' };
    if (words.length === 1)
      return { kind: 'invalid', about: 'command', reason: '"reports" takes a domain, or "endpoint"' };
    return domainCommand('reports', words.slice(1));
  }
  if (keyword === 'digest') {
    if (words.length === 2 && words[1]!.toLowerCase() === 'now') return { kind: 'digest-now' };
    const schedule = parseDigestSchedule(words.slice(1).join(' '));
    return schedule.ok
      ? { kind: 'digest', schedule: schedule.value }
      : { kind: 'invalid', about: 'schedule', reason: schedule.reason };
  }
  return domainCommand('scan', words);
}

/**
 * A Rescan button's payload → a scan of that domain. Only a domain exactly as the bot writes one (normalised, no
 * URL, no spaces) is accepted: the payload comes back from the client and may be forged.
 */
export function parseRescan(value: string): ParsedCommand {
  const normalized = normalizeDomainInput(value);
  return normalized.ok && normalized.value === value
    ? { kind: 'scan', domain: value }
    : { kind: 'invalid', about: 'command', reason: 'That button does not name a domain to rescan' };
}

/** Each domain costs a scan of the user's quota; more than this in one command is better done over time. */
export const MAX_WATCH_AT_ONCE = 10;

function watchCommand(words: string[]): ParsedCommand {
  if (words.length > MAX_WATCH_AT_ONCE) return invalidDomain(`give at most ${MAX_WATCH_AT_ONCE} domains at once`);
  const domains: string[] = [];
  for (const word of words.length === 0 ? [''] : words) {
    const normalized = normalizeDomainInput(word);
    if (!normalized.ok) return invalidDomain(normalized.reason);
    if (!domains.includes(normalized.value)) domains.push(normalized.value);
  }
  return { kind: 'watch', domains };
}

function domainCommand(kind: 'scan' | 'unwatch' | 'reports', words: string[]): ParsedCommand {
  if (words.length > 1) return invalidDomain('give exactly one domain');
  const normalized = normalizeDomainInput(words[0] ?? '');
  return normalized.ok ? { kind, domain: normalized.value } : invalidDomain(normalized.reason);
}

function invalidDomain(reason: string): ParsedCommand {
  return { kind: 'invalid', about: 'domain', reason };
}
