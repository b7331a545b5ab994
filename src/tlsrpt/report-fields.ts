import { quoteValue } from '../parsers/quote-value.js';
import { reject } from './report-rejection.js';
import type { TlsRptWarningCode } from './tlsrpt-report.js';

export type JsonObject = Record<string, unknown>;
export type Warn = (code: TlsRptWarningCode) => void;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function pathOf(parent: string, key: string | number): string {
  return typeof key === 'number' ? `${parent}[${key}]` : parent === '' ? key : `${parent}.${key}`;
}

/** A member that must be present (null counts as missing) and an object. */
export function requiredObject(parent: JsonObject, key: string, path: string): JsonObject {
  const value = parent[key];
  const at = pathOf(path, key);
  if (value === undefined || value === null) reject('missing-field', at, `"${key}" is missing`);
  if (!isObject(value)) reject('invalid-type', at, `"${key}" is ${describe(value)}, not an object`);
  return value;
}

/** A string member senders may leave out: undefined when missing or null; any other type is rejected. */
export function optionalString(parent: JsonObject, key: string, path: string): string | undefined {
  const value = parent[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string')
    reject('invalid-type', pathOf(path, key), `"${key}" is ${describe(value)}, not a string`);
  return value;
}

/** A session count: a missing one counts as 0 (with a warning); anything but an integer 0…2^53−1 is rejected. */
export function sessionCount(parent: JsonObject, key: string, path: string, warn: Warn): number {
  const value = parent[key];
  if (value === undefined || value === null) {
    warn('missing-count-defaulted');
    return 0;
  }
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    const shown = typeof value === 'number' ? String(value) : describe(value);
    reject('invalid-count', pathOf(path, key), `"${key}" is ${shown}, not a whole number from 0 to 2^53−1`);
  }
  return value;
}

/** A JSON value named for a message, remote text quoted and cut short. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${quoteValue(value)}`;
  if (typeof value === 'object') return 'an object';
  return `the ${typeof value} ${String(value)}`;
}
