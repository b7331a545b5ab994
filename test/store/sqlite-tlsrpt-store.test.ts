import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite-store.js';
import { REPORT_CHANNEL, storedReport, summaryRow } from './tlsrpt-fixtures.js';

const stores: SqliteStore[] = [];
afterEach(() => stores.splice(0).forEach((store) => store.close()));
const open = (): SqliteStore => {
  const store = openSqliteStore(':memory:');
  stores.push(store);
  return store;
};
const OTHER = { ...REPORT_CHANNEL, channelId: 'C2' };
const AT = '2026-11-30T10:00:00.000Z';

describe('sqliteTlsRptStore (through openSqliteStore)', () => {
  it('keeps a report once per channel and key; the same key in another channel is another report', async () => {
    const store = open();
    expect(await store.addTlsRptReport(storedReport(), 'google|r1')).toBe(true);
    expect(await store.addTlsRptReport(storedReport({ submitter: 'slack:U1' }), 'google|r1')).toBe(false);
    expect(await store.addTlsRptReport(storedReport({ channel: OTHER }), 'google|r1')).toBe(true);
    const kept = await store.tlsRptReports(REPORT_CHANNEL, 'example.com', { endAfter: '2026-01-01T00:00:00.000Z' });
    expect(kept).toEqual([storedReport()]);
  });

  it('finds a report under each of its policy domains, never under a missing one, and only in its channel', async () => {
    const store = open();
    const summary = [summaryRow(), summaryRow({ policyDomain: 'example.net' }), summaryRow({ policyDomain: null })];
    await store.addTlsRptReport(storedReport({ summary }), 'k1');
    const since = { endAfter: '2026-01-01T00:00:00.000Z' };
    expect(await store.tlsRptReports(REPORT_CHANNEL, 'example.net', since)).toHaveLength(1);
    expect(await store.tlsRptReports(REPORT_CHANNEL, 'example.com', since)).toHaveLength(1);
    expect(await store.tlsRptReports(REPORT_CHANNEL, 'example.org', since)).toEqual([]);
    expect(await store.tlsRptReports(OTHER, 'example.com', since)).toEqual([]);
  });

  it('reads a window by the end of the date range or by arrival, oldest first', async () => {
    const store = open();
    await store.addTlsRptReport(storedReport({ reportId: 'late', end: '2026-11-28T00:00:00.000Z', receivedAt: '2026-11-30T12:00:00.000Z' }), 'late');
    await store.addTlsRptReport(storedReport({ reportId: 'old', end: '2026-11-20T00:00:00.000Z', receivedAt: '2026-11-20T01:00:00.000Z' }), 'old');
    await store.addTlsRptReport(storedReport({ reportId: 'new' }), 'new');
    const ids = (reports: { reportId: string | null }[]) => reports.map((report) => report.reportId);
    expect(ids(await store.tlsRptReports(REPORT_CHANNEL, 'example.com', { endAfter: '2026-11-27T00:00:00.000Z' }))).toEqual(['late', 'new']);
    expect(ids(await store.tlsRptReports(REPORT_CHANNEL, 'example.com', { receivedAfter: '2026-11-30T09:00:00.000Z' }))).toEqual(['late']);
  });

  it('mints one token per channel: a second mint returns the first; unknown tokens map to no channel', async () => {
    const store = open();
    expect(await store.ingestToken(REPORT_CHANNEL)).toBeNull();
    expect(await store.mintIngestToken(REPORT_CHANNEL, 'tok-1', AT)).toBe('tok-1');
    expect(await store.mintIngestToken(REPORT_CHANNEL, 'tok-2', AT)).toBe('tok-1');
    expect(await store.mintIngestToken(OTHER, 'tok-3', AT)).toBe('tok-3');
    expect(await store.ingestToken(REPORT_CHANNEL)).toBe('tok-1');
    expect(await store.channelOfIngestToken('tok-3')).toEqual(OTHER);
    expect(await store.channelOfIngestToken('tok-2')).toBeNull();
  });
});
