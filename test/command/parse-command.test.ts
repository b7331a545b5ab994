import { describe, expect, it } from 'vitest';
import { MAX_COMMAND_LENGTH, parseCommand } from '../../src/command/parse-command.js';

describe('parseCommand', () => {
  it('reads a bare domain as a scan of its normalised form', () => {
    expect(parseCommand('  Example.COM. ')).toEqual({ kind: 'scan', domain: 'example.com' });
  });

  it.each(['', '   ', 'help', 'HELP', '--help', '?'])('shows help for %j', (text) => {
    expect(parseCommand(text)).toEqual({ kind: 'help' });
  });

  it('takes the host of a URL and the domain of an e-mail address', () => {
    expect(parseCommand('https://mail.example.com:8443/x')).toEqual({ kind: 'scan', domain: 'mail.example.com' });
    expect(parseCommand('admin@example.com')).toEqual({ kind: 'scan', domain: 'example.com' });
  });

  it('converts an internationalised name to its A-label', () => {
    expect(parseCommand('bücher.example')).toEqual({ kind: 'scan', domain: 'xn--bcher-kva.example' });
  });

  it('refuses more than one word', () => {
    expect(parseCommand('example.com example.org')).toEqual({ kind: 'invalid', reason: 'give exactly one domain' });
  });

  it.each([
    ['an IP address', '192.0.2.1'],
    ['a single label', 'localhost'],
    ['an empty label', 'example..com'],
    ['a mention', '<@U123ABC>'],
    ['garbage', '$(rm -rf /)'],
    ['a label over 63 octets', `${'a'.repeat(64)}.example`],
  ])('refuses %s with the normaliser’s reason', (_what, text) => {
    const parsed = parseCommand(text);
    expect(parsed.kind).toBe('invalid');
    expect(parsed.kind === 'invalid' && parsed.reason.length).toBeGreaterThan(5);
  });

  it('refuses overly long input before any parsing work', () => {
    expect(parseCommand('a'.repeat(MAX_COMMAND_LENGTH + 1))).toEqual({
      kind: 'invalid',
      reason: 'the text is far too long for a domain name',
    });
  });
});
