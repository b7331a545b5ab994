import { afterEach, describe, expect, it } from 'vitest';
import { scan } from '../../src/scan/scan.js';
import { historyWriteFailure } from '../../src/scan/unsaved-history.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite-store.js';
import { publishDomain } from '../fixture/fixture-internet.js';
import { CRLF_POLICY, codes, healthy, useFixtureScanner } from './scan-harness.js';

const fixture = useFixtureScanner('history');
let store: SqliteStore | undefined;
afterEach(() => store?.close());

describe('history across scans', () => {
  it('stale-policy-id: the body changed while the TXT id stayed; rotating the id clears it', async () => {
    store = openSqliteStore(':memory:');
    const domain = fixture.newDomain();
    const options = { ...fixture.net().scanOptions, history: store };
    await publishDomain(fixture.net(), domain, healthy()(domain));
    expect((await scan(domain, options)).verdict).toBe('enforced');

    await publishDomain(fixture.net(), domain, {
      ...healthy()(domain),
      policy: CRLF_POLICY('enforce', [`mx1.${domain}`, `mx2.${domain}`]),
    });
    const stale = await scan(domain, options);
    expect(codes(stale)).toEqual(['stale-policy-id']);
    expect(stale.verdict).toBe('broken');
    expect(stale.findings[0]?.detail).toContain('id=20261130T000000');

    // Still stale on the next scan: senders that cached the first body keep it until the id changes.
    expect(codes(await scan(domain, options))).toEqual(['stale-policy-id']);

    await publishDomain(fixture.net(), domain, {
      ...healthy()(domain),
      txt: 'v=STSv1; id=20261201T000000;',
      policy: CRLF_POLICY('enforce', [`mx1.${domain}`, `mx2.${domain}`]),
    });
    const rotated = await scan(domain, options);
    expect(rotated.verdict).toBe('enforced');
    expect(codes(rotated)).toEqual([]);
  });

  it('suggests mode testing without clean history, and enforce once earlier scans were clean', async () => {
    store = openSqliteStore(':memory:');
    const domain = fixture.newDomain();
    const options = { ...fixture.net().scanOptions, history: store };
    await publishDomain(fixture.net(), domain, { ...healthy('testing')(domain) });
    const first = await scan(domain, options);
    expect(first.suggestions.policy).toContain('mode: testing');
    const second = await scan(domain, options);
    expect(second.suggestions.policy).toContain('mode: enforce');
  });

  it('returns the report when recording it fails, marked with why it was not kept', async () => {
    store = openSqliteStore(':memory:');
    const domain = fixture.newDomain();
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    const history = { ...store, record: () => Promise.reject(busy) };
    await publishDomain(fixture.net(), domain, healthy()(domain));
    const report = await scan(domain, { ...fixture.net().scanOptions, history });
    expect(report.verdict).toBe('enforced');
    expect(historyWriteFailure(report)).toBe(busy);
    expect(await store.recentScans(domain, 1)).toEqual([]);
  });
});
