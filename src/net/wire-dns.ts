import { randomInt } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { isIP, connect as tcpConnect } from 'node:net';
import {
  type Answer,
  AUTHENTIC_DATA,
  type DecodedPacket,
  decode,
  encode,
  RECURSION_DESIRED,
  TRUNCATED_RESPONSE,
} from 'dns-packet';
import type { DnsAnswer, DnsFailureCause } from './dns-resolver.js';

/** A DNS server as `host` and `port`, parsed from `ip`, `ip:port` or `[v6]:port`. */
export interface WireServer {
  host: string;
  port: number;
}

export interface WireResponse {
  rcode: string;
  /** The AD flag of the response. */
  authenticated: boolean;
  answers: Answer[];
}

const EDNS_PAYLOAD = 1232;
const MAX_TCP_MESSAGE = 65_535;

export function parseWireServer(server: string): WireServer {
  if (isIP(server) !== 0) return { host: server, port: 53 };
  const bracketed = /^\[([^\]]+)\]:(\d+)$/.exec(server);
  if (bracketed) return { host: bracketed[1]!, port: Number(bracketed[2]) };
  const [host, port] = server.split(':');
  return { host: host!, port: Number(port ?? 53) };
}

/**
 * One DNS query on the wire, for what node:dns cannot ask (TLSA) or show (the AD bit): EDNS0 with DO, over UDP,
 * again over TCP when the answer is truncated. Each server is tried in turn until one answers other than SERVFAIL
 * or REFUSED; the whole lookup keeps within timeoutMs. Never throws.
 */
export async function wireQuery(
  name: string,
  type: 'TLSA',
  servers: WireServer[],
  timeoutMs: number,
): Promise<DnsAnswer<WireResponse>> {
  const deadline = Date.now() + timeoutMs;
  let last: DnsAnswer<WireResponse> = { ok: false, cause: 'error', detail: 'no DNS server configured' };
  for (const [index, server] of servers.entries()) {
    const left = deadline - Date.now();
    if (left <= 0) break;
    // Each server gets an even share of the time that is left, so a dead first server does not starve the rest.
    const budget = Math.max(1, Math.floor(left / (servers.length - index)));
    last = await askServer(name, type, server, budget);
    if (last.ok) return last;
    if (last.cause === 'nxdomain') return last;
  }
  return last;
}

async function askServer(
  name: string,
  type: 'TLSA',
  server: WireServer,
  timeoutMs: number,
): Promise<DnsAnswer<WireResponse>> {
  const id = randomInt(0, 65_536);
  const query = encode({
    id,
    type: 'query',
    flags: RECURSION_DESIRED | AUTHENTIC_DATA,
    questions: [{ type, name, class: 'IN' }],
    additionals: [
      {
        type: 'OPT',
        name: '.',
        udpPayloadSize: EDNS_PAYLOAD,
        extendedRcode: 0,
        ednsVersion: 0,
        flags: 0,
        flag_do: true,
        options: [],
      } as never,
    ],
  });
  const started = Date.now();
  try {
    let response = await overUdp(query, id, server, timeoutMs);
    if ((response.flags ?? 0) & TRUNCATED_RESPONSE)
      response = await overTcp(query, id, server, timeoutMs - (Date.now() - started));
    return judge(response, server);
  } catch (error) {
    const timedOut = (error as Error).message === 'timeout';
    const detail = `${server.host}:${server.port}: ${timedOut ? `no answer before the lookup deadline (${timeoutMs} ms)` : (error as Error).message}`;
    return { ok: false, cause: timedOut ? 'timeout' : 'error', detail };
  }
}

const RCODE_CAUSES: Record<string, DnsFailureCause> = {
  NXDOMAIN: 'nxdomain',
  SERVFAIL: 'servfail',
  REFUSED: 'refused',
};

function judge(response: DecodedPacket, server: WireServer): DnsAnswer<WireResponse> {
  const rcode = (response as DecodedPacket & { rcode?: string }).rcode ?? 'NOERROR';
  if (rcode !== 'NOERROR')
    return {
      ok: false,
      cause: RCODE_CAUSES[rcode] ?? 'error',
      detail: `${server.host}:${server.port} answered ${rcode}`,
    };
  return {
    ok: true,
    value: { rcode, authenticated: ((response.flags ?? 0) & AUTHENTIC_DATA) !== 0, answers: response.answers ?? [] },
  };
}

function overUdp(query: Buffer, id: number, server: WireServer, timeoutMs: number): Promise<DecodedPacket> {
  return new Promise((resolve, reject) => {
    const socket = createSocket(isIP(server.host) === 6 ? 'udp6' : 'udp4');
    const timer = setTimeout(() => finish(new Error('timeout')), Math.max(1, timeoutMs));
    const finish = (error: Error | null, packet?: DecodedPacket): void => {
      clearTimeout(timer);
      socket.close();
      if (error) reject(error);
      else resolve(packet!);
    };
    socket.on('error', (error) => finish(error));
    socket.on('message', (message) => {
      const packet = tryDecode(message);
      // Anything else (a stray or spoofed datagram) is ignored; the real answer may still come.
      if (packet && packet.id === id && packet.type === 'response') finish(null, packet);
    });
    socket.send(query, server.port, server.host, (error) => error && finish(error));
  });
}

/** DNS over TCP: each message is prefixed by its 16-bit length (RFC 1035 §4.2.2). */
function overTcp(query: Buffer, id: number, server: WireServer, timeoutMs: number): Promise<DecodedPacket> {
  return new Promise((resolve, reject) => {
    const socket = tcpConnect({ host: server.host, port: server.port });
    const timer = setTimeout(() => finish(new Error('timeout')), Math.max(1, timeoutMs));
    let buffered = Buffer.alloc(0);
    const finish = (error: Error | null, packet?: DecodedPacket): void => {
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve(packet!);
    };
    socket.on('error', (error) => finish(error));
    socket.on('connect', () => {
      const prefix = Buffer.alloc(2);
      prefix.writeUInt16BE(query.length);
      socket.write(Buffer.concat([prefix, query]));
    });
    socket.on('data', (data) => {
      buffered = Buffer.concat([buffered, data]);
      if (buffered.length > MAX_TCP_MESSAGE + 2) return finish(new Error('oversized TCP answer'));
      if (buffered.length < 2 || buffered.length < 2 + buffered.readUInt16BE(0)) return;
      const packet = tryDecode(buffered.subarray(2, 2 + buffered.readUInt16BE(0)));
      if (packet && packet.id === id) finish(null, packet);
      else finish(new Error('malformed TCP answer'));
    });
    socket.on('end', () => finish(new Error('connection closed before the answer')));
  });
}

function tryDecode(message: Buffer): DecodedPacket | null {
  try {
    return decode(message);
  } catch {
    return null;
  }
}
