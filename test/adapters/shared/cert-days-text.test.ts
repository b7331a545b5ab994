import { describe, expect, it } from 'vitest';
import { certDaysText } from '../../../adapters/shared/cert-days-text.js';

describe('certDaysText', () => {
  it.each([
    [45, 'cert 45 days left'],
    [1, 'cert 1 day left'],
    [0, 'cert expires today'],
    [-1, 'cert expired 1 day ago'],
    [-3, 'cert expired 3 days ago'],
  ])('says %i days as "%s"', (days, text) => {
    expect(certDaysText(days)).toBe(text);
  });
});
