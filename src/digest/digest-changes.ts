import type { ChangeKind, DigestChange } from '../chat/digest-message.js';
import { certDaysLeft } from '../report/cert-days-left.js';
import type { MxGateRecord } from '../store/scan-history.js';
import type { DomainSnapshot } from '../store/watch-store.js';
import { inlineCode as code } from '../text/inline-code.js';

/** A certificate this close to its end is worth a line in the digest, a week ahead of the scan's own warning. */
export const CERT_WARNING_DAYS = 21;

/** What changed between a domain's snapshot in the previous digest and now, most important first. */
export function digestChanges(previous: DomainSnapshot, current: DomainSnapshot): DigestChange[] {
  const changes: DigestChange[] = [];
  const add = (kind: ChangeKind, text: string): void => void changes.push({ kind, text });

  if (previous.verdict !== current.verdict) add('verdict-changed', `verdict ${previous.verdict} → ${current.verdict}`);
  const sameId = previous.policyId !== null && previous.policyId === current.policyId;
  if (sameId && previous.sha256 !== null && current.sha256 !== null && previous.sha256 !== current.sha256) {
    add(
      'body-changed-without-id-rotation',
      'policy body changed without a new id (stale-policy-id): senders keep the old policy',
    );
  }
  if (previous.policyId !== null && current.policyId !== null && previous.policyId !== current.policyId) {
    add('id-rotated', `id rotated: ${code(previous.policyId)} → ${code(current.policyId)}`);
  }
  if (previous.mode !== null && current.mode !== null && previous.mode !== current.mode) {
    add('mode-flipped', `mode ${previous.mode} → ${current.mode}`);
  }

  // A host both added and not covered is one fact: it is named once, under mx-uncovered. Under mode none (or without
  // a policy) nothing is matched, so nothing is "not covered".
  const uncovered = matchesMx(current)
    ? missingFrom(current.uncoveredMx, matchesMx(previous) ? previous.uncoveredMx : [])
    : [];
  const added = missingFrom(current.mx, previous.mx);
  const addedUncovered = added.filter((host) => uncovered.includes(host));
  const removed = missingFrom(previous.mx, current.mx);
  const addedCovered = added.filter((host) => !addedUncovered.includes(host));
  const stillThere = uncovered.filter((host) => !addedUncovered.includes(host));
  if (addedCovered.length > 0) add('mx-added', `MX added: ${hosts(addedCovered)}`);
  if (removed.length > 0) add('mx-removed', `MX removed: ${hosts(removed)}`);
  if (addedUncovered.length > 0) add('mx-uncovered', `MX added, not covered by the policy: ${hosts(addedUncovered)}`);
  if (stillThere.length > 0) add('mx-uncovered', `MX not covered by the policy: ${hosts(stillThere)}`);

  const renewed =
    previous.certSerial !== null && current.certSerial !== null && previous.certSerial !== current.certSerial;
  if (renewed) add('cert-renewed', certReplaced(previous.certNotAfter, current.certNotAfter));
  // Measured at each snapshot's own time: the change is entering the window, not being in it.
  const daysNow = certDaysLeft(current.certNotAfter, new Date(current.scannedAt));
  const daysBefore = renewed ? null : certDaysLeft(previous.certNotAfter, new Date(previous.scannedAt));
  if (
    daysNow !== null &&
    daysNow >= 0 &&
    daysNow <= CERT_WARNING_DAYS &&
    (daysBefore === null || daysBefore > CERT_WARNING_DAYS)
  ) {
    add('cert-expiring', `certificate expires in ${daysNow} days (${day(current.certNotAfter)})`);
  }

  if (previous.tlsrpt === null && current.tlsrpt !== null) add('tlsrpt-added', 'TLS-RPT record added');
  if (previous.tlsrpt !== null && current.tlsrpt === null) add('tlsrpt-removed', 'TLS-RPT record removed');
  for (const change of gateChanges(previous.mxGates, current.mxGates)) add(change.kind, change.text);
  return changes;
}

/** Per MX host: a certificate that changed, and gate failures that were not there before. Needs gates on both sides. */
function gateChanges(previous: MxGateRecord[] | undefined, current: MxGateRecord[] | undefined): DigestChange[] {
  if (!previous || !current) return [];
  const before = new Map(previous.map((gate) => [gate.host.toLowerCase(), gate]));
  const changes: DigestChange[] = [];
  for (const gate of current) {
    const earlier = before.get(gate.host.toLowerCase());
    if (earlier?.certSerial && gate.certSerial && earlier.certSerial !== gate.certSerial) {
      changes.push({ kind: 'mx-cert-changed', text: `MX certificate changed: ${code(gate.host)}` });
    }
    const fresh = gate.failures.filter((code) => !(earlier?.failures ?? []).includes(code));
    if (fresh.length > 0)
      changes.push({ kind: 'mx-gate-failing', text: `MX gate failing at ${code(gate.host)}: ${fresh.join(', ')}` });
  }
  return changes;
}

/** Whether the snapshot has a policy MX hosts are matched against: one served, and not mode none. */
function matchesMx(snapshot: DomainSnapshot): boolean {
  return snapshot.sha256 !== null && snapshot.mode !== null && snapshot.mode !== 'none';
}

/** Hosts of `list` not in `other`, compared without case (DNS names are case-insensitive). */
function missingFrom(list: string[], other: string[]): string[] {
  const known = new Set(other.map((host) => host.toLowerCase()));
  return list.filter((host) => !known.has(host.toLowerCase()));
}

/** "Renewed" only when the new certificate lasts longer; one that ends sooner was replaced, and says when. */
function certReplaced(before: string | null, after: string | null): string {
  const longer = before !== null && after !== null && Date.parse(after) > Date.parse(before);
  if (longer) return `certificate renewed, expires ${day(after)}`;
  const earlier = before !== null && after !== null && Date.parse(after) < Date.parse(before);
  return `certificate replaced, expires ${day(after)}${earlier ? ` (sooner than the previous one, ${day(before)})` : ''}`;
}

function hosts(list: string[]): string {
  return list.map(code).join(', ');
}

function day(iso: string | null): string {
  return iso === null ? 'unknown' : iso.slice(0, 10);
}
