/** Stable finding codes: adapters, digests and users' scripts key on these strings. Never rename one. */
export const FINDING_CODES = [
  // errors
  'txt-missing',
  'txt-invalid',
  'txt-multiple',
  'policy-unreachable',
  'policy-invalid',
  'blocked-address',
  'stale-policy-id',
  'mx-mismatch',
  'mx-wildcard-missing',
  'cert-san-mismatch',
  'cert-expired',
  'cert-untrusted',
  'max-age-too-low',
  'domain-not-found',
  // errors of the sender's gate (starttls-missing and the mx-cert-* codes are warnings where no policy enforces them)
  'starttls-missing',
  'mx-cert-untrusted',
  'mx-cert-name-mismatch',
  'mx-cert-expired',
  'dane-mismatch',
  // warnings
  'cert-expiring-soon',
  'tlsrpt-missing',
  'tlsrpt-invalid',
  'enforce-without-tlsrpt',
  'no-mx',
  'mx-cert-expiring-soon',
  'smtp-unreachable',
  'dane-unsigned',
  // info
  'max-age-short',
  'dane-present',
  // what senders' TLS-RPT reports show (warning, warning, info)
  'premature-enforce-risk',
  'tlsrpt-failures',
  'ready-to-enforce',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

/** Why a policy fetch failed: the `cause` field of a policy-unreachable finding. */
export const UNREACHABLE_CAUSES = [
  'dns',
  'connect',
  'tls',
  'timeout',
  'http-status',
  'redirect',
  'content-type',
  'too-large',
] as const;
export type UnreachableCause = (typeof UNREACHABLE_CAUSES)[number];
