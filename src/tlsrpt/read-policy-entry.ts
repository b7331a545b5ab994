import { policyStringField } from './policy-string-fields.js';
import {
  describe,
  isObject,
  type JsonObject,
  optionalString,
  pathOf,
  requiredObject,
  sessionCount,
  type Warn,
} from './report-fields.js';
import { reject } from './report-rejection.js';

/** One entry of a report's "policies", checked and reduced to what the summary needs. */
export interface PolicyEntry {
  domain: string | null;
  type: string;
  modes: string[];
  mxPatterns: string[];
  successful: number;
  failed: number;
  details: FailureDetail[];
}

export interface FailureDetail {
  resultType: string;
  /** "(unknown)" when the sender left it out or empty. */
  mxHost: string;
  sendingMta: string;
  count: number;
}

export const UNKNOWN = '(unknown)';
const POLICY_TYPES = new Set(['sts', 'tlsa', 'no-policy-found']);
// The IANA "STARTTLS Validation Result Types" registry (RFC 8460 §6.6).
const RESULT_TYPES = new Set([
  'starttls-not-supported',
  'certificate-host-mismatch',
  'certificate-expired',
  'certificate-not-trusted',
  'validation-failure',
  'tlsa-invalid',
  'dnssec-invalid',
  'dane-required',
  'sts-policy-fetch-error',
  'sts-policy-invalid',
  'sts-webpki-invalid',
]);
const MX_PREFIX = /^mx:[ \t]*/i;

export function readPolicyEntry(entry: unknown, path: string, warn: Warn): PolicyEntry {
  if (!isObject(entry)) reject('invalid-type', path, `the policy entry is ${describe(entry)}, not an object`);
  const policyPath = pathOf(path, 'policy');
  const policy = requiredObject(entry, 'policy', path);
  const type = optionalString(policy, 'policy-type', policyPath);
  if (type === undefined) reject('missing-field', pathOf(policyPath, 'policy-type'), '"policy-type" is missing');
  if (!POLICY_TYPES.has(type)) warn('unknown-policy-type');
  const domain = dnsName(optionalString(policy, 'policy-domain', policyPath)) || null;
  if (domain === null) warn('missing-policy-domain');
  const policyString = readPolicyString(policy, policyPath, warn);
  const mxHosts = [
    ...readMxHosts(policy, 'mx-host', policyPath, warn),
    ...readMxHosts(policy, 'mx-host-pattern', policyPath, warn),
  ];
  const summaryPath = pathOf(path, 'summary');
  const summary = requiredObject(entry, 'summary', path);
  const successful = sessionCount(summary, 'total-successful-session-count', summaryPath, warn);
  const failed = sessionCount(summary, 'total-failure-session-count', summaryPath, warn);
  const details = readFailureDetails(entry, path, warn);
  // Failure types can overlap, so details may add up to more than the total; the total is what counts.
  if (details.reduce((sum, detail) => sum + detail.count, 0) > failed) warn('failure-details-exceed-total');
  return {
    domain,
    type,
    modes: type === 'sts' ? policyStringField(policyString, 'mode') : [],
    mxPatterns: mxHosts.length > 0 ? mxHosts : policyStringField(policyString, 'mx'),
    successful,
    failed,
    details,
  };
}

function readPolicyString(policy: JsonObject, path: string, warn: Warn): string[] {
  const value = policy['policy-string'];
  if (typeof value === 'string') {
    warn('policy-string-not-array');
    return [value];
  }
  return stringArray(value, pathOf(path, 'policy-string'));
}

function readMxHosts(policy: JsonObject, key: string, path: string, warn: Warn): string[] {
  const value = policy[key];
  if (typeof value === 'string') warn('mx-host-not-array');
  const hosts = typeof value === 'string' ? [value] : stringArray(value, pathOf(path, key));
  return hosts
    .map((host) => {
      if (!MX_PREFIX.test(host)) return host.trim();
      warn('mx-host-prefixed');
      return host.replace(MX_PREFIX, '').trim();
    })
    .filter((host) => host !== '');
}

/** An array of strings; missing or null is empty, any other shape is rejected at the first wrong value. */
function stringArray(value: unknown, path: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) reject('invalid-type', path, `the value is ${describe(value)}, not an array of strings`);
  value.forEach((element, i) => {
    if (typeof element !== 'string')
      reject('invalid-type', pathOf(path, i), `the value is ${describe(element)}, not a string`);
  });
  return value as string[];
}

function readFailureDetails(entry: JsonObject, path: string, warn: Warn): FailureDetail[] {
  const detailsPath = pathOf(path, 'failure-details');
  const value = entry['failure-details'];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value))
    reject('invalid-type', detailsPath, `"failure-details" is ${describe(value)}, not an array`);
  return value.map((detail: unknown, i) => {
    const at = pathOf(detailsPath, i);
    if (!isObject(detail)) reject('invalid-type', at, `the failure detail is ${describe(detail)}, not an object`);
    const resultType = optionalString(detail, 'result-type', at) || UNKNOWN;
    if (!RESULT_TYPES.has(resultType)) warn('unknown-result-type');
    return {
      resultType,
      mxHost: dnsName(optionalString(detail, 'receiving-mx-hostname', at)) || UNKNOWN,
      sendingMta: optionalString(detail, 'sending-mta-ip', at) || UNKNOWN,
      count: sessionCount(detail, 'failed-session-count', at, warn),
    };
  });
}

/** One spelling per DNS name, so "MX.example.com." and "mx.example.com" count together. */
function dnsName(name: string | undefined): string | undefined {
  return name?.toLowerCase().replace(/\.$/, '');
}
