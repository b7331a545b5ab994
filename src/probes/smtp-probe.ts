import type { X509Certificate } from 'node:crypto';
import { isIPv6, type Socket, connect as tcpConnect } from 'node:net';
import { type SecureContext, type TLSSocket, connect as tlsConnect } from 'node:tls';
import { connectableAddresses, describeBlocked } from '../net/blocked-address.js';
import type { DnsResolver } from '../net/dns-resolver.js';
import { offersStartTls, readSmtpReply, type SmtpReply } from '../parsers/smtp-reply.js';
import type { CertInfo } from './cert-info.js';
import { errorText, remote } from './fetch-progress.js';
import { lookup, untilAborted } from './policy-probe.js';
import { peerCertInfo } from './tls-handshake.js';

export type SmtpProbeCause =
  | 'dns'
  /** NXDOMAIN, or no A/AAAA records. */
  | 'no-such-host'
  | 'blocked-address'
  | 'connect'
  | 'timeout'
  /** The server answered, but refused the session (421 or another non-220 greeting, or a refused STARTTLS). */
  | 'refused'
  /** The server closed the connection or sent something that is not SMTP. */
  | 'protocol'
  | 'tls';

export interface SmtpTls {
  /** e.g. "TLSv1.3". */
  version: string;
  /** OpenSSL name, e.g. "TLS_AES_256_GCM_SHA384". */
  cipher: string;
  cert: CertInfo;
  /** DER of the leaf, then each issuer of the chain as assembled from what the host sent (a trusted root may close it). */
  chain: Buffer[];
}

export interface SmtpSession {
  address: string;
  /** The first line of the 220 greeting, shortened and made safe. */
  greeting: string;
  starttls: boolean;
  /** Null when STARTTLS is not offered. */
  tls: SmtpTls | null;
}

export type SmtpProbeResult =
  | { ok: true; value: SmtpSession }
  | { ok: false; cause: SmtpProbeCause; detail: string; address: string | null };

export interface SmtpProbeOptions {
  /** The MX host name: looked up, and sent as SNI. */
  host: string;
  resolver: DnsResolver;
  /** 25; tests inject their own. */
  port: number;
  allowPrivate: boolean;
  /** One deadline for the lookup and the whole dialogue. */
  timeoutMs: number;
  secureContext: SecureContext | undefined;
}

/** A reply larger than this is not an SMTP server talking. */
const MAX_REPLY_BYTES = 16_384;

class SmtpFailure extends Error {
  constructor(
    readonly kind: SmtpProbeCause,
    detail: string,
  ) {
    super(detail);
  }
}

/**
 * Walks the gate a sender walks under MTA-STS (RFC 8461 §4.2) or DANE: connect to port 25, greeting, EHLO,
 * STARTTLS, TLS with SNI = the MX name, then QUIT. Never MAIL, RCPT or DATA. Never throws.
 */
export async function probeSmtp(options: SmtpProbeOptions): Promise<SmtpProbeResult> {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), options.timeoutMs);
  const state = { phase: `resolving ${options.host}`, address: null as string | null };
  try {
    return { ok: true, value: await dialogue(options, deadline.signal, state) };
  } catch (error) {
    const address = state.address;
    if (deadline.signal.aborted) {
      return {
        ok: false,
        cause: 'timeout',
        detail: `no answer within ${options.timeoutMs} ms while ${state.phase}`,
        address,
      };
    }
    if (error instanceof SmtpFailure) return { ok: false, cause: error.kind, detail: error.message, address };
    return {
      ok: false,
      cause: 'protocol',
      detail: `connection broke while ${state.phase}: ${remote(errorText(error))}`,
      address,
    };
  } finally {
    clearTimeout(timer);
  }
}

