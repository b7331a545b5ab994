import { describe, expect, it } from 'vitest';
import { digestMessage } from '../../src/digest/digest-message.js';
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
  it('describes each domain in one line: verdict, mode, id, short hash, MX coverage and certificate days', () => {
    const snapshot = snapshotFixture({
      domain: 'a.example',
      mx: ['mx1.a.example', 'mx2.a.example'],
      uncoveredMx: ['mx2.a.example'],
    });
    const [line] = digestMessage([scanned(snapshot)], { previous: null, now: NOW }).lines;
    expect(line).toEqual({
      domain: 'a.example',
      verdict: 'enforced',
      mode: 'enforce',
      policyId: '20261101T000000',
      shortHash: 'aaaaaaaaaaaa',
      mxCoverage: { covered: 1, total: 2 },
      certDaysLeft: 89,
      timedOut: false,
      failed: false,
      changes: [],
    });
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
    const [line] = digestMessage([scanned(bare)], { previous: null, now: NOW }).lines;
    expect(line).toMatchObject({ mxCoverage: null, certDaysLeft: null, shortHash: null });
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
    expect(message.lines.map((line) => line.domain)).toEqual([
      'b.example',
      'd.example',
      'e.example',
      'c.example',
      'a.example',
    ]);
    expect(message.noChanges).toBe(false);
    expect(message.intro).toBe('3 domains changed since the previous digest (2026-11-29 09:00 UTC); listed first.');
  });

  it('says so in one line when nothing changed, and is good news when everything is enforced', () => {
    const message = digestMessage([scanned(snapshotFixture({ domain: 'a.example' }))], {
      previous: previous(snapshotFixture({ domain: 'a.example' })),
      now: NOW,
    });
    expect(message.noChanges).toBe(true);
    expect(message.intro).toBe('No changes since the previous digest (2026-11-29 09:00 UTC).');
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
    expect(added.lines[0]?.changes).toEqual([]);
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
