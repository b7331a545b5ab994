import { describe, expect, it } from 'vitest';
import { aLabelName } from '../../src/domain/a-label-name.js';

describe('aLabelName', () => {
  it('gives a U-label name in its A-label form, a "*" label and a trailing dot kept', () => {
    expect(aLabelName('mx.ñaca.com')).toBe('mx.xn--aca-6ma.com');
    expect(aLabelName('*.Ñaca.com.')).toBe('*.xn--aca-6ma.com.');
    expect(aLabelName('mx.bücher.de')).toBe('mx.xn--bcher-kva.de');
  });

  it('returns an ASCII name unchanged, even one IDNA would refuse', () => {
    expect(aLabelName('MX.xn--zz.com')).toBe('MX.xn--zz.com');
    expect(aLabelName('a..b')).toBe('a..b');
  });
});
