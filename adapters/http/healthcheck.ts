/**
 * The image's HEALTHCHECK: `GET /healthz` on the bot's own HTTP server (MTASTS_HTTP_PORT, default 8080) over
 * loopback; exits 0 on a 2xx answer and 1 on anything else. Node's own fetch, since the slim image has no curl.
 */
const port = process.env['MTASTS_HTTP_PORT'] || '8080';

try {
  const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(4000) });
  await response.body?.cancel();
  if (!response.ok) process.stderr.write(`mtasts healthcheck: /healthz answered ${response.status}\n`);
  process.exitCode = response.ok ? 0 : 1;
} catch (error) {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  process.stderr.write(`mtasts healthcheck: ${cause instanceof Error ? cause.message : String(cause)}\n`);
  process.exitCode = 1;
}
