import { describe, expect, it } from 'vitest';
import { watchCustomId, watchDomain } from '../../../adapters/discord/watch-custom-id.js';

describe('watch custom_id', () => {
  it('round-trips a domain', () => {
    expect(watchCustomId('example.com')).toBe('mtasts:watch:example.com');
    expect(watchDomain('mtasts:watch:example.com')).toBe('example.com');
  });

  it('has no id for a domain too long for Discord’s 100 characters', () => {
    expect(watchCustomId(`${'a'.repeat(80)}.example.com`)).toBeNull();
  });

  it('accepts only exactly a domain as the bot writes one', () => {
    for (const forged of [
      'mtasts:watch:example.com digest off',
      'mtasts:watch:Example.COM',
      'mtasts:watch:https://example.com/',
      'mtasts:watch:',
      'mtasts:rescan:example.com',
      'other:watch:example.com',
    ])
      expect(watchDomain(forged)).toBeNull();
  });
});
