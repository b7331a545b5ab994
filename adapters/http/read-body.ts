import type { IncomingMessage } from 'node:http';

export type BodyResult = { ok: true; bytes: Buffer } | { ok: false; reason: 'too-large' | 'aborted' };

/**
 * Reads a request body up to `maxBytes`, refusing a declared Content-Length over it before reading a byte and
 * stopping at the first byte past it otherwise, so a large body is never buffered.
 */
export async function readBody(request: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > maxBytes) return { ok: false, reason: 'too-large' };
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of request) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) return { ok: false, reason: 'too-large' };
      chunks.push(chunk as Buffer);
    }
  } catch {
    return { ok: false, reason: 'aborted' };
  }
  return { ok: true, bytes: Buffer.concat(chunks, size) };
}
