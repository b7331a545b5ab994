/**
 * The matching rule RFC 8461 §4.1 (MX patterns) and RFC 6125 §6.4.3 (certificate names) share: names compare
 * ASCII case-insensitively, one trailing dot ignored, and a pattern whose complete left-most label is "*" stands
 * for exactly one non-empty host label, followed by at least `minSuffixLabels` labels. A "*" anywhere else, or in
 * the host, matches nothing; so does a name with an empty label or a non-ASCII character (both sides are A-labels).
 */
export function wildcardNameMatches(pattern: string, host: string, minSuffixLabels: number): boolean {
  const patternLabels = labelsOf(pattern);
  const hostLabels = labelsOf(host);
  if (!patternLabels || !hostLabels || patternLabels.length !== hostLabels.length) return false;
  if (hostLabels.some((label) => label.includes('*'))) return false;
  const wildcard = patternLabels[0] === '*';
  if (wildcard && patternLabels.length - 1 < minSuffixLabels) return false;
  return patternLabels.every((label, i) => (i === 0 && wildcard) || label === hostLabels[i]);
}

function labelsOf(name: string): string[] | null {
  if (/[^\x00-\x7f]/.test(name)) return null;
  const labels = name.replace(/\.$/, '').toLowerCase().split('.');
  return labels.some((label) => label === '') ? null : labels;
}
