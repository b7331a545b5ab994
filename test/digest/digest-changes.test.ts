import { describe, expect, it } from 'vitest';
import { digestChanges } from '../../src/digest/digest-changes.js';
import { snapshotFixture } from './digest-fixtures.js';

const kinds = (previous: Parameters<typeof digestChanges>[0], current: Parameters<typeof digestChanges>[1]) =>
  digestChanges(previous, current).map((change) => change.kind);

describe('digestChanges', () => {
  it('finds nothing between two identical snapshots', () => {
    expect(digestChanges(snapshotFixture(), snapshotFixture({ scannedAt: '2026-12-01T09:00:00.000Z' }))).toEqual([]);
  });

  it('names a verdict change with both verdicts', () => {
    expect(digestChanges(snapshotFixture(), snapshotFixture({ verdict: 'broken' }))).toContainEqual({
      kind: 'verdict-changed',
      text: 'verdict enforced → broken',
    });
  });

  it('flags a body changed under the same id as stale-policy-id, and a rotated id as such, not both', () => {
    const edited = snapshotFixture({ sha256: 'c'.repeat(64) });
    expect(digestChanges(snapshotFixture(), edited)).toEqual([
      { kind: 'body-changed-without-id-rotation', text: expect.stringContaining('(stale-policy-id)') },
    ]);
    const rotated = snapshotFixture({ sha256: 'c'.repeat(64), policyId: '20261201T000000' });
    expect(digestChanges(snapshotFixture(), rotated)).toEqual([
      { kind: 'id-rotated', text: 'id rotated: `20261101T000000` → `20261201T000000`' },
    ]);
  });

  it('does not call an unreachable policy a body change or an id rotation', () => {
    const unreachable = snapshotFixture({ sha256: null, mode: null, verdict: 'broken' });
    expect(kinds(snapshotFixture(), unreachable)).toEqual(['verdict-changed']);
    expect(kinds(snapshotFixture({ policyId: null }), snapshotFixture())).toEqual([]);
  });

  it('flips the mode both ways', () => {
    expect(digestChanges(snapshotFixture({ mode: 'testing' }), snapshotFixture())).toContainEqual({
      kind: 'mode-flipped',
      text: 'mode testing → enforce',
    });
    expect(digestChanges(snapshotFixture(), snapshotFixture({ mode: 'testing' }))).toContainEqual({
      kind: 'mode-flipped',
      text: 'mode enforce → testing',
    });
  });

  it('lists MX hosts added, removed and newly uncovered, ignoring case, each in inline code', () => {
    const before = snapshotFixture({ mx: ['mx1.example.com', 'old.example.com', 'kept.example.com'] });
    const after = snapshotFixture({
      mx: ['MX1.example.com', 'kept.example.com', 'new.example.com'],
      uncoveredMx: ['kept.example.com'],
    });
    expect(digestChanges(before, after)).toEqual([
      { kind: 'mx-added', text: 'MX added: `new.example.com`' },
      { kind: 'mx-removed', text: 'MX removed: `old.example.com`' },
      { kind: 'mx-uncovered', text: 'MX not covered by the policy: `kept.example.com`' },
    ]);
    // Still uncovered is no news.
    expect(kinds(after, after)).toEqual([]);
  });

  it('names a host added and not covered once, on one line, not as added and again as not covered', () => {
    const before = snapshotFixture({ mx: ['mx1.example.com'] });
    const after = snapshotFixture({
      mx: ['mx1.example.com', 'mx2.example.com', 'spare.example.com'],
      uncoveredMx: ['spare.example.com'],
    });
    expect(digestChanges(before, after)).toEqual([
      { kind: 'mx-added', text: 'MX added: `mx2.example.com`' },
      { kind: 'mx-uncovered', text: 'MX added, not covered by the policy: `spare.example.com`' },
    ]);
  });

  it('calls no host "not covered" under mode none, where nothing is matched, and names them once a policy matches', () => {
    const optOut = snapshotFixture({
      mode: 'none',
      verdict: 'none',
      mx: ['mx1.example.com', 'mx2.example.com'],
      uncoveredMx: ['mx1.example.com', 'mx2.example.com'],
    });
    expect(digestChanges(snapshotFixture({ mode: 'none', verdict: 'none' }), optOut)).toEqual([
      { kind: 'mx-added', text: 'MX added: `mx2.example.com`' },
    ]);
    const enforced = { ...optOut, mode: 'enforce', verdict: 'broken' as const, uncoveredMx: ['mx2.example.com'] };
    expect(digestChanges(optOut, enforced)).toEqual([
      { kind: 'verdict-changed', text: 'verdict none → broken' },
      { kind: 'mode-flipped', text: 'mode none → enforce' },
      { kind: 'mx-uncovered', text: 'MX not covered by the policy: `mx2.example.com`' },
    ]);
  });

  it('notices a renewed certificate by its serial', () => {
    const renewed = snapshotFixture({ certSerial: '02', certNotAfter: '2027-05-30T00:00:00.000Z' });
    expect(digestChanges(snapshotFixture(), renewed)).toEqual([
      { kind: 'cert-renewed', text: 'certificate renewed, expires 2027-05-30' },
    ]);
  });

  it('calls a new certificate that expires sooner than the old one replaced, not renewed', () => {
    const sooner = snapshotFixture({ certSerial: '02', certNotAfter: '2027-01-31T00:00:00.000Z' });
    expect(digestChanges(snapshotFixture(), sooner)).toEqual([
      {
        kind: 'cert-renewed',
        text: 'certificate replaced, expires 2027-01-31 (sooner than the previous one, 2027-02-28)',
      },
    ]);
    const same = snapshotFixture({ certSerial: '02' });
    expect(digestChanges(snapshotFixture(), same)).toEqual([
      { kind: 'cert-renewed', text: 'certificate replaced, expires 2027-02-28' },
    ]);
  });

  it("warns once when the certificate enters its last 21 days, counted at each snapshot's own time", () => {
    const cert = { certNotAfter: '2026-12-20T00:00:00.000Z' };
    const day = (iso: string) => snapshotFixture({ ...cert, scannedAt: iso });
    // 27 days left, then 19: it entered the window.
    expect(digestChanges(day('2026-11-22T09:00:00.000Z'), day('2026-11-30T09:00:00.000Z'))).toEqual([
      { kind: 'cert-expiring', text: 'certificate expires in 19 days (2026-12-20)' },
    ]);
    // Already inside on the previous digest: not a change.
    expect(kinds(day('2026-11-30T09:00:00.000Z'), day('2026-12-01T09:00:00.000Z'))).toEqual([]);
  });

  it('warns about a replacement certificate that is itself about to expire', () => {
    const short = snapshotFixture({ certSerial: '02', certNotAfter: '2026-12-05T00:00:00.000Z' });
    expect(kinds(snapshotFixture(), short)).toEqual(['cert-renewed', 'cert-expiring']);
  });

  it('notices a TLS-RPT record added or removed', () => {
    expect(kinds(snapshotFixture({ tlsrpt: null }), snapshotFixture())).toEqual(['tlsrpt-added']);
    expect(kinds(snapshotFixture(), snapshotFixture({ tlsrpt: null }))).toEqual(['tlsrpt-removed']);
  });

  it('puts the verdict change first when several things changed', () => {
    const after = snapshotFixture({ verdict: 'broken', sha256: 'c'.repeat(64), tlsrpt: null });
    expect(kinds(snapshotFixture(), after)).toEqual([
      'verdict-changed',
      'body-changed-without-id-rotation',
      'tlsrpt-removed',
    ]);
  });
});

