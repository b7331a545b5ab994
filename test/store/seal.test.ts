import { describe, expect, it } from 'vitest';
import { createSealer } from '../../src/store/seal.js';

const KEY = Buffer.alloc(32, 7);
const OTHER_KEY = Buffer.alloc(32, 8);

describe('createSealer', () => {
  it('opens what it sealed, for the same context', () => {
    const sealer = createSealer(KEY);
    const sealed = sealer.seal('{"bot":{"token":"xoxb-secret"}}', 'slack:T1');
    expect(sealed).toMatch(/^v1:[A-Za-z0-9+/]+=*$/);
    expect(sealed).not.toContain('xoxb-secret');
    expect(sealer.open(sealed, 'slack:T1')).toBe('{"bot":{"token":"xoxb-secret"}}');
  });

  it('seals the same text differently each time (a fresh IV)', () => {
    const sealer = createSealer(KEY);
    expect(sealer.seal('same', 'slack:T1')).not.toBe(sealer.seal('same', 'slack:T1'));
  });

  it('refuses a value moved to another workspace, sealed under another key, or tampered with', () => {
    const sealed = createSealer(KEY).seal('xoxb-secret', 'slack:T1');
    expect(() => createSealer(KEY).open(sealed, 'slack:T2')).toThrow();
    expect(() => createSealer(OTHER_KEY).open(sealed, 'slack:T1')).toThrow();
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw[raw.length - 1]! ^= 1;
    expect(() => createSealer(KEY).open(`v1:${raw.toString('base64')}`, 'slack:T1')).toThrow();
    expect(() => createSealer(KEY).open('xoxb-plain', 'slack:T1')).toThrow('not a sealed value');
  });

  it('takes only a 32-byte key', () => {
    expect(() => createSealer(Buffer.alloc(16))).toThrow('the encryption key must be 32 bytes');
  });
});
