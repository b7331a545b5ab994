/**
 * A TXT record as one line of a zone file: `name. IN TXT "value"`, with `"` and `\` escaped and a value over 255
 * octets split into several character-strings (RFC 1035 §3.3.14), which resolvers join again.
 */
export function zoneFileLine(name: string, value: string): string {
  const strings: string[] = [];
  for (let i = 0; i < value.length || strings.length === 0; i += 255) strings.push(value.slice(i, i + 255));
  const quoted = strings.map((s) => `"${s.replace(/["\\]/g, '\\$&')}"`).join(' ');
  return `${name}. IN TXT ${quoted}`;
}

/**
 * A suggested TXT record as a person pastes it: name, type and value for a DNS provider's form, then the same record
 * as a zone-file line (after a `;` comment, so those two lines can go into a zone file as they are).
 */
export function pasteRecordLines(name: string, value: string): string[] {
  return [`Name:  ${name}`, 'Type:  TXT', `Value: ${value}`, '', '; zone file:', zoneFileLine(name, value)];
}
