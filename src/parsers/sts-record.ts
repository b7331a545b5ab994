import type { ParseResult } from './parse-result.js';
import { quoteValue } from './quote-value.js';
import { extValueProblem, missingField, splitTagValueFields } from './tag-value-fields.js';

export interface StsRecord {
  version: 'STSv1';
  id: string;
  extensions: Record<string, string>;
}

const VERSION = 'v=STSv1';
const ID = /^[A-Za-z0-9]{1,32}$/;
// "Begins with v=STSv1;" read through the ABNF: sts-version then an sts-field-delim, which may open with WSP.
const STS_PREFIX = /^v=STSv1[ \t]*;/;

/**
 * The TXT records (strings already joined) that RFC 8461 §3.1 keeps: those beginning with "v=STSv1;".
 * Applied to a lone record too: a record not beginning so is invalid anyway, and a wildcard TXT (an SPF record, a
 * verification token) answering for _mta-sts must read as "no record", not as a broken one.
 */
export function selectStsRecords(txtRecords: string[]): string[] {
  return txtRecords.filter((record) => STS_PREFIX.test(record));
}

/**
 * A record senders discard (it does not begin with "v=STSv1;") that was plainly meant as one: a leading space,
 * another case, a missing ";". Worth reporting, since the owner believes MTA-STS is published.
 */
export function looksLikeStsRecord(record: string): boolean {
  return !STS_PREFIX.test(record) && /v\s*=\s*stsv1/i.test(record);
}

/** Parses one MTA-STS TXT record exactly by the RFC 8461 §3.1 ABNF (case-sensitive, no surrounding whitespace). */
export function parseStsRecord(record: string): ParseResult<StsRecord> {
  const split = splitTagValueFields(record, VERSION);
  if (!split.ok) return split;
  let id: string | undefined;
  const extensions: Record<string, string> = {};
  for (const field of split.value) {
    if (field.name === 'id' && id === undefined) {
      if (!ID.test(field.value)) return { ok: false, reason: idProblem(field.value) };
      id = field.value;
      continue;
    }
    // A repeated field is ignored after its first entry (RFC 8461 §3.2) but must still be a syntactically valid field.
    const problem = extValueProblem(field);
    if (problem) return { ok: false, reason: problem };
    if (field.name !== 'v' && field.name !== 'id' && !Object.hasOwn(extensions, field.name)) {
      extensions[field.name] = field.value;
    }
  }
  if (id === undefined)
    return {
      ok: false,
      reason: missingField(
        'id',
        split.value.map((f) => f.name),
      ),
    };
  return { ok: true, value: { version: 'STSv1', id, extensions } };
}

function idProblem(id: string): string {
  if (id === '') return 'id is empty; it must be 1 to 32 letters and digits';
  if (id.length > 32 && /^[A-Za-z0-9]+$/.test(id))
    return `id is ${id.length} characters; at most 32 letters and digits are allowed`;
  return `id ${quoteValue(id)} must be 1 to 32 letters and digits only`;
}
