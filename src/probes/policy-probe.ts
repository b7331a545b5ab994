import { createHash } from 'node:crypto';
import type { SecureContext } from 'node:tls';
import { Agent, type buildConnector, type Dispatcher, request } from 'undici';
import { connectableAddresses, describeBlocked } from '../net/blocked-address.js';
import type { DnsAnswer, DnsResolver } from '../net/dns-resolver.js';
import type { CertInfo } from './cert-info.js';
import { errorText, type Failure, failure, type Progress, remote } from './fetch-progress.js';
import { openTls } from './tls-handshake.js';

export type PolicyFetchCause =
  | 'dns'
  /** NXDOMAIN, or no A/AAAA records: a definite answer that the host does not exist. */
  | 'no-such-host'
  | 'blocked-address'
  | 'connect'
  | 'tls'
  | 'timeout'
  | 'http-status'
  | 'redirect'
  | 'content-type'
  | 'too-large';

export interface PolicyFetchOptions {
  /** mta-sts.<domain> */
  host: string;
  resolver: DnsResolver;
  /** Defaults to 443. */
  port?: number;
  allowPrivate: boolean;
  timeoutMs: number;
  /** Node's bundled roots plus extra anchors (trustingAlso); unset = Node's default roots. */
  secureContext?: SecureContext;
}

export interface PolicyFetch {
  url: string;
  address: string;
  status: number;
  contentType: string;
  body: Buffer;
  /** Hex SHA-256 of the body bytes as served. */
  sha256: string;
  cert: CertInfo;
}

export type PolicyProbeResult =
  | { ok: true; value: PolicyFetch }
  | { ok: false; cause: PolicyFetchCause; detail: string; address: string | null; cert: CertInfo | null };

const MAX_POLICY_BYTES = 65_536;
const POLICY_PATH = '/.well-known/mta-sts.txt';

/**
 * Fetches https://<host>/.well-known/mta-sts.txt as RFC 8461 §3.3 has a sender do: no redirects, 200 only,
 * text/plain only, bounded size. The certificate comes from the same TLS connection that serves the policy,
 * and is reported whether or not it verifies. Never throws.
 */
export async function fetchPolicy(options: PolicyFetchOptions): Promise<PolicyProbeResult> {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), options.timeoutMs);
  const progress: Progress = { phase: `resolving ${options.host}`, address: null, cert: null, failure: null };
  try {
    return await fetchWithin(options, deadline.signal, progress);
  } catch (error) {
    if (deadline.signal.aborted) {
      return failure('timeout', `no answer within ${options.timeoutMs} ms while ${progress.phase}`, progress);
    }
    if (progress.failure) return progress.failure;
    if (progress.cert === null) return failure('connect', `connection failed: ${remote(errorText(error))}`, progress);
    // After the handshake: either the server spoke something other than HTTP, or the connection broke.
    const code = (error as { code?: unknown }).code;
    const malformed = typeof code === 'string' && code.startsWith('HPE_');
    return malformed
      ? failure('http-status', `malformed HTTP response: ${remote(errorText(error))}`, progress)
      : failure('connect', `connection broke while ${progress.phase}: ${remote(errorText(error))}`, progress);
  } finally {
    clearTimeout(timer);
  }
}

async function fetchWithin(
  options: PolicyFetchOptions,
  signal: AbortSignal,
  progress: Progress,
): Promise<PolicyProbeResult> {
  const { host } = options;
  const port = options.port ?? 443;
  const answer = await untilAborted(lookup(options.resolver, host), signal);
  if (!answer.ok) {
    const absent = answer.cause === 'nxdomain' || answer.cause === 'nodata';
    return failure(
      absent ? 'no-such-host' : 'dns',
      `DNS lookup of ${host} failed: ${answer.cause} (${remote(answer.detail)})`,
      progress,
    );
  }
  if (answer.value.length === 0) return failure('no-such-host', `${host} has no A or AAAA records`, progress);

  const addresses = connectableAddresses(answer.value, options.allowPrivate);
  if (addresses.length === 0) {
    progress.address = answer.value[0] ?? null;
    const named = describeBlocked(answer.value);
    return failure(
      'blocked-address',
      `${host} resolves only to addresses the scanner will not connect to: ${remote(named)}`,
      progress,
    );
  }

  const url = `https://${host}${port === 443 ? '' : `:${port}`}${POLICY_PATH}`;
  const { secureContext } = options;
  const connect: buildConnector.connector = (_origin, callback) => {
    void openTls({ addresses, host, port, secureContext, signal, progress }).then((socket) =>
      socket ? callback(null, socket) : callback(new Error(progress.failure?.detail ?? 'no connection'), null),
    );
  };
  const agent = new Agent({ connect, connections: 1 });
  try {
    const response = await request(url, { dispatcher: agent, signal, method: 'GET' });
    const cert = progress.cert;
    const address = progress.address;
    if (cert === null || address === null) throw new Error('response without a recorded handshake');
    progress.phase = 'reading the body';
    const refusal = judgeHeaders(response.statusCode, response.headers, progress);
    if (refusal) {
      // Abandoning the body makes undici raise an abort error on it, which is expected here.
      response.body.on('error', () => undefined).destroy();
      return refusal;
    }
    const body = await readCapped(response.body);
    if (body === null) return failure('too-large', `the policy is larger than ${MAX_POLICY_BYTES} bytes`, progress);
    const contentType = headerText(response.headers['content-type']) ?? '';
    const sha256 = createHash('sha256').update(body).digest('hex');
    return { ok: true, value: { url, address, status: response.statusCode, contentType, body, sha256, cert } };
  } finally {
    await agent.destroy();
  }
}

/** RFC 8461 §3.3: a redirect must not be followed, only 200 counts, and the media type is text/plain. */
function judgeHeaders(status: number, headers: Dispatcher.ResponseData['headers'], progress: Progress): Failure | null {
  if (status >= 300 && status < 400) {
    const location = headerText(headers['location']);
    const target = location === undefined ? 'no Location header' : `Location: ${remote(location)}`;
    return failure('redirect', `HTTP ${status} redirect (${target}); redirects must not be followed`, progress);
  }
  if (status !== 200) return failure('http-status', `HTTP ${status} instead of 200`, progress);
  const contentType = headerText(headers['content-type']);
  if (contentType === undefined)
    return failure('content-type', 'no Content-Type header; text/plain is required', progress);
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'text/plain') {
    return failure('content-type', `Content-Type "${remote(contentType)}" is not text/plain`, progress);
  }
  const declared = Number(headerText(headers['content-length']) ?? 0);
  if (declared > MAX_POLICY_BYTES) {
    return failure('too-large', `Content-Length ${declared} exceeds the ${MAX_POLICY_BYTES}-byte limit`, progress);
  }
  return null;
}

/** The body, or null as soon as it grows past the limit (the rest is never read). */
async function readCapped(body: AsyncIterable<Buffer>): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > MAX_POLICY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

/** The resolver's answer, with a throwing resolver counted as a DNS failure like any other. */
export async function lookup(resolver: DnsResolver, host: string): Promise<DnsAnswer<string[]>> {
  try {
    return await resolver.addresses(host);
  } catch (error) {
    return { ok: false, cause: 'error', detail: errorText(error) };
  }
}

/** The resolver is not told about the deadline, so stop waiting for it when the deadline passes. */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = (): void => reject(new Error('deadline reached'));
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}
