import fc from 'fast-check';
import { resolvePolicy } from 'mailauth/lib/mta-sts.js';
import { describe, expect, it } from 'vitest';
import { parseStsRecord, selectStsRecords } from '../../src/parsers/sts-record.js';
import { nearStsRecord, validStsRecord } from './sts-arbitraries.js';

/** mailauth 7 in strict mode, fed the record through its injectable resolver: the policy id, or false. */
function mailauthId(record: string): Promise<string | false> {
  return resolvePolicy('example.com', { strict: true, resolver: async () => [[record]] });
}

function ourId(record: string): string | false {
  const [selected] = selectStsRecords([record]);
  if (selected === undefined) return false;
  const parsed = parseStsRecord(selected);
  return parsed.ok ? parsed.value.id : false;
}

describe('parseStsRecord against mailauth 7 (strict)', () => {
  it('agrees on accept/reject and on the id for records built from the RFC 8461 §3.1 ABNF', async () => {
    await fc.assert(
      fc.asyncProperty(validStsRecord, async ({ record, id }) => {
        expect(await mailauthId(record)).toBe(id);
        expect(ourId(record)).toBe(id);
      }),
    );
  });

  it('agrees on accept/reject and on the id for records near the grammar (typical mistakes mixed in)', async () => {
    await fc.assert(
      fc.asyncProperty(nearStsRecord, async (record) => {
        expect(ourId(record)).toBe(await mailauthId(record));
      }),
      { numRuns: 500 },
    );
  });

  it('agrees on the cases the ABNF makes subtle: WSP before ";", trailing WSP, repeated id, case', async () => {
    const records = [
      'v=STSv1 ;id=a',
      'v=STSv1; id=a ',
      'v=STSv1; id=a; ',
      'v=STSv1; id=a; id=b',
      'v=STSv1; ID=a',
      'v=STSv1; id=a;;',
      'v=STSv1;',
    ];
    for (const record of records) expect(ourId(record)).toBe(await mailauthId(record));
  });
});
