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
    expect(parseCommand('example.com example.org')).toEqual({
      kind: 'invalid',
      about: 'domain',
      reason: 'give exactly one domain',
    });
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
      about: 'domain',
      reason: 'the text is far too long for a domain name',
    });
  });

  it('reads watch and unwatch with one normalised domain, whatever the keyword’s case', () => {
    expect(parseCommand('watch https://Example.COM/')).toEqual({ kind: 'watch', domains: ['example.com'] });
    expect(parseCommand('  UNWATCH   bücher.example ')).toEqual({ kind: 'unwatch', domain: 'xn--bcher-kva.example' });
  });

  it('refuses watch without a domain, with two, or with something that is not one', () => {
    expect(parseCommand('watch')).toMatchObject({
      kind: 'invalid',
      about: 'domain',
      reason: 'enter a domain name, e.g. example.com',
    });
    expect(parseCommand('unwatch a.example b.example')).toEqual({
      kind: 'invalid',
      about: 'domain',
      reason: 'give exactly one domain',
    });
    expect(parseCommand('watch 192.0.2.1')).toMatchObject({ kind: 'invalid', about: 'domain' });
    expect(parseCommand('watch a.example 192.0.2.1')).toMatchObject({ kind: 'invalid', about: 'domain' });
    expect(parseCommand(`watch ${Array.from({ length: 11 }, (_, i) => `d${i}.example`).join(' ')}`)).toEqual({
      kind: 'invalid',
      about: 'domain',
      reason: 'give at most 10 domains at once',
    });
  });

  it('reads watch with several domains, normalised and each once', () => {
    expect(parseCommand('watch a.example B.example a.example')).toEqual({
      kind: 'watch',
      domains: ['a.example', 'b.example'],
    });
  });

  it('reads "watches" alone, and refuses anything after it', () => {
    expect(parseCommand('Watches')).toEqual({ kind: 'watches' });
    expect(parseCommand('watches example.com')).toEqual({
      kind: 'invalid',
      about: 'command',
      reason: '"watches" takes nothing after it',
    });
  });

  it('reads "digest now" and the digest schedules', () => {
    expect(parseCommand('digest NOW')).toEqual({ kind: 'digest-now' });
    expect(parseCommand('digest weekly')).toEqual({
      kind: 'digest',
      schedule: { every: 'week', hour: 9, minute: 0, timezone: 'UTC' },
    });
    expect(parseCommand('digest 7:05 Europe/Berlin')).toEqual({
      kind: 'digest',
      schedule: { every: 'day', hour: 7, minute: 5, timezone: 'Europe/Berlin' },
    });
    expect(parseCommand('digest off')).toEqual({ kind: 'digest', schedule: { every: 'off' } });
  });

  it('refuses a digest schedule it cannot read, with the schedule parser’s reason', () => {
    const unknownZone = parseCommand('digest 08:30 Mars/Olympus_Mons');
    expect(unknownZone).toMatchObject({ kind: 'invalid', about: 'schedule' });
    expect(unknownZone.kind === 'invalid' && unknownZone.reason).toMatch(/^unknown time zone "Mars\/Olympus_Mons"/);
    expect(parseCommand('digest')).toMatchObject({ kind: 'invalid', about: 'schedule' });
    expect(parseCommand('digest now please')).toMatchObject({ kind: 'invalid', about: 'schedule' });
  });
});
