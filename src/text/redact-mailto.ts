/**
 * TLS-RPT reports go to a real mailbox; a chat channel is no place to publish it (spam, social engineering).
 * Every `mailto:` address in the text keeps its domain and loses its local part: `mailto:***@example.com`.
 * A comma ends a rua URI (RFC 8460 §3), but one mailto: may also list several addresses (RFC 6068 §2): a
 * comma-separated part with an "@" and no scheme is taken as another address of the same URI.
 */
const MAILTO = /(mailto:)([^,?\s;"'<>]*)((?:,[^,:?\s;"'<>]*@[^,?\s;"'<>]*)*)/gi;

export function redactMailto(text: string): string {
  return text.replace(MAILTO, (_match, scheme: string, first: string, more: string) =>
    [scheme + redactAddress(first), ...more.split(',').slice(1).map(redactAddress)].join(','),
  );
}

function redactAddress(address: string): string {
  // A local part may hold a percent-encoded "@" (RFC 6068 §2), so everything before the last "@" goes.
  const at = address.lastIndexOf('@');
  return at < 0 ? '***' : `***${address.slice(at)}`;
}
