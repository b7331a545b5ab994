import { describe, expect, it } from 'vitest';
import { parsePrometheusText } from './prometheus-text.js';

describe('parsePrometheusText', () => {
  it('reads samples with and without labels, sorting the labels', () => {
    const text = [
      '# HELP demo_total A demo counter',
      '# TYPE demo_total counter',
      'demo_total{verdict="broken",a="1"} 3',
      'plain 0.25',
      'hist_bucket{le="+Inf"} 7',
      'lag Nan',
      '',
    ].join('\n');
    expect(parsePrometheusText(text)).toEqual(
      new Map([
        ['demo_total{a="1",verdict="broken"}', 3],
        ['plain', 0.25],
        ['hist_bucket{le="+Inf"}', 7],
        ['lag', NaN],
      ]),
    );
  });

  it('throws on a line that is not a sample or a HELP/TYPE comment', () => {
    expect(() => parsePrometheusText('not a sample\n')).toThrow(/bad sample line/);
    expect(() => parsePrometheusText('# something else\n')).toThrow(/bad comment line/);
  });
});