async function dialogue(
  options: SmtpProbeOptions,
  signal: AbortSignal,
  state: { phase: string; address: string | null },
): Promise<SmtpSession> {
  const { host, port } = options;
  const answer = await untilAborted(lookup(options.resolver, host), signal);
  if (!answer.ok) {
    const absent = answer.cause === 'nxdomain' || answer.cause === 'nodata';
    throw new SmtpFailure(
      absent ? 'no-such-host' : 'dns',
      `DNS lookup of ${host} failed: ${answer.cause} (${remote(answer.detail)})`,
    );
  }
  if (answer.value.length === 0) throw new SmtpFailure('no-such-host', `${host} has no A or AAAA records`);
  const addresses = connectableAddresses(answer.value, options.allowPrivate);
  if (addresses.length === 0) {
    state.address = answer.value[0] ?? null;
    throw new SmtpFailure(
      'blocked-address',
      `${host} resolves only to addresses the scanner will not connect to: ${remote(describeBlocked(answer.value))}`,
    );
  }

  const socket = await connectFirst(addresses, port, signal, state);
  const address = state.address!;
  try {
    const replies = replyReader(socket);
    state.phase = `waiting for the greeting of ${address}`;
    const greeting = await replies.next();
    if (greeting.code !== 220) throw new SmtpFailure('refused', `${address} greeted with ${describe(greeting)}`);
    state.phase = `waiting for the EHLO reply of ${address}`;
    socket.write(`EHLO ${addressLiteral(socket.localAddress ?? '')}\r\n`);
    const ehlo = await replies.next();
    const session = { address, greeting: remote(greeting.lines[0] ?? ''), starttls: offersStartTls(ehlo), tls: null };
    if (!session.starttls) {
      socket.end('QUIT\r\n');
      return session;
    }
    state.phase = `waiting for the STARTTLS reply of ${address}`;
    socket.write('STARTTLS\r\n');
    const ready = await replies.next();
    if (ready.code !== 220)
      throw new SmtpFailure('refused', `${address} offered STARTTLS but answered it with ${describe(ready)}`);
    replies.detach();
    state.phase = `doing the TLS handshake with ${address}`;
    const secure = await upgrade(socket, options, signal);
    const tls = readTls(secure, address);
    secure.end('QUIT\r\n');
    return { ...session, tls };
  } finally {
    // QUIT has been written where the dialogue got that far; nothing more is read.
    setTimeout(() => socket.destroy(), 200).unref();
    if (signal.aborted) socket.destroy();
  }
}

/** Tries the addresses in order, moving on only when TCP itself fails. */
async function connectFirst(
  addresses: string[],
  port: number,
  signal: AbortSignal,
  state: { phase: string; address: string | null },
): Promise<Socket> {
  const refused: string[] = [];
  for (const address of addresses) {
    state.address = address;
    state.phase = `connecting to ${address} port ${port}`;
    try {
      return await tcp(address, port, signal);
    } catch (error) {
      if (signal.aborted) throw error;
      refused.push(`${address} (${(error as NodeJS.ErrnoException).code ?? errorText(error)})`);
    }
  }
  throw new SmtpFailure('connect', `could not connect on port ${port}: ${remote(refused.join(', '))}`);
}

function tcp(address: string, port: number, signal: AbortSignal): Promise<Socket> {
  return new Promise((resolve, reject) => {
    // Each command is one small write awaiting its reply: Nagle's algorithm would only hold it back.
    const socket = tcpConnect({ host: address, port, noDelay: true });
    const abort = (): void => void socket.destroy(new Error('deadline reached'));
    const onError = (error: Error): void => {
      signal.removeEventListener('abort', abort);
      socket.destroy();
      reject(error);
    };
    socket.once('error', onError);
    socket.once('connect', () => {
      socket.off('error', onError);
      signal.removeEventListener('abort', abort);
      // Later errors surface through the reader; the deadline destroys the socket.
      socket.on('error', () => undefined);
      signal.addEventListener('abort', () => socket.destroy(), { once: true });
      resolve(socket);
    });
    if (signal.aborted) abort();
    else signal.addEventListener('abort', abort, { once: true });
  });
}

