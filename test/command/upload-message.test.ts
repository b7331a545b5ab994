import { describe, expect, it } from 'vitest';
import { isReportFileName, uploadMessage, uploadTooLarge } from '../../src/command/upload-message.js';
import { plainText } from '../chat/plain-text.js';
import { summaryRow } from '../store/tlsrpt-fixtures.js';

const REPORT = {
  organization: null,
  reportId: null,
  contactInfo: null,
  start: '2026-11-29T00:00:00.000Z',
  end: '2026-11-30T00:00:00.000Z',
  policyCount: 7,
};

describe('uploadMessage', () => {
  it('lists at most five summary rows, names a missing sender, id and policy domain, and the tolerated quirks', () => {
    const summary = [
      summaryRow({ policyDomain: null, successful: 3 }),
      ...['a', 'b', 'c', 'd', 'e', 'f'].map((d) => summaryRow({ policyDomain: `${d}.example`, policyType: 'tlsa' })),
    ];
    const message = uploadMessage('postfix.json', {
      accepted: true,
      stored: true,
      report: REPORT,
      summary,
      warnings: ['missing-policy-domain', 'datetime-without-timezone'],
    });
    expect(message).toEqual({
      kind: 'notice',
      code: 'upload-stored',
      tone: 'good',
      private: false,
      text: [
        [
          'postfix.json: report (no id) from an unnamed sender, 2026-11-29 to 2026-11-30, stored for this channel.',
          '(no policy domain) sts: 3 succeeded · 0 failed',
          'a.example tlsa: 100 succeeded · 0 failed',
          'b.example tlsa: 100 succeeded · 0 failed',
          'c.example tlsa: 100 succeeded · 0 failed',
          'd.example tlsa: 100 succeeded · 0 failed',
          '+2 more policies',
          'Read despite: missing-policy-domain, datetime-without-timezone',
        ].join('\n'),
      ],
    });
  });

  it('puts a rejection in words with its code and path, and a missing path as none', () => {
    const rejected = uploadMessage('r.json.gz', {
      accepted: false,
      error: { code: 'invalid-gzip', path: null, message: 'The gzip data ends early.' },
    });
    expect(plainText(rejected.text)).toBe(
      'r.json.gz was not stored: the gzip data is corrupt or cut short (invalid-gzip). The gzip data ends early.',
    );
    expect(plainText(uploadTooLarge('huge.json').text)).toBe(
      'huge.json was not read: it is larger than 10 MiB (too-large).',
    );
  });

  it('reads .json and .json.gz files only', () => {
    expect(['a.json', 'B.JSON.GZ', 'x.json.gz'].map(isReportFileName)).toEqual([true, true, true]);
    expect(['a.json.zip', 'a.gz', 'json', 'a.jsonl'].map(isReportFileName)).toEqual([false, false, false, false]);
  });
});
