import type { IncomingMessage } from 'node:http';

export type BodyResult = { ok: true; bytes: Buffer } | { ok: false; reason: 'too-large' | 'aborted' };

/**
 * Reads a request body up to `maxBytes`, refusing a declared Content-Length over it before reading a byte and
 * stopping at the first byte past it otherwise, so a large body is never buffered.
 */
export async function readBody(request: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > maxBytes) return { ok: false, reason: 'too-large' };
  return readBounded(request, maxBytes);
}

/** Collects a byte stream, giving up at the first byte past `maxBytes`. */
export async function readBounded(chunks: AsyncIterable<Uint8Array>, maxBytes: number): Promise<BodyResult> {
  const kept: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of chunks) {
      size += chunk.length;
      if (size > maxBytes) return { ok: false, reason: 'too-large' };
      kept.push(chunk);
    }
  } catch {
    return { ok: false, reason: 'aborted' };
  }
  return { ok: true, bytes: Buffer.concat(kept, size) };
}
