const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A TXT record's text from the one-character-per-byte (latin1) string c-ares hands over: bytes that are valid UTF-8
 * are decoded as such, so "café" reads as published; otherwise every byte above 0x7f is shown as `\xNN`, never
 * guessed at (as Latin-1 it would read as mojibake, and 0x80-0x9f as C1 controls).
 */
export function decodeTxtBytes(latin1: string): string {
  if (!/[^\x00-\x7f]/.test(latin1)) return latin1;
  try {
    return UTF8.decode(Buffer.from(latin1, 'latin1'));
  } catch {
    return latin1.replace(/[\x80-\xff]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  }
}
