import { afterEach, describe, expect, it } from 'vitest';
import { createCommandCore } from '../../src/command/command-core.js';
import type { CommandRequest } from '../../src/command/command-handler.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite-store.js';
import { plainText } from '../chat/plain-text.js';
import { storedReport, summaryRow } from '../store/tlsrpt-fixtures.js';
import { reportFixture } from './report-fixture.js';
import { asNotice } from './watch-harness.js';

const NOW = Date.parse('2026-12-01T12:00:00.000Z');
const stores: SqliteStore[] = [];
afterEach(() => stores.splice(0).forEach((store) => store.close()));

function setup(publicUrl: string | null = 'https://bot.example.net/') {
  const store = openSqliteStore(':memory:');
  stores.push(store);
  const core = createCommandCore({
    scan: async (domain) => reportFixture({ domain }),
    watches: store,
    reports: { store, publicUrl },
    now: () => NOW,
  });
  const ask = async (text: string, who: Partial<CommandRequest> = {}) =>
    asNotice(await core.handle({ platform: 'slack', workspaceId: 'T1', channelId: 'C1', userId: 'U1', text, ...who }));
  return { store, ask };
}

const google = { organization: 'Google Inc.', end: '2026-11-30T00:00:00.000Z' };
const microsoft = { organization: 'Microsoft Corporation', end: '2026-11-30T00:00:00.000Z' };

describe('/mtasts reports <domain>', () => {
  it('sums sessions per policy type over 7 and 30 days, lists failures, the top fix and the reporters', async () => {
    const { store, ask } = setup();
    const failing = {
      failuresByResultType: { 'certificate-host-mismatch': 10, 'starttls-not-supported': 2 },
      failingMxHosts: { 'mx2.example.com': 10, 'mx1.example.com': 2 },
      sendingMtas: { '209.85.220.41': 12 },
    };
    await store.addTlsRptReport(
      storedReport({ ...google, reportId: 'g1', summary: [summaryRow({ successful: 1000, failed: 12, ...failing })] }),
      'g1',
    );
    // Microsoft reports the same sessions under tlsa and sts: the types are shown apart, never added.
    const ms = {
      failed: 3,
      failuresByResultType: { 'certificate-host-mismatch': 3 },
      failingMxHosts: { 'mx2.example.com': 3 },
      sendingMtas: { '40.107.1.1': 3 },
    };
    await store.addTlsRptReport(
      storedReport({
        ...microsoft,
        reportId: 'm1',
        summary: [
          summaryRow({ successful: 500, ...ms }),
          summaryRow({ policyType: 'tlsa', modes: [], successful: 500, ...ms }),
        ],
      }),
      'm1',
    );
    await store.addTlsRptReport(
      storedReport({
        ...google,
        reportId: 'g0',
        start: '2026-11-09T00:00:00.000Z',
        end: '2026-11-10T00:00:00.000Z',
        summary: [summaryRow({ successful: 2000 })],
      }),
      'g0',
    );
    await store.addTlsRptReport(
      storedReport({
        ...google,
        reportId: 'old',
        start: '2026-09-30T00:00:00.000Z',
        end: '2026-10-01T00:00:00.000Z',
        summary: [summaryRow({ successful: 9, failed: 9 })],
      }),
      'old',
    );
    const answer = await ask('reports Example.COM');
    expect(answer).toMatchObject({ tone: 'warning', private: false });
    expect(plainText(answer.text)).toBe(
      [
        'TLS-RPT reports for example.com: 3 reports from 2 reporters in the last 30 days',
        'Last 7 days: sts 1,500 succeeded · 15 failed; tlsa 500 succeeded · 3 failed',
        'Last 30 days: sts 3,500 succeeded · 15 failed; tlsa 500 succeeded · 3 failed',
        'Failures by result type: certificate-host-mismatch 13 · starttls-not-supported 2',
        'Failing MX hosts: mx2.example.com 13 · mx1.example.com 2',
        'Sending MTAs: 209.85.220.41 12 · 40.107.1.1 3',
        'Top failure: certificate-host-mismatch (13 sessions, most at mx2.example.com). Fix: Serve a certificate on `mx2.example.com` whose subjectAltName names that MX host; the one served names another host.',
        'Reporters: Google Inc. · Microsoft Corporation',
      ].join('\n'),
    );
  });

  it('shows clean numbers without failure lines, and only the reports of the channel asked in', async () => {
    const { store, ask } = setup();
    await store.addTlsRptReport(storedReport({ ...google, summary: [summaryRow({ successful: 40 })] }), 'g1');
    await store.addTlsRptReport(
      storedReport({
        ...microsoft,
        channel: { platform: 'slack', workspaceId: 'T1', channelId: 'C9' },
        summary: [summaryRow({ failed: 5 })],
      }),
      'm1',
    );
    expect(await ask('reports example.com')).toEqual({
      kind: 'notice',
      code: 'reports',
      tone: 'good',
      private: false,
      text: [
        [
          'TLS-RPT reports for example.com: 1 report from 1 reporter in the last 30 days',
          'Last 7 days: sts 40 succeeded · 0 failed',
          'Last 30 days: sts 40 succeeded · 0 failed',
          'Reporters: Google Inc.',
        ].join('\n'),
      ],
    });
  });

  it('says how to get reports when the channel has none for the domain, and refuses a bad domain', async () => {
    const { ask } = setup();
    expect(plainText((await ask('reports example.org')).text)).toBe(
      'No TLS-RPT reports for example.org in this channel in the last 30 days. {reports endpoint} gives the rua address to publish; report files (.json, .json.gz) uploaded here count too.',
    );
    expect(plainText((await ask('reports')).text)).toMatch(/^"reports" takes a domain, or "endpoint"\./);
    expect(plainText((await ask('reports not_a domain')).text)).toMatch(
      /^That doesn't look like a domain: give exactly one domain\./,
    );
  });
});

describe('/mtasts reports endpoint', () => {
  it('mints the channel token once and shows the same rua address every time, privately; another channel gets another', async () => {
    const { ask } = setup('https://bot.example.net');
    const first = await ask('reports endpoint');
    expect(first).toMatchObject({ code: 'reports-endpoint', tone: 'info', private: true });
    const rua = plainText(first.text).match(/rua=(https:\/\/bot\.example\.net\/tlsrpt\/[A-Za-z0-9_-]{32})\n/)?.[1];
    expect(rua).toBeDefined();
    expect((await ask('reports ENDPOINT')).text).toEqual(first.text);
    expect(plainText(first.text).split('\n')[1]).toBe(
      `Add it to the domain's TLS-RPT record, e.g. _smtp._tls.example.com TXT "v=TLSRPTv1; rua=${rua}" (beside a mailto: if you keep one, comma-separated).`,
    );
    expect(plainText((await ask('reports endpoint', { channelId: 'C2' })).text)).not.toContain(rua);
  });

  it('says plainly that the endpoint is not configured without a public URL, and mints nothing', async () => {
    const { store, ask } = setup(null);
    const unconfigured = await ask('reports endpoint');
    expect(unconfigured.code).toBe('endpoint-unconfigured');
    expect(plainText(unconfigured.text)).toBe(
      'The TLS-RPT report endpoint is not configured: this bot has no public URL (MTASTS_PUBLIC_URL is unset), so senders cannot post reports to it. Report files (.json, .json.gz) uploaded into this channel are still read.',
    );
    expect(await store.ingestToken({ platform: 'slack', workspaceId: 'T1', channelId: 'C1' })).toBeNull();
  });
});
