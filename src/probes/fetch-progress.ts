import type { CertInfo } from './cert-info.js';
import type { PolicyFetchCause, PolicyProbeResult } from './policy-probe.js';

export type Failure = Extract<PolicyProbeResult, { ok: false }>;

const MAX_REMOTE_TEXT = 200;

/** Where the fetch has got to: what a failure or the deadline reports. */
export interface Progress {
  phase: string;
  address: string | null;
  cert: CertInfo | null;
  /** Set by the connector, which can only hand undici an opaque error. */
  failure: Failure | null;
}

export function failure(cause: PolicyFetchCause, detail: string, progress: Progress): Failure {
  return { ok: false, cause, detail, address: progress.address, cert: progress.cert };
}

export function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // OpenSSL messages carry library paths; the reason alone reads better in chat.
  const reason = (error as { reason?: unknown }).reason;
  const code = (error as { code?: unknown }).code;
  if (typeof reason === 'string') return reason;
  return typeof code === 'string' && !error.message.includes(code) ? `${code} ${error.message}` : error.message;
}

/** Text from the other side, made safe and short for a chat message. */
export function remote(text: string): string {
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, ' ');
  return flat.length > MAX_REMOTE_TEXT ? `${flat.slice(0, MAX_REMOTE_TEXT - 1)}…` : flat;
}
