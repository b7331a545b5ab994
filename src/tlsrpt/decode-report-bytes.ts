import { crc32, type InflateRaw, inflateRawSync } from 'node:zlib';
import { reject } from './report-rejection.js';
import { TLSRPT_MAX_BYTES, type TlsRptWarningCode } from './tlsrpt-report.js';

const MIB = TLSRPT_MAX_BYTES / 1024 / 1024;
/** Real senders write one member; a cap keeps thousands of empty members from costing seconds. */
const MAX_MEMBERS = 64;
const FLAG = { hcrc: 2, extra: 4, name: 8, comment: 16, reserved: 0xe0 } as const;

/**
 * The report's JSON bytes: gunzipped when they begin with the gzip magic (file names and media types get lost on the
 * way), each member in turn (a second member continues the first), inflating no further than the limit + 1 byte.
 */
export function decodeReportBytes(bytes: Uint8Array, warn: (code: TlsRptWarningCode) => void): Uint8Array {
  // Compressed JSON is always smaller than the JSON: the bound holds for the bytes as received too.
  if (bytes.length > TLSRPT_MAX_BYTES) tooLarge();
  if (!isGzipAt(bytes, 0)) return bytes;
  const parts: Uint8Array[] = [];
  let produced = 0;
  let offset = 0;
  do {
    if (parts.length === MAX_MEMBERS) corrupt(`more than ${MAX_MEMBERS} gzip members`);
    const member = inflateMember(bytes, offset, TLSRPT_MAX_BYTES - produced);
    parts.push(member.output);
    produced += member.output.length;
    offset = member.end;
  } while (isGzipAt(bytes, offset));
  // A sender that appends CRLF (or padding) after the last member still sent a whole report.
  if (offset < bytes.length) warn('gzip-trailing-garbage');
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
}

function isGzipAt(bytes: Uint8Array, offset: number): boolean {
  return bytes[offset] === 0x1f && bytes[offset + 1] === 0x8b;
}

/** One RFC 1952 member: header, deflate data, then CRC-32 and length checked against what was inflated. */
function inflateMember(bytes: Uint8Array, start: number, budget: number): { output: Uint8Array; end: number } {
  const dataStart = skipHeader(bytes, start);
  let output: Buffer;
  let consumed: number;
  try {
    // maxOutputLength makes zlib stop once it has produced budget + 1 bytes: a bomb is never inflated in full.
    const inflated = inflateRawSync(bytes.subarray(dataStart), {
      info: true,
      maxOutputLength: budget + 1,
    }) as unknown as {
      buffer: Buffer;
      engine: InflateRaw;
    };
    output = inflated.buffer;
    consumed = inflated.engine.bytesWritten;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') tooLarge();
    return corrupt(`the compressed data is corrupt or cut short (${(error as Error).message})`);
  }
  if (output.length > budget) tooLarge();
  const trailer = dataStart + consumed;
  if (trailer + 8 > bytes.length) corrupt('the gzip member is cut short before its CRC and length');
  const view = new DataView(bytes.buffer, bytes.byteOffset + trailer, 8);
  if (view.getUint32(0, true) !== crc32(output)) corrupt('the gzip CRC does not match the data');
  if (view.getUint32(4, true) !== output.length % 2 ** 32) corrupt('the gzip length does not match the data');
  return { output, end: trailer + 8 };
}

function skipHeader(bytes: Uint8Array, start: number): number {
  if (start + 10 > bytes.length) corrupt('the gzip header is cut short');
  if (bytes[start + 2] !== 8) corrupt('the gzip compression method is not deflate');
  const flags = bytes[start + 3]!;
  if (flags & FLAG.reserved) corrupt('the gzip header sets reserved flags');
  let at = start + 10;
  if (flags & FLAG.extra) {
    if (at + 2 > bytes.length) corrupt('the gzip header is cut short');
    at += 2 + (bytes[at]! | (bytes[at + 1]! << 8));
  }
  if (flags & FLAG.name) at = afterZero(bytes, at);
  if (flags & FLAG.comment) at = afterZero(bytes, at);
  if (flags & FLAG.hcrc) at += 2;
  if (at > bytes.length) corrupt('the gzip header is cut short');
  return at;
}

function afterZero(bytes: Uint8Array, at: number): number {
  const zero = bytes.indexOf(0, at);
  return zero < 0 ? corrupt('the gzip header is cut short') : zero + 1;
}

function corrupt(message: string): never {
  return reject('invalid-gzip', null, message);
}

function tooLarge(): never {
  return reject('too-large', null, `the report is larger than ${MIB} MiB decompressed (RFC 8460 §5.2)`);
}