interface ReplyReader {
  next(): Promise<SmtpReply>;
  /** Stops reading, so TLS can take the socket over. */
  detach(): void;
}

function replyReader(socket: Socket): ReplyReader {
  let buffered = '';
  let waiting: { resolve: (reply: SmtpReply) => void; reject: (error: Error) => void } | null = null;
  let ended: Error | null = null;
  const pump = (): void => {
    if (!waiting) return;
    const read = readSmtpReply(buffered);
    if (read.kind === 'reply') {
      buffered = read.rest;
      const { resolve } = waiting;
      waiting = null;
      resolve(read.reply);
      return;
    }
    const error =
      read.kind === 'malformed'
        ? new SmtpFailure('protocol', `not an SMTP reply: "${remote(read.line)}"`)
        : buffered.length > MAX_REPLY_BYTES
          ? new SmtpFailure('protocol', `a reply longer than ${MAX_REPLY_BYTES} bytes`)
          : ended;
    if (!error) return;
    const { reject } = waiting;
    waiting = null;
    reject(error);
  };
  const onData = (data: Buffer): void => {
    buffered += data.toString('latin1');
    pump();
  };
  const onEnd = (): void => {
    ended ??= new SmtpFailure('protocol', 'the server closed the connection');
    pump();
  };
  socket.on('data', onData);
  socket.on('end', onEnd);
  socket.on('close', onEnd);
  return {
    next: () =>
      new Promise((resolve, reject) => {
        waiting = { resolve, reject };
        pump();
      }),
    detach: () => {
      socket.off('data', onData);
      socket.off('end', onEnd);
      socket.off('close', onEnd);
    },
  };
}

function upgrade(socket: Socket, options: SmtpProbeOptions, signal: AbortSignal): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const secure = tlsConnect({
      socket,
      servername: options.host,
      secureContext: options.secureContext,
      // Trust and name are judged from the recorded certificate, as for the policy host.
      rejectUnauthorized: false,
      checkServerIdentity: () => undefined,
    });
    const abort = (): void => void secure.destroy(new Error('deadline reached'));
    secure.once('error', (error) => {
      signal.removeEventListener('abort', abort);
      secure.destroy();
      reject(signal.aborted ? error : new SmtpFailure('tls', `TLS handshake failed: ${remote(errorText(error))}`));
    });
    secure.once('secureConnect', () => {
      signal.removeEventListener('abort', abort);
      secure.on('error', () => undefined);
      resolve(secure);
    });
    if (signal.aborted) abort();
    else signal.addEventListener('abort', abort, { once: true });
  });
}

function readTls(secure: TLSSocket, address: string): SmtpTls {
  try {
    // Read once: a second call may no longer return the certificate.
    const leaf = secure.getPeerX509Certificate();
    return {
      version: secure.getProtocol() ?? 'unknown',
      cipher: secure.getCipher()?.name ?? 'unknown',
      cert: peerCertInfo(secure, leaf),
      chain: presentedChain(leaf),
    };
  } catch (error) {
    secure.destroy();
    throw new SmtpFailure('tls', `unreadable certificate from ${address}: ${remote(errorText(error))}`);
  }
}

/** Leaf first, then each issuer Node knows of; the walk stops at a self-signed certificate or after ten. */
function presentedChain(leaf: X509Certificate | undefined): Buffer[] {
  const chain: Buffer[] = [];
  let cert = leaf;
  while (cert && chain.length < 10 && !chain.some((seen) => seen.equals(cert!.raw))) {
    chain.push(cert.raw);
    cert = cert.issuerCertificate;
  }
  return chain;
}

/** RFC 5321 §4.1.3: the client's own address literal, as EHLO takes when the client has no host name. */
function addressLiteral(ip: string): string {
  return isIPv6(ip) ? `[IPv6:${ip}]` : `[${ip}]`;
}

function describe(reply: SmtpReply): string {
  return `${reply.code} ${remote(reply.lines.join(' '))}`.trim();
}
