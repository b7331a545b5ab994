/** The longest Retry-After worth waiting out with a user waiting for the answer; beyond it they are told at once. */
export const MAX_RETRY_WAIT_MS = 5000;
const RATE_LIMITED = 'slack_webapi_rate_limited_error';

/** Slack's Retry-After in seconds when `error` is a 429 (the client rejects those instead of waiting), else null. */
export function retryAfterSeconds(error: unknown): number | null {
  const { code, retryAfter } = (error ?? {}) as { code?: unknown; retryAfter?: unknown };
  return code === RATE_LIMITED && typeof retryAfter === 'number' ? retryAfter : null;
}

/** Runs `call`; a 429 whose Retry-After is within MAX_RETRY_WAIT_MS is waited out and retried once, any other rethrown. */
export async function honouringShortRetryAfter<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const seconds = retryAfterSeconds(error);
    if (seconds === null || seconds * 1000 > MAX_RETRY_WAIT_MS) throw error;
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    return call();
  }
}
