import { describe, expect, it } from 'vitest';
import { digestMessage, recordLine } from '../../src/digest/digest-message.js';
import type { DomainOutcome } from '../../src/digest/run-digest.js';
import type { DomainSnapshot } from '../../src/store/watch-store.js';
import { snapshotFixture } from './digest-fixtures.js';

const NOW = new Date('2026-11-30T09:00:00.000Z');
const scanned = (
  snapshot: DomainSnapshot,
  findings: Extract<DomainOutcome, { status: 'scanned' }>['findings'] = [],
): DomainOutcome => ({
  domain: snapshot.domain,
  status: 'scanned',
  snapshot,
  findings,
});
const previous = (...snapshots: DomainSnapshot[]) => ({ at: '2026-11-29T09:00:00.000Z', snapshots });

const MX_FINDING = {
  code: 'mx-mismatch',
  severity: 'error',
  title: 'MX not covered by policy',
  detail: 'mx2.b.example is not covered; reports go to mailto:tls@b.example',
  fix: 'Add "mx: mx2.b.example" to the policy, then rotate the TXT id.',
} as const;

describe('digestMessage', () => {
  it('shows a domain that needs attention in full: the mode where the verdict does not say it, MX coverage, a close certificate, no id or hash', () => {
    const snapshot = snapshotFixture({
      domain: 'a.example',
      verdict: 'broken',
      mx: ['mx1.a.example', 'mx2.a.example'],
      uncoveredMx: ['mx2.a.example'],
      certNotAfter: '2026-12-10T09:00:00.000Z',
    });
    const [line] = digestMessage([scanned(snapshot)], { previous: null, now: NOW }).lines;
    expect(line).toEqual({
      domain: 'a.example',
      verdict: 'broken',
      mode: 'enforce',
      policyId: null,
      shortHash: null,
      mxCoverage: { covered: 1, total: 2 },
      certDaysLeft: 10,
      timedOut: false,
      failed: false,
      changes: [],
    });
  });

  it('leaves the certificate days out of a digest until they are 21 or fewer', () => {
    const at = (certNotAfter: string) =>
      digestMessage([scanned(snapshotFixture({ verdict: 'broken', certNotAfter }))], { previous: null, now: NOW })
        .lines[0]?.certDaysLeft;
    expect(at('2027-02-28T00:00:00.000Z')).toBeNull();
    expect(at('2026-12-22T09:00:00.000Z')).toBeNull();
    expect(at('2026-12-21T09:00:00.000Z')).toBe(21);
    expect(at('2026-11-20T09:00:00.000Z')).toBe(-10);
  });

  it('does not give the certificate days twice when the change "certificate expires in N days" says them', () => {
    const message = digestMessage(
      [scanned(snapshotFixture({ verdict: 'broken', certNotAfter: '2026-12-10T09:00:00.000Z' }))],
      { previous: previous(snapshotFixture()), now: NOW },
    );
    expect(message.lines[0]?.changes.map((change) => change.text)).toEqual([
      'verdict enforced → broken',
      'certificate expires in 10 days (2026-12-10)',
    ]);
    expect(message.lines[0]?.certDaysLeft).toBeNull();
  });

  it('keeps a healthy domain whose certificate is close in full, named by its days', () => {
    const message = digestMessage([scanned(snapshotFixture({ certNotAfter: '2026-12-05T09:00:00.000Z' }))], {
      previous: null,
      now: NOW,
    });
    expect(message.lines).toMatchObject([{ domain: 'example.com', verdict: 'enforced', mode: null, certDaysLeft: 5 }]);
    expect(message.folded).toEqual([]);
  });

  it('shows no MX coverage and no certificate for a domain that serves no policy', () => {
    const bare = snapshotFixture({
      domain: 'a.example',
      verdict: 'not-configured',
      sha256: null,
      mode: null,
      policyId: null,
      certSerial: null,
      certNotAfter: null,
    });
    expect(recordLine(bare, NOW, [])).toMatchObject({ mxCoverage: null, certDaysLeft: null, shortHash: null });
  });

  it('gives `watches` the id, hash and certificate days, and no coverage figure nor repeated mode for mode none', () => {
    expect(recordLine(snapshotFixture(), NOW, [])).toMatchObject({
      verdict: 'enforced',
      mode: null,
      policyId: '20261101T000000',
      shortHash: 'aaaaaaaaaaaa',
      mxCoverage: { covered: 1, total: 1 },
      certDaysLeft: 89,
    });
    const optOut = snapshotFixture({
      verdict: 'none',
      mode: 'none',
      mx: ['mx1.example.com', 'mx2.example.com'],
      uncoveredMx: ['mx1.example.com', 'mx2.example.com'],
    });
    expect(recordLine(optOut, NOW, [])).toMatchObject({ verdict: 'none', mode: null, mxCoverage: null });
  });

  it('counts verdicts in the headline and the counts, timed-out domains included rather than dropped', () => {
    const message = digestMessage(
      [
        scanned(snapshotFixture({ domain: 'a.example' })),
        scanned(snapshotFixture({ domain: 'b.example' })),
        scanned(snapshotFixture({ domain: 'c.example', verdict: 'testing', mode: 'testing' })),
        { domain: 'd.example', status: 'timed-out' },
      ],
      { previous: null, now: NOW },
    );
    expect(message.headline).toBe('MTA-STS digest: 4 domains · 2 enforced · 1 testing · 1 timed out');
    expect(message.counts).toEqual({
      enforced: 2,
      testing: 1,
      none: 0,
      'not-configured': 0,
      broken: 0,
      'timed-out': 1,
      failed: 0,
    });
    expect(message.lines.find((line) => line.domain === 'd.example')).toMatchObject({
      verdict: null,
      timedOut: true,
      failed: false,
    });
    expect(message.tone).toBe('warning');
  });

  it('lists changed domains first, then broken or unreachable ones, then the rest by name', () => {
    const message = digestMessage(
      [
        scanned(snapshotFixture({ domain: 'a.example' })),
        scanned(snapshotFixture({ domain: 'b.example', verdict: 'broken' })),
        { domain: 'c.example', status: 'timed-out' },
        scanned(snapshotFixture({ domain: 'd.example', mode: 'testing', verdict: 'testing' })),
        scanned(snapshotFixture({ domain: 'e.example', policyId: 'new' })),
      ],
      { previous: previous(...['a', 'b', 'd', 'e'].map((d) => snapshotFixture({ domain: `${d}.example` }))), now: NOW },
    );
    expect(message.lines.map((line) => line.domain)).toEqual(['b.example', 'd.example', 'e.example', 'c.example']);
    expect(message.folded).toEqual([{ verdict: 'enforced', label: '1 enforced, unchanged', domains: ['a.example'] }]);
    expect(message.noChanges).toBe(false);
    expect(message.intro).toBe('3 domains changed since the previous digest (29 Nov 09:00 UTC); listed first.');
  });

  it('says so in one line when nothing changed, and is good news when everything is enforced', () => {
    const message = digestMessage([scanned(snapshotFixture({ domain: 'a.example' }))], {
      previous: previous(snapshotFixture({ domain: 'a.example' })),
      now: NOW,
    });
    expect(message.noChanges).toBe(true);
    expect(message.intro).toBe('No changes since the previous digest (29 Nov 09:00 UTC).');
    expect(message.tone).toBe('good');
  });

  it('compares nothing on the first digest, and nothing for a domain the previous digest did not include', () => {
    const first = digestMessage([scanned(snapshotFixture({ domain: 'a.example', verdict: 'testing' }))], {
      previous: null,
      now: NOW,
    });
    expect(first.noChanges).toBe(true);
    expect(first.intro).toContain('First digest for this channel');
    const added = digestMessage([scanned(snapshotFixture({ domain: 'new.example' }))], {
      previous: previous(),
      now: NOW,
    });
    expect(added.lines).toEqual([]);
    expect(added.folded).toEqual([
      { verdict: 'enforced', label: '1 enforced, new since the previous digest', domains: ['new.example'] },
    ]);
  });

  it('folds 250 healthy unchanged domains into one entry per verdict, by name, and lists none in full', () => {
    const names = Array.from({ length: 250 }, (_, i) => `d${String(i).padStart(3, '0')}.example`);
    const snapshots = names.map((domain, i) =>
      i % 50 === 0
        ? snapshotFixture({ domain, verdict: 'testing', mode: 'testing' })
        : i % 50 === 1
          ? snapshotFixture({ domain, verdict: 'not-configured', mode: null, policyId: null, sha256: null })
          : snapshotFixture({ domain }),
    );
    const message = digestMessage(
      snapshots.toReversed().map((snapshot) => scanned(snapshot)),
      {
        previous: previous(...snapshots),
        now: NOW,
      },
    );
    expect(message.lines).toEqual([]);
    expect(message.folded?.map(({ verdict, label, domains }) => [verdict, label, domains.length])).toEqual([
      ['enforced', '240 enforced, unchanged', 240],
      ['testing', '5 testing, unchanged', 5],
      ['not-configured', '5 not configured, unchanged', 5],
    ]);
    expect(message.folded?.[0]?.domains.slice(0, 3)).toEqual(['d002.example', 'd003.example', 'd004.example']);
    expect(message.headline).toBe('MTA-STS digest: 250 domains · 240 enforced · 5 testing · 5 not configured');
    expect(message.intro).toBe('No changes since the previous digest (29 Nov 09:00 UTC).');
  });

  it('says nothing is unchanged on a first digest, where nothing was compared', () => {
    const message = digestMessage([scanned(snapshotFixture({ domain: 'b.example', verdict: 'none', mode: 'none' }))], {
      previous: null,
      now: NOW,
    });
    expect(message.folded).toEqual([{ verdict: 'none', label: '1 mode none', domains: ['b.example'] }]);
  });

  it('keeps a domain in full when its TLS-RPT reports show failures, and folds one whose sessions all succeeded', () => {
    const tlsrpt = new Map([
      [
        'a.example',
        { text: 'TLS-RPT since the last digest: 90 successful · 3 failed, from Google Inc.', attention: true },
      ],
      [
        'b.example',
        { text: 'TLS-RPT since the last digest: 90 successful · 0 failed, from Google Inc.', attention: false },
      ],
    ]);
    const message = digestMessage(
      ['a.example', 'b.example'].map((domain) => scanned(snapshotFixture({ domain }))),
      {
        previous: previous(snapshotFixture({ domain: 'a.example' }), snapshotFixture({ domain: 'b.example' })),
        now: NOW,
        tlsrpt,
      },
    );
    expect(message.lines).toMatchObject([
      { domain: 'a.example', tlsrpt: 'TLS-RPT since the last digest: 90 successful · 3 failed, from Google Inc.' },
    ]);
    expect(message.folded).toEqual([{ verdict: 'enforced', label: '1 enforced, unchanged', domains: ['b.example'] }]);
  });

  it('puts the findings of each broken domain in the details, mailboxes hidden', () => {
    const message = digestMessage(
      [
        scanned(snapshotFixture({ domain: 'a.example' })),
        scanned(snapshotFixture({ domain: 'b.example', verdict: 'broken' }), [MX_FINDING]),
      ],
      { previous: null, now: NOW },
    );
    expect(message.details).toEqual([
      {
        domain: 'b.example',
        findings: [{ ...MX_FINDING, detail: 'mx2.b.example is not covered; reports go to mailto:***@b.example' }],
      },
    ]);
  });

  it('is an empty digest, not an error, for a channel with nothing to scan', () => {
    const message = digestMessage([], { previous: null, now: NOW });
    expect(message.headline).toBe('MTA-STS digest: 0 domains');
    expect(message.lines).toEqual([]);
    expect(message.tone).toBe('neutral');
  });
});
