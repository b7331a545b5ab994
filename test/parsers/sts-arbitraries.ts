import fc from 'fast-check';

/** Generators built from the RFC 8461 ABNF, shared by the parser specs and the differential tests against mailauth. */

const ALNUM = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'];
const chars = (list: string[]) => fc.constantFrom(...list);
const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i));

export const wsp = fc.string({ unit: chars([' ', '\t']), maxLength: 3 });
export const stsId = fc.string({ unit: chars(ALNUM), minLength: 1, maxLength: 32 });
// (ALPHA / DIGIT) *31(ALPHA / DIGIT / "_" / "-" / ".")
export const extName = fc
  .tuple(chars(ALNUM), fc.string({ unit: chars([...ALNUM, '_', '-', '.']), maxLength: 31 }))
  .map(([first, rest]) => first + rest);
// sts-ext-value: %x21-3A / %x3C / %x3E-7E
export const txtExtValue = fc.string({
  unit: chars([...range(0x21, 0x3a), '<', ...range(0x3e, 0x7e)]),
  minLength: 1,
  maxLength: 12,
});

/** A record that matches the §3.1 ABNF, with the id and extensions it carries. */
export const validStsRecord = fc
  .record({
    id: stsId,
    extensions: fc.uniqueArray(
      fc.tuple(
        extName.filter((n) => n !== 'id' && n !== 'v'),
        txtExtValue,
      ),
      {
        selector: ([name]) => name,
        maxLength: 3,
      },
    ),
    idAt: fc.nat(),
    delims: fc.array(fc.tuple(wsp, wsp), { minLength: 5, maxLength: 5 }),
    trailing: fc.boolean(),
  })
  .map(({ id, extensions, idAt, delims, trailing }) => {
    const fields = extensions.map(([name, value]) => `${name}=${value}`);
    fields.splice(idAt % (fields.length + 1), 0, `id=${id}`);
    const delim = (i: number) => `${delims[i]![0]};${delims[i]![1]}`;
    const body = fields.map((field, i) => delim(i) + field).join('');
    return { record: `v=STSv1${body}${trailing ? delim(4) : ''}`, id, extensions: Object.fromEntries(extensions) };
  });

const mostly = <T>(valid: fc.Arbitrary<T>, mistakes: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 6, arbitrary: valid }, { weight: 1, arbitrary: mistakes });

/** Records near the §3.1 grammar: each piece is mostly valid, sometimes a typical mistake. */
export const nearStsRecord = fc
  .tuple(
    mostly(fc.constant('v=STSv1'), fc.constantFrom('v=stsv1', 'V=STSv1', 'v=STSv2', ' v=STSv1', 'v=STSv1 ', '')),
    fc.array(
      fc.tuple(
        mostly(
          fc.tuple(wsp, wsp).map(([a, b]) => `${a};${b}`),
          fc.constantFrom(',', ' ', ';;', ''),
        ),
        fc.oneof(
          { weight: 4, arbitrary: stsId.map((id) => `id=${id}`) },
          { weight: 3, arbitrary: fc.tuple(extName, txtExtValue).map(([n, v]) => `${n}=${v}`) },
          {
            weight: 1,
            arbitrary: fc
              .string({ unit: chars([...ALNUM, '-', '_', '.', ' ']), maxLength: 40 })
              .map((id) => `id=${id}`),
          },
          {
            weight: 1,
            arbitrary: fc.constantFrom('ID=abc', 'id', '=x', 'x=', 'x=a b', 'x=a=b', '_x=1', 'id=abc ', 'v=STSv1'),
          },
        ),
      ),
      { minLength: 1, maxLength: 4 },
    ),
    mostly(fc.constantFrom('', ';', '; ', ' ; \t'), fc.constantFrom(' ', ';;', '\t')),
  )
  .map(([version, fields, end]) => version + fields.map(([d, f]) => d + f).join('') + end);

const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?$/);
const topLabel = fc.stringMatching(/^[a-z]{2,6}$/);
/** An RFC 5321 Domain of 2 to 4 labels (never numeric at the top, labels of at most 12 characters). */
export const hostName = fc
  .tuple(fc.array(label, { minLength: 1, maxLength: 3 }), topLabel)
  .map(([labels, top]) => [...labels, top].join('.'));
/** ["*."] Domain, in any letter case. */
export const mxPattern = fc
  .tuple(fc.boolean(), hostName, fc.boolean())
  .map(([wildcard, host, upper]) => (wildcard ? '*.' : '') + (upper ? host.toUpperCase() : host));

const policyVchar = fc.oneof(chars(range(0x21, 0x7e)), fc.constantFrom('é', 'ß', '€', '𝄞'));
// sts-policy-ext-value: vchar [*(SP / vchar) vchar]
const policyExtValue = fc.oneof(
  policyVchar,
  fc
    .tuple(policyVchar, fc.string({ unit: fc.oneof(policyVchar, fc.constant(' ')), maxLength: 10 }), policyVchar)
    .map(([a, middle, b]) => a + middle + b),
);
const KNOWN = ['version', 'mode', 'max_age', 'mx'];

