import { afterEach, describe, expect, it } from 'vitest';
import { createCommandCore } from '../../src/command/command-core.js';
import type { CommandRequest } from '../../src/command/command-handler.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite-store.js';
import { REPORT_CHANNEL, storedReport, summaryRow } from '../store/tlsrpt-fixtures.js';
import { reportFixture } from './report-fixture.js';
import { asReport } from './watch-harness.js';

const NOW = Date.parse('2026-12-01T12:00:00.000Z');
const stores: SqliteStore[] = [];
afterEach(() => stores.splice(0).forEach((store) => store.close()));

const testing = reportFixture({
  verdict: 'testing',
  policy: { sha256: 'a'.repeat(64), mode: 'testing', mx: ['mx1.example.com'], maxAge: 604_800 },
  mx: [{ host: 'mx1.example.com', priority: 10, matchedBy: 'mx1.example.com', smtp: null, dane: null }],
});
const failing = storedReport({
  start: '2026-11-29T00:00:00.000Z',
  end: '2026-11-30T00:00:00.000Z',
  receivedAt: '2026-12-01T08:00:00.000Z',
  summary: [
    summaryRow({
      successful: 1000,
      failed: 12,
      failuresByResultType: { 'certificate-expired': 12 },
      failingMxHosts: { 'mx1.example.com': 12 },
    }),
  ],
});

async function setup() {
  const store = openSqliteStore(':memory:');
  stores.push(store);
  await store.addTlsRptReport(failing, 'g1');
  const core = createCommandCore({
    scan: async () => testing,
    watches: store,
    reports: { store, publicUrl: null },
    now: () => NOW,
  });
  const ask = async (text: string, who: Partial<CommandRequest> = {}) =>
    core.handle({ ...REPORT_CHANNEL, userId: 'U1', text, ...who });
  return { store, core, ask };
}

describe('scans and digests in a channel with TLS-RPT reports', () => {
  it('a scan carries the findings of the channel’s reports, and only in that channel; the verdict stands', async () => {
    const { ask } = await setup();
    const here = asReport(await ask('example.com'));
    expect(here.verdict).toBe('testing');
    expect(here.findings.map((f) => f.code)).toEqual(['premature-enforce-risk']);
    expect(here.fixes[0]?.text).toContain('Renew the certificate served on `mx1.example.com`');
    expect(asReport(await ask('example.com', { channelId: 'C2' })).findings).toEqual([]);
    expect(asReport(await ask('watch example.com')).findings.map((f) => f.code)).toEqual(['premature-enforce-risk']);
  });

  it('a digest gains the TLS-RPT line of reports received since the previous digest', async () => {
    const { store, core } = await setup();
    await store.watch(REPORT_CHANNEL, 'example.com', { perChannel: 10, perWorkspace: 10 }, '2026-11-01T00:00:00.000Z');
    const first = await core.digest(REPORT_CHANNEL);
    expect(first.message.lines[0]?.tlsrpt).toBe(
      'TLS-RPT since the last digest: 1,000 successful · 12 failed, from Google Inc. · Enforce would bounce mail now',
    );
    await store.saveDigest(REPORT_CHANNEL, first.digest);
    const next = await core.digest(REPORT_CHANNEL);
    expect(next.message.lines[0]?.tlsrpt).toBeUndefined();
  });
});
