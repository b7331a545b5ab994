/**
 * The values of one field ("mode", "mx") in a report's policy-string: the policy file's lines, one per array
 * element, though a sender may put several lines in one element.
 */
export function policyStringField(lines: string[], name: string): string[] {
  const values: string[] = [];
  for (const line of lines.flatMap((element) => element.split(/\r?\n/))) {
    const colon = line.indexOf(':');
    if (colon > 0 && line.slice(0, colon).trim() === name) {
      const value = line.slice(colon + 1).trim();
      if (value !== '') values.push(value);
    }
  }
  return values;
}
