/**
 * What to log about a failure. discord.js errors carry the request URL, which for interaction webhooks holds the
 * interaction token (a credential for 15 minutes), and the request body; both stay out of the logs.
 */
export function errorDetails(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const { code, status, method } = error as Error & { code?: unknown; status?: unknown; method?: unknown };
  return {
    type: error.name,
    message: error.message,
    ...(code === undefined ? {} : { code }),
    ...(status === undefined ? {} : { status }),
    ...(method === undefined ? {} : { method }),
    stack: error.stack,
  };
}