describe('digestChanges at the MX gate', () => {
  const gates = (serial: string, failures: string[] = []) => [
    { host: 'mx1.example.com', certSerial: 'AA01', failures: [] },
    { host: 'mx2.example.com', certSerial: serial, failures },
  ];

  it('reports a changed MX certificate, naming only that host', () => {
    expect(
      digestChanges(snapshotFixture({ mxGates: gates('BB01') }), snapshotFixture({ mxGates: gates('BB02') })),
    ).toEqual([{ kind: 'mx-cert-changed', text: 'MX certificate changed: `mx2.example.com`' }]);
  });

  it('reports a new gate failure once, and not again while it stays', () => {
    const failing = snapshotFixture({ mxGates: gates('BB01', ['mx-cert-expired']) });
    expect(digestChanges(snapshotFixture({ mxGates: gates('BB01') }), failing)).toEqual([
      { kind: 'mx-gate-failing', text: 'MX gate failing at `mx2.example.com`: mx-cert-expired' },
    ]);
    expect(digestChanges(failing, snapshotFixture({ mxGates: gates('BB01', ['mx-cert-expired']) }))).toEqual([]);
  });

  it('says nothing without gates on both sides (a snapshot from before the SMTP probe, or --no-smtp)', () => {
    expect(digestChanges(snapshotFixture(), snapshotFixture({ mxGates: gates('BB02', ['starttls-missing']) }))).toEqual(
      [],
    );
  });
});
