import { describe, expect, it } from 'vitest';
import { rescanCustomId, rescanDomain } from '../../../adapters/discord/rescan-custom-id.js';

describe('rescanCustomId', () => {
  it('names the domain after the mtasts:rescan: prefix', () => {
    expect(rescanCustomId('example.com')).toBe('mtasts:rescan:example.com');
  });

  it("returns null when the id would pass Discord's 100-character custom_id cap", () => {
    expect(rescanCustomId(`${'a'.repeat(82)}.com`)).toHaveLength(100);
    expect(rescanCustomId(`${'a'.repeat(83)}.com`)).toBeNull();
  });
});

describe('rescanDomain', () => {
  it('reads back the domain of a Rescan button', () => {
    expect(rescanDomain(rescanCustomId('mail.example.org')!)).toBe('mail.example.org');
  });

  it("returns null for another component's custom_id or an empty domain", () => {
    expect(rescanDomain('other-bot:rescan:example.com')).toBeNull();
    expect(rescanDomain('mtasts:rescan:')).toBeNull();
  });
});
