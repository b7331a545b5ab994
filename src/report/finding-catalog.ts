import { inlineCode as code } from '../text/inline-code.js';
import type { FindingCode } from './finding-codes.js';
import type { Severity } from './report.js';

/** What a fix sentence may refer to; each entry uses the parts it needs. */
export interface FixContext {
  domain: string;
  /** The MX host or pattern the finding is about. */
  host?: string;
  /** The `mx:` pattern to add. */
  pattern?: string;
  /** Extra provider-specific advice, one sentence. */
  note?: string;
  /** The DNS lookup itself failed (timeout, SERVFAIL), so the record could not be read at all. */
  lookupFailed?: boolean;
}

export interface CatalogEntry {
  severity: Severity;
  /** Short and plain: what a person pastes into a help-desk ticket. */
  title: string;
  fix: (c: FixContext) => string;
}

/** Where the chat bot takes reports itself; the CLI shows it too, since the bot is part of the same tool. */
const BOT_ENDPOINT =
  'To have the mtasts bot read and summarise the reports, add the https: address its `reports endpoint` command gives in your channel to `rua` (comma-separated).';

/** The one table of human text: both the CLI and the chat adapters render findings from it. */
export const FINDING_CATALOG: Record<FindingCode, CatalogEntry> = {
  'txt-missing': {
    severity: 'error',
    title: 'MTA-STS TXT record missing',
    fix: (c) =>
      `A policy is served but senders only fetch it after finding the TXT record: publish ${code(`_mta-sts.${c.domain} TXT "v=STSv1; id=<new id>"`)}.`,
  },
  'txt-invalid': {
    severity: 'error',
    title: 'MTA-STS TXT record invalid',
    fix: (c) =>
      c.lookupFailed
        ? `Make the authoritative DNS servers of ${code(c.domain)} answer TXT queries for ${code(`_mta-sts.${c.domain}`)}; while they fail, senders see no policy.`
        : `Senders ignore an invalid record, so the policy is never used: publish exactly ${code('v=STSv1; id=<1-32 letters or digits>')} at ${code(`_mta-sts.${c.domain}`)}.`,
  },
  'txt-multiple': {
    severity: 'error',
    title: 'Several MTA-STS TXT records',
    fix: (c) =>
      `Senders ignore the policy when more than one ${code('v=STSv1')} record exists: keep exactly one at ${code(`_mta-sts.${c.domain}`)}.`,
  },
  'policy-unreachable': {
    severity: 'error',
    title: 'Policy file unreachable',
    fix: (c) =>
      `Serve the policy at ${code(`https://mta-sts.${c.domain}/.well-known/mta-sts.txt`)} with status 200, Content-Type text/plain, no redirect and a body under 64 KiB, from a host with a valid certificate.`,
  },
  'policy-invalid': {
    severity: 'error',
    title: 'Policy file invalid',
    fix: () =>
      'Senders discard an invalid policy: fix the line named in the detail (keys and values are case-sensitive; lines are `key: value`), then rotate the TXT id.',
  },
  'blocked-address': {
    severity: 'error',
    title: 'Policy host resolves to a private address',
    fix: (c) =>
      `Point ${code(`mta-sts.${c.domain}`)} at a public address; senders on the internet cannot reach a private, loopback or link-local one.`,
  },
  'stale-policy-id': {
    severity: 'error',
    title: 'Stale policy ID',
    fix: (c) =>
      `The policy body changed but the TXT id did not, so senders keep the old policy until ${code('max_age')} runs out: publish a new id at ${code(`_mta-sts.${c.domain}`)} (for example a timestamp).`,
  },
  'mx-mismatch': {
    severity: 'error',
    title: 'MX not covered by policy',
    fix: (c) =>
      `Add ${code(`mx: ${c.pattern ?? c.host}`)} to the policy (or remove the stale MX record), then rotate the TXT id.${c.note ? ` ${c.note}` : ''}`,
  },
  'mx-wildcard-missing': {
    severity: 'error',
    title: 'MX wildcard missing',
    fix: (c) => `Add ${code(`mx: ${c.pattern}`)} to the policy, then rotate the TXT id.${c.note ? ` ${c.note}` : ''}`,
  },
  'cert-san-mismatch': {
    severity: 'error',
    title: 'Cert SAN mismatch',
    fix: (c) =>
      `Issue a certificate whose subjectAltName includes ${code(`mta-sts.${c.domain}`)}; senders reject the policy otherwise.`,
  },
  'cert-expired': {
    severity: 'error',
    title: 'Cert expired',
    fix: (c) => `Renew the certificate of ${code(`mta-sts.${c.domain}`)} and make sure renewal is automated.`,
  },
  'cert-untrusted': {
    severity: 'error',
    title: 'Cert not trusted',
    fix: (c) =>
      `Serve a certificate for ${code(`mta-sts.${c.domain}`)} from a public CA with the full intermediate chain; self-signed or incomplete chains make senders reject the policy.`,
  },
  'max-age-too-low': {
    severity: 'error',
    title: 'Max-age below 86400 (Google ignores this policy)',
    fix: () => 'Set `max_age` to at least 86400, preferably 604800 (a week) or more, then rotate the TXT id.',
  },
  'domain-not-found': {
    severity: 'error',
    title: 'Domain does not exist',
    fix: (c) =>
      `DNS answers that ${code(c.domain)} does not exist (NXDOMAIN), so there is nothing to configure: check the spelling (a typo is the likely cause), or wait until a new domain's registration is visible in DNS.`,
  },
  'starttls-missing': {
    severity: 'error',
    title: 'MX host does not offer STARTTLS',
    fix: (c) =>
      `Enable STARTTLS on ${code(c.host ?? '')} with a certificate valid for that name; under an MTA-STS policy senders will not deliver to it in plaintext.`,
  },
  'mx-cert-untrusted': {
    severity: 'error',
    title: 'MX certificate not trusted',
    fix: (c) =>
      `Serve a certificate for ${code(c.host ?? '')} from a public CA, with its full intermediate chain, on STARTTLS; senders enforcing MTA-STS refuse self-signed or incomplete chains.`,
  },
  'mx-cert-name-mismatch': {
    severity: 'error',
    title: 'MX certificate does not name the MX host',
    fix: (c) =>
      `Serve a certificate whose subjectAltName includes ${code(c.host ?? '')} (a wildcard covers exactly one label); senders enforcing MTA-STS check the MX name.`,
  },
  'mx-cert-expired': {
    severity: 'error',
    title: 'MX certificate expired',
    fix: (c) =>
      `Renew the certificate of ${code(c.host ?? '')} and automate its renewal; senders enforcing MTA-STS refuse an expired certificate.`,
  },
  'dane-mismatch': {
    severity: 'error',
    title: 'DANE TLSA records do not match the MX certificate',
    fix: (c) =>
      `Publish a TLSA record at ${code(`_25._tcp.${c.host}`)} that matches the certificate or key the host serves (keep the old and new one during a rollover); DANE senders will not deliver until one matches.`,
  },
  'cert-expiring-soon': {
    severity: 'warning',
    title: 'Cert expiring soon',
    fix: (c) =>
      `Renew the certificate of ${code(`mta-sts.${c.domain}`)} now; when it expires senders stop refreshing the policy.`,
  },
  'tlsrpt-missing': {
    severity: 'warning',
    title: 'TLS-RPT record missing',
    fix: (c) =>
      `Publish ${code(`_smtp._tls.${c.domain} TXT "v=TLSRPTv1; rua=mailto:tls-reports@${c.domain}"`)} to receive reports of failed deliveries. ${BOT_ENDPOINT}`,
  },
  'tlsrpt-invalid': {
    severity: 'warning',
    title: 'TLS-RPT record invalid',
    fix: (c) =>
      c.lookupFailed
        ? `Make the authoritative DNS servers of ${code(c.domain)} answer TXT queries for ${code(`_smtp._tls.${c.domain}`)}; while they fail, senders send no reports.`
        : `Publish exactly one record at ${code(`_smtp._tls.${c.domain}`)}: ${code('v=TLSRPTv1; rua=mailto:…')} (mailto: or https: URIs, comma-separated).`,
  },
  'enforce-without-tlsrpt': {
    severity: 'warning',
    title: 'Enforce mode without TLS-RPT',
    fix: (c) =>
      `In enforce mode failed deliveries are silent without reports: publish ${code(`_smtp._tls.${c.domain} TXT "v=TLSRPTv1; rua=mailto:tls-reports@${c.domain}"`)}. ${BOT_ENDPOINT}`,
  },
  'no-mx': {
    severity: 'warning',
    title: 'No MX hosts',
    fix: (c) =>
      `A policy is live but ${code(c.domain)} receives no mail through MX: publish the MX records, or switch the policy to ${code('mode: none')} if the domain sends no mail to itself.`,
  },
  'mx-cert-expiring-soon': {
    severity: 'warning',
    title: 'MX certificate expiring soon',
    fix: (c) =>
      `Renew the certificate of ${code(c.host ?? '')} now; once it expires senders enforcing MTA-STS stop delivering to it.`,
  },
  'smtp-unreachable': {
    severity: 'warning',
    title: 'MX host not reachable on port 25',
    fix: (c) =>
      `Make ${code(c.host ?? '')} accept connections on port 25 and complete the SMTP greeting. Outbound port 25 may also be filtered where the scan ran, so confirm from another network (or scan with --no-smtp).`,
  },
  'dane-unsigned': {
    severity: 'warning',
    title: 'DANE TLSA records not DNSSEC-signed',
    fix: (c) =>
      `Sign the zone of ${code(`_25._tcp.${c.host}`)} with DNSSEC (and publish its DS record), or remove the TLSA records; senders ignore TLSA records they cannot validate.`,
  },
  'max-age-short': {
    severity: 'info',
    title: 'Max-age under a week',
    fix: () => 'RFC 8461 recommends a `max_age` of weeks (604800 or more) once the policy is stable.',
  },
  'dane-present': {
    severity: 'info',
    title: 'DANE TLSA records validated and matching',
    fix: (c) =>
      `Nothing to fix; when the certificate or key of ${code(c.host ?? '')} changes, publish the new TLSA record before the switch.`,
  },
  'premature-enforce-risk': {
    severity: 'warning',
    title: 'Enforce would bounce mail now',
    fix: (c) =>
      `Stay in ${code('mode: testing')} and fix what the reports show first: ${c.note ?? 'the failing MX hosts.'} Switch to ${code('mode: enforce')} once the reports of every sender are clean.`,
  },
  'tlsrpt-failures': {
    severity: 'warning',
    title: 'Senders report TLS failures under enforce',
    fix: (c) => `Under ${code('mode: enforce')} these senders do not deliver: ${c.note ?? 'fix the failing MX hosts.'}`,
  },
  'ready-to-enforce': {
    severity: 'info',
    title: 'Ready to enforce',
    fix: (c) =>
      `In ${code(`https://mta-sts.${c.domain}/.well-known/mta-sts.txt`)} change ${code('mode: testing')} to ${code('mode: enforce')}, then publish a new id at ${code(`_mta-sts.${c.domain}`)} so senders fetch it (the detail gives both).`,
  },
};
