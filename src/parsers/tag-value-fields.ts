import type { ParseResult } from './parse-result.js';
import { quoteValue } from './quote-value.js';

export interface TagValueField {
  name: string;
  value: string;
}

// RFC 8461 §3.1 sts-ext-name and RFC 8460 §3 tlsrpt-ext-name share this grammar.
export const EXT_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/;
// sts-ext-value / tlsrpt-ext-value: printable ASCII except "=", ";" and space.
const EXT_VALUE = /^[\x21-\x3a\x3c\x3e-\x7e]+$/;

/**
 * Splits `version 1*(delim field) [delim]`, with `delim = *WSP ";" *WSP` (RFC 8461 §3.1, RFC 8460 §3), into
 * name=value fields. Field values are left to the caller, whose grammar differs per field.
 */
export function splitTagValueFields(record: string, version: string): ParseResult<TagValueField[]> {
  if (!record.startsWith(version)) return fail(versionProblem(record, version));
  const parts = record.slice(version.length).split(';');
  if (parts.length < 2 || !/^[ \t]*$/.test(parts[0]!))
    return fail(`"${version}" must be followed by ";" and the fields`);
  const fields: TagValueField[] = [];
  const last = parts.length - 1;
  for (let i = 1; i <= last; i++) {
    const raw = parts[i]!;
    // WSP after the final ";" is part of the optional trailing delimiter.
    if (i === last && /^[ \t]*$/.test(raw)) {
      if (fields.length > 0) break;
      return fail(`no fields after "${version};"`);
    }
    const text = raw.replace(/^[ \t]+/, '');
    const field = i === last ? text : text.replace(/[ \t]+$/, '');
    if (field === '') return fail('empty field between ";" delimiters');
    if (i === last && /[ \t]$/.test(field))
      return fail('whitespace after the last field (only allowed after a final ";")');
    const eq = field.indexOf('=');
    if (eq < 1) return fail(`field ${quoteValue(field)} is not name=value`);
    const name = field.slice(0, eq);
    if (!EXT_NAME.test(name)) return fail(`field name ${quoteValue(name)} is not valid`);
    fields.push({ name, value: field.slice(eq + 1) });
  }
  return { ok: true, value: fields };
}

/** Why an extension (or ignored duplicate) value is not sts-ext-value, or null when it is. */
export function extValueProblem(field: TagValueField): string | null {
  if (EXT_VALUE.test(field.value)) return null;
  if (field.value === '') return `field "${field.name}" has no value`;
  return `value of "${field.name}" has a character outside printable ASCII or one of "=", ";", space: ${quoteValue(field.value)}`;
}

/** Why a required field is missing, with a hint when only the case of its name is wrong. */
export function missingField(name: string, presentNames: string[]): string {
  const near = presentNames.find((present) => present.toLowerCase() === name);
  const hint = near ? ` (found "${near}"; field names are case-sensitive)` : '';
  return `required field "${name}" is missing${hint}`;
}

function versionProblem(record: string, version: string): string {
  const start = record.slice(0, version.length);
  if (start.toLowerCase() === version.toLowerCase()) {
    return `record begins with ${quoteValue(start)}, not "${version}" (case-sensitive)`;
  }
  return `record does not begin with "${version}"`;
}

function fail(reason: string): ParseResult<never> {
  return { ok: false, reason };
}
