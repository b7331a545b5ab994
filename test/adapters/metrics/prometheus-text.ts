/**
 * A small reader of the Prometheus text exposition format (0.0.4): every sample as `name{a="x",b="y"}` (labels
 * sorted) → value. Comment lines must be well-formed HELP/TYPE lines; anything else throws.
 */
export function parsePrometheusText(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '') continue;
    if (line.startsWith('#')) {
      if (!/^# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .*$/.test(line)) throw new Error(`bad comment line: ${line}`);
      continue;
    }
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)(?: -?\d+)?$/.exec(line);
    if (!match) throw new Error(`bad sample line: ${line}`);
    const [, name, labelText = '', valueText] = match;
    const labels = [...labelText.matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)",?/g)].map(
      ([, key, value]) => `${key}="${value}"`,
    );
    // Prometheus reads values with Go's ParseFloat: NaN in any case, ±Inf.
    const value = /^nan$/i.test(valueText!)
      ? NaN
      : valueText === '+Inf'
        ? Infinity
        : valueText === '-Inf'
          ? -Infinity
          : Number(valueText);
    if (Number.isNaN(value) && !/^nan$/i.test(valueText!)) throw new Error(`bad value: ${line}`);
    samples.set(labels.length === 0 ? name! : `${name}{${labels.sort().join(',')}}`, value);
  }
  return samples;
}
