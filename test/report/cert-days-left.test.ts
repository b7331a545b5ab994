import { describe, expect, it } from 'vitest';
import { certDaysLeft } from '../../src/report/cert-days-left.js';

const AT = new Date('2026-11-30T12:00:00.000Z');

describe('certDaysLeft', () => {
  it('counts whole days left, rounding down', () => {
    expect(certDaysLeft('2026-12-21T11:59:59.000Z', AT)).toBe(20);
    expect(certDaysLeft('2026-12-21T12:00:00.000Z', AT)).toBe(21);
  });

  it('is negative once the certificate has expired', () => {
    expect(certDaysLeft('2026-11-29T12:00:00.000Z', AT)).toBe(-1);
  });

  it('is null without a certificate or with an unreadable date', () => {
    expect(certDaysLeft(null, AT)).toBeNull();
    expect(certDaysLeft('next tuesday', AT)).toBeNull();
  });
});
