import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCommandCore } from '../../../src/command/command-core.js';
import { openSqliteStore, type SqliteStore } from '../../../src/store/sqlite-store.js';
import { REPORT_CHANNEL } from '../../store/tlsrpt-fixtures.js';
import { reportBytes } from '../../tlsrpt/report-builder.js';
import { type SlackHarness, startSlackHarness } from './slack-harness.js';

const NOW = Date.parse('2026-12-01T10:00:00.000Z');
let store: SqliteStore;
let harness: SlackHarness;

beforeEach(async () => {
  store = openSqliteStore(':memory:');
  const core = createCommandCore({
    scan: async () => {
      throw new Error('no scans here');
    },
    watches: store,
    reports: { store, publicUrl: null },
    now: () => NOW,
  });
  harness = await startSlackHarness(core, { uploads: core });
});
afterEach(async () => {
  await harness.close();
  store.close();
});

const share = (ts: string, ...ids: string[]) =>
  harness.postEvent({
    type: 'message',
    subtype: 'file_share',
    channel: 'C1',
    user: 'U7',
    ts,
    text: '',
    files: ids.map((id) => ({ id })),
  });

describe('report files shared in Slack (real Bolt, fake Web API)', () => {
  it('downloads a shared .json.gz with the bot token, stores it and answers with the summary in a thread; other files are left alone', async () => {
    harness.fake.addFile({ id: 'F0', name: 'notes.txt', bytes: Buffer.from('hello') });
    harness.fake.addFile({ id: 'F1', name: 'sender.example!example.com!1.json.gz', bytes: gzipSync(reportBytes()) });
    expect((await share('1700000001.000100', 'F0', 'F1')).status).toBe(200);
    const [answer] = await harness.fake.waitForCalls('chat.postMessage', 1);
    expect(answer!.body).toMatchObject({ channel: 'C1', thread_ts: '1700000001.000100' });
    expect(answer!.body.text).toBe(
      'sender.example!example.com!1.json.gz: report r-1 from Sender Inc., 2026-11-30 to 2026-11-30, stored for this channel.\nexample.com sts: 10 succeeded · 1 failed (certificate-expired 1; most at mx.example.com)',
    );
    expect(harness.fake.downloads).toEqual(['Bearer xoxb-test']);
    const [kept] = await store.tlsRptReports(REPORT_CHANNEL, 'example.com', { endAfter: '2000-01-01T00:00:00.000Z' });
    expect(kept).toMatchObject({ submitter: 'slack:U7', organization: 'Sender Inc.', reportId: 'r-1' });

    await share('1700000002.000100', 'F1');
    const [, again] = await harness.fake.waitForCalls('chat.postMessage', 2);
    expect(again!.body.text).toBe(
      'sender.example!example.com!1.json.gz: this channel already has report r-1 from Sender Inc., 2026-11-30 to 2026-11-30; it counts once.\nexample.com sts: 10 succeeded · 1 failed (certificate-expired 1; most at mx.example.com)',
    );
    expect(harness.fake.callsTo('chat.postMessage')).toHaveLength(2);
  });

  it('answers a rejected file with the code and path in words, and a file over 10 MiB without downloading it', async () => {
    const badDate = reportBytes({
      'date-range': { 'start-datetime': 'yesterday', 'end-datetime': '2026-11-30T23:59:59Z' },
    });
    harness.fake.addFile({ id: 'F2', name: 'bad.json', bytes: badDate });
    harness.fake.addFile({ id: 'F3', name: 'big.json', bytes: Buffer.from('{}'), size: 11 * 1024 * 1024 });
    await share('1700000003.000100', 'F2', 'F3');
    const [bad, big] = await harness.fake.waitForCalls('chat.postMessage', 2);
    expect(bad!.body.text).toMatch(
      /^bad\.json was not stored: a date-time is not a valid RFC 3339 date-time \(invalid-datetime at date-range\.start-datetime\)\. \S/,
    );
    expect(big!.body.text).toBe('big.json was not read: it is larger than 10 MiB (too-large).');
    expect(harness.fake.downloads).toHaveLength(1);
  });
});
