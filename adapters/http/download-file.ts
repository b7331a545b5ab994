import { type BodyResult, readBounded } from './read-body.js';

export interface DownloadOptions {
  maxBytes: number;
  timeoutMs: number;
  headers?: Record<string, string>;
}

/** GETs a chat platform's file within a size and time bound; a non-200 answer counts as aborted. */
export async function downloadFile(
  url: string,
  { maxBytes, timeoutMs, headers = {} }: DownloadOptions,
): Promise<BodyResult> {
  try {
    const response = await fetch(url, { headers, redirect: 'error', signal: AbortSignal.timeout(timeoutMs) });
    if (response.status !== 200 || response.body === null) {
      await response.body?.cancel();
      return { ok: false, reason: 'aborted' };
    }
    if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
      await response.body.cancel();
      return { ok: false, reason: 'too-large' };
    }
    return await readBounded(response.body, maxBytes);
  } catch {
    return { ok: false, reason: 'aborted' };
  }
}
