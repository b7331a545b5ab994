import {
  createSecureContext,
  rootCertificates,
  type SecureContext,
  type TLSSocket,
  connect as tlsConnect,
} from 'node:tls';
import { type CertInfo, certInfo } from './cert-info.js';
import { errorText, failure, type Progress, remote } from './fetch-progress.js';

/**
 * Node's roots plus the extra anchors. Building it parses every root (tens of ms), so the scanner builds it once per
 * scan and hands the same context to each probe.
 */
export function trustingAlso(ca: readonly string[]): SecureContext {
  return createSecureContext({ ca: [...rootCertificates, ...ca] });
}

export interface TlsTarget {
  addresses: string[];
  host: string;
  port: number;
  secureContext: SecureContext | undefined;
  signal: AbortSignal;
  progress: Progress;
}

type Handshake =
  | { kind: 'up'; socket: TLSSocket }
  | { kind: 'no-tcp'; error: Error }
  | { kind: 'no-tls'; error: Error };

/**
 * Tries the addresses in order, moving on only when TCP itself fails; the first that accepts gets the TLS
 * handshake. Records the peer certificate and chain verdict before undici sees the socket.
 */
export async function openTls(target: TlsTarget): Promise<TLSSocket | null> {
  const { progress } = target;
  const refused: string[] = [];
  for (const address of target.addresses) {
    progress.address = address;
    progress.phase = `connecting to ${address}`;
    const outcome = await handshake(address, target);
    if (target.signal.aborted) return null;
    if (outcome.kind === 'no-tcp') {
      refused.push(`${address} (${(outcome.error as NodeJS.ErrnoException).code ?? errorText(outcome.error)})`);
      continue;
    }
    if (outcome.kind === 'no-tls') {
      progress.failure = failure(
        'tls',
        `TLS handshake with ${address} failed: ${remote(errorText(outcome.error))}`,
        progress,
      );
      return null;
    }
    const { socket } = outcome;
    try {
      progress.cert = peerCertInfo(socket);
    } catch (error) {
      socket.destroy();
      progress.failure = failure(
        'tls',
        `unreadable server certificate from ${address}: ${remote(errorText(error))}`,
        progress,
      );
      return null;
    }
    progress.phase = `waiting for the response from ${address}`;
    return socket;
  }
  progress.failure = failure(
    'connect',
    `could not connect to ${target.host} on port ${target.port}: ${remote(refused.join(', '))}`,
    progress,
  );
  return null;
}

/** The certificate the peer presented and the chain verdict; throws when there is none or it cannot be decoded. */
export function peerCertInfo(socket: TLSSocket, peer = socket.getPeerX509Certificate()): CertInfo {
  if (!peer) throw new Error('the server sent no certificate');
  const trustError = socket.authorizationError ? errorText(socket.authorizationError) : null;
  return certInfo(peer, socket.authorized, trustError);
}

function handshake(address: string, target: TlsTarget): Promise<Handshake> {
  return new Promise((resolve) => {
    const socket = tlsConnect({
      host: address,
      port: target.port,
      servername: target.host,
      ALPNProtocols: ['http/1.1'],
      secureContext: target.secureContext,
      // Trust and name are judged from the recorded certificate; the policy is fetched either way.
      rejectUnauthorized: false,
      checkServerIdentity: () => undefined,
    });
    let tcpUp = false;
    const abort = (): void => {
      socket.destroy(new Error('deadline reached'));
    };
    const settle = (outcome: Handshake): void => {
      target.signal.removeEventListener('abort', abort);
      socket.off('error', onError);
      resolve(outcome);
    };
    const onError = (error: Error): void => {
      socket.destroy();
      settle(tcpUp ? { kind: 'no-tls', error } : { kind: 'no-tcp', error });
    };
    socket.on('error', onError);
    socket.once('connect', () => {
      tcpUp = true;
      target.progress.phase = `doing the TLS handshake with ${address}`;
    });
    socket.once('secureConnect', () => settle({ kind: 'up', socket }));
    if (target.signal.aborted) abort();
    else target.signal.addEventListener('abort', abort, { once: true });
  });
}