export interface GeneratedPolicy {
  lines: string[];
  mode: 'enforce' | 'testing' | 'none';
  mx: string[];
  maxAge: number;
  extensions: Record<string, string>;
}

/** The lines (no terminators) of a policy that matches the §3.2 ABNF, in any order, with what it must parse to. */
export const validPolicy: fc.Arbitrary<GeneratedPolicy> = fc
  .record({
    mode: fc.constantFrom('enforce' as const, 'testing' as const, 'none' as const),
    mx: fc.array(mxPattern, { maxLength: 4 }),
    maxAge: fc.integer({ min: 0, max: 31_557_600 }),
    zeros: fc.nat({ max: 2 }),
    extensions: fc.uniqueArray(
      fc.tuple(
        extName.filter((n) => !KNOWN.includes(n)),
        policyExtValue,
      ),
      {
        selector: ([name]) => name,
        maxLength: 3,
      },
    ),
    spacing: fc.array(fc.tuple(wsp, wsp), { minLength: 12, maxLength: 12 }),
    order: fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
  })
  .filter(({ mode, mx }) => mode === 'none' || mx.length > 0)
  .map(({ mode, mx, maxAge, zeros, extensions, spacing, order }) => {
    const age = String(maxAge).padStart(Math.min(10, String(maxAge).length + zeros), '0');
    const fields: [string, string][] = [
      ['version', 'STSv1'],
      ['mode', mode],
      ['max_age', age],
      ...mx.map((m): [string, string] => ['mx', m]),
      ...extensions,
    ];
    const keyed = fields.map((field, i) => ({ field, key: order[i] ?? i }));
    keyed.sort((a, b) => a.key - b.key);
    const lines = keyed.map(({ field: [name, value] }, i) => `${name}:${spacing[i]![0]}${value}${spacing[i]![1]}`);
    const listed = keyed
      .filter(({ field: [name] }) => name === 'mx')
      .map(({ field: [, value] }) => value.toLowerCase());
    return { lines, mode, mx: [...new Set(listed)], maxAge, extensions: Object.fromEntries(extensions) };
  });

/** Terminates lines with LF, CRLF or a mix; the final terminator is optional (§3.2 and erratum 6253). */
export function joinLines(lines: string[], terminators: boolean[], final: boolean): string {
  const term = (i: number) => (terminators[i % Math.max(1, terminators.length)] ? '\r\n' : '\n');
  return lines.map((line, i) => line + (i < lines.length - 1 || final ? term(i) : '')).join('');
}

const nearPolicyLine = fc.oneof(
  fc.constantFrom('version: STSv1', 'version: stsv1', 'version: STSv2', 'Version: STSv1'),
  fc.constantFrom(
    'mode: enforce',
    'mode: testing',
    'mode: none',
    'mode: Enforce',
    'mode: TESTING',
    'mode: report',
    'Mode: none',
  ),
  fc.oneof(
    fc.integer({ min: 0, max: 40_000_000 }).map((n) => `max_age: ${n}`),
    fc.constantFrom(
      'max_age: 00000086400',
      'max_age: -1',
      'max_age: 1e6',
      'max_age: 86400s',
      'max_age: 0x10',
      'MAX_AGE: 86400',
    ),
  ),
  mxPattern.map((m) => `mx: ${m}`),
  fc.constantFrom(
    'mx: *',
    'mx: *.',
    'mx: mail.example.com.',
    'mx: mail_1.example.com',
    'mx: *.*.example.com',
    'mx: -a.example.com',
    'mx:',
    'MX: mail.example.com',
    'mx: a b.example.com',
  ),
  fc.tuple(extName, policyExtValue).map(([n, v]) => `${n}: ${v}`),
);
const lineEdit = fc.record({
  kind: fc.constantFrom('replace', 'insert', 'drop', 'repeat'),
  at: fc.nat(),
  line: nearPolicyLine,
});

/**
 * Valid policies with up to two lines replaced, inserted, dropped or repeated: typical mistakes, staying where
 * mailauth's strict parser and this one should agree (no blank or non-field lines, no empty values but mx's: see
 * the known disagreements).
 */
export const nearPolicyLines = fc.tuple(validPolicy, fc.array(lineEdit, { maxLength: 2 })).map(([{ lines }, edits]) => {
  const edited = [...lines];
  for (const { kind, at, line } of edits) {
    const i = at % (edited.length + 1);
    if (kind === 'insert') edited.splice(i, 0, line);
    else if (i < edited.length) {
      if (kind === 'replace') edited[i] = line;
      if (kind === 'drop') edited.splice(i, 1);
      if (kind === 'repeat') edited.splice(i, 0, edited[i]!);
    }
  }
  return edited;
});
