import type { PolicyMode } from '../report/report.js';
import type { ParseResult } from './parse-result.js';
import { checkMxValue } from './policy-mx-value.js';
import { quoteValue } from './quote-value.js';
import { EXT_NAME, missingField } from './tag-value-fields.js';

export interface StsPolicy {
  version: 'STSv1';
  mode: PolicyMode;
  mx: string[];
  maxAge: number;
  extensions: Record<string, string>;
}

const MODES: readonly string[] = ['enforce', 'testing', 'none'];
const MAX_AGE_LIMIT = 31_557_600;
// sts-policy-ext-value: UTF-8 without CTLs, inner spaces (not tabs) only.
const VCHAR = '\\x21-\\x7e\\u0080-\\ud7ff\\ue000-\\u{10ffff}';
const EXT_VALUE = new RegExp(`^[${VCHAR}](?:[ ${VCHAR}]*[${VCHAR}])?$`, 'u');
const SINGLE_FIELDS = ['version', 'mode', 'max_age'] as const;
type SingleField = (typeof SINGLE_FIELDS)[number];

/**
 * Parses an MTA-STS policy body exactly by the RFC 8461 §3.2 ABNF: LF or CRLF terminators (erratum 6253), one
 * optional final terminator, case-sensitive names and values, `*WSP` only after the ":" and at the line end. Every
 * line must be a field; a repeated field other than mx is ignored after its first entry; unknown fields are kept
 * as extensions.
 */
export function parseStsPolicy(body: string): ParseResult<StsPolicy> {
  if (body === '') return fail('the policy is empty');
  const lines = body.replace(/\r?\n$/, '').split(/\r?\n/);
  const single: Partial<Record<SingleField, string>> = {};
  const mx = new Set<string>();
  const extensions: Record<string, string> = {};
  for (const [index, line] of lines.entries()) {
    const field = splitLine(line, index + 1);
    if (!field.ok) return field;
    const { name, value } = field.value;
    if (name === 'mx') {
      const pattern = checkMxValue(value);
      if (!pattern.ok) return pattern;
      mx.add(pattern.value);
    } else if (isSingleField(name)) {
      single[name] ??= value;
    } else if (!Object.hasOwn(extensions, name)) {
      extensions[name] = value;
    }
  }
  const names = [...Object.keys(extensions), ...Object.keys(single)];
  const { version, mode, max_age: maxAge } = single;
  if (version === undefined) return fail(missingField('version', names));
  if (version !== 'STSv1') return fail(`version ${quoteValue(version)} is not "STSv1"${caseHint(version, ['STSv1'])}`);
  if (mode === undefined) return fail(missingField('mode', names));
  if (!isMode(mode))
    return fail(`mode ${quoteValue(mode)} is not one of enforce, testing, none${caseHint(mode, MODES)}`);
  if (maxAge === undefined) return fail(missingField('max_age', names));
  const seconds = parseMaxAge(maxAge);
  if (!seconds.ok) return seconds;
  if (mode !== 'none' && mx.size === 0) return fail(`no mx field; mode "${mode}" needs at least one`);
  return { ok: true, value: { version, mode, mx: [...mx], maxAge: seconds.value, extensions } };
}

function splitLine(line: string, number: number): ParseResult<{ name: string; value: string }> {
  if (line === '') return fail(`line ${number} is empty; blank lines are not allowed`);
  const colon = line.indexOf(':');
  if (colon < 0) return fail(`line ${number} ${quoteValue(line)} is not a "name: value" field`);
  const name = line.slice(0, colon);
  if (!EXT_NAME.test(name)) {
    const why = /^[ \t]/.test(name) ? ' (no whitespace is allowed before it)' : '';
    return fail(`line ${number}: field name ${quoteValue(name)} is not valid${why}`);
  }
  const value = line
    .slice(colon + 1)
    .replace(/^[ \t]+/, '')
    .replace(/[ \t]+$/, '');
  if (value === '') return fail(`line ${number}: field "${name}" has no value`);
  if (!EXT_VALUE.test(value))
    return fail(
      `line ${number}: value of "${name}" has a character a field value cannot hold (control, tab or invalid UTF-8): ${quoteValue(value)}`,
    );
  return { ok: true, value: { name, value } };
}

function parseMaxAge(value: string): ParseResult<number> {
  if (!/^[0-9]{1,10}$/.test(value))
    return fail(`max_age ${quoteValue(value)} is not a whole number of seconds (1 to 10 digits)`);
  const seconds = Number(value);
  if (seconds > MAX_AGE_LIMIT)
    return fail(`max_age ${seconds} is over the limit of ${MAX_AGE_LIMIT} seconds (one year)`);
  return { ok: true, value: seconds };
}

function caseHint(value: string, allowed: readonly string[]): string {
  return allowed.some((a) => a.toLowerCase() === value.toLowerCase()) ? ' (values are case-sensitive)' : '';
}

function isSingleField(name: string): name is SingleField {
  return (SINGLE_FIELDS as readonly string[]).includes(name);
}

function isMode(value: string): value is PolicyMode {
  return MODES.includes(value);
}

function fail(reason: string): ParseResult<never> {
  return { ok: false, reason };
}
