import { z } from 'zod';
import { FINDING_CODES, UNREACHABLE_CAUSES } from './finding-codes.js';

/** The JSON Report: one object per scanned domain. Field names are a public contract (CLI --json, adapters, scripts). */

export const VERDICTS = ['enforced', 'testing', 'none', 'not-configured', 'broken'] as const;
export const verdictSchema = z.enum(VERDICTS);
export type Verdict = z.infer<typeof verdictSchema>;

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export const severitySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof severitySchema>;

export const findingSchema = z.object({
  code: z.enum(FINDING_CODES),
  severity: severitySchema,
  title: z.string(),
  detail: z.string(),
  fix: z.string(),
  /** policy-unreachable only: why the policy fetch failed. Absent on every other finding. */
  cause: z.enum(UNREACHABLE_CAUSES).optional(),
});
export type Finding = z.infer<typeof findingSchema>;

export const policyModeSchema = z.enum(['enforce', 'testing', 'none']);
export type PolicyMode = z.infer<typeof policyModeSchema>;

/** What a sender meets at one MX host on port 25. */
export const mxSmtpSchema = z.object({
  /** The dialogue got as far as EHLO. */
  reached: z.boolean(),
  /** Why it did not (or why TLS failed after STARTTLS), cause first: "timeout: …", "connect: …". */
  error: z.string().nullable(),
  /** The address spoken to (or refused), null when the name did not resolve. */
  address: z.string().nullable(),
  /** STARTTLS offered in the EHLO reply; null when not reached. */
  starttls: z.boolean().nullable(),
  tlsVersion: z.string().nullable(),
  cipher: z.string().nullable(),
  /** The certificate presented after STARTTLS, judged for the MX host name; null without a TLS session. */
  cert: z
    .object({
      subject: z.string(),
      issuer: z.string(),
      san: z.array(z.string()),
      notBefore: z.string(),
      notAfter: z.string(),
      serial: z.string(),
      /** The chain the host sent verifies to a trusted root (no intermediate fetched from elsewhere). */
      trusted: z.boolean(),
      /** Valid for the MX host name (RFC 6125; a wildcard covers one label). */
      nameMatch: z.boolean(),
      /** Whole days until notAfter, negative once expired. */
      daysLeft: z.number().int(),
    })
    .nullable(),
});
export type MxSmtp = z.infer<typeof mxSmtpSchema>;

export const DANE_STATUSES = [
  'none',
  'match',
  'mismatch',
  'unsigned',
  'unusable',
  'unchecked',
  'lookup-failed',
] as const;

/** The TLSA records at _25._tcp.<host> and how they stand against what the host presented. */
export const mxDaneSchema = z.object({
  /**
   * none: no TLSA records; match: DNSSEC-validated and one matches; mismatch: validated and none matches;
   * unsigned: published but not validated (senders ignore them); unusable: validated, but no record of a usage,
   * selector and matching type SMTP can use (RFC 7672 §3.1.3: senders fall back to unauthenticated TLS); unchecked: validated, but no certificate to
   * compare (SMTP off or not reached); lookup-failed: the TLSA lookup itself failed.
   */
  status: z.enum(DANE_STATUSES),
  /** The records as in a zone file: "3 1 1 <hex>". */
  tlsa: z.array(z.string()),
});
export type MxDane = z.infer<typeof mxDaneSchema>;

export const reportSchema = z.object({
  domain: z.string(),
  verdict: verdictSchema,
  findings: z.array(findingSchema),
  /** The STSv1 TXT record as published (strings joined) and its id; null when there is none to show. */
  txt: z.object({ record: z.string(), id: z.string().nullable() }).nullable(),
  /** The policy as served: sha256 of the body bytes; mode/mx/maxAge as parsed (null where unparsable). */
  policy: z
    .object({
      sha256: z.string(),
      mode: policyModeSchema.nullable(),
      mx: z.array(z.string()),
      maxAge: z.number().int().nullable(),
    })
    .nullable(),
  /** Live MX hosts, lowest priority first; matchedBy is the policy pattern that covers the host, or null. */
  mx: z.array(
    z.object({
      host: z.string(),
      priority: z.number().int(),
      matchedBy: z.string().nullable(),
      /** The sender's gate on port 25; null when the SMTP probe was off (--no-smtp). */
      smtp: mxSmtpSchema.nullable(),
      /** DANE (RFC 7672) at this host; null when it was not looked up. */
      dane: mxDaneSchema.nullable(),
    }),
  ),
  cert: z
    .object({
      subject: z.string(),
      issuer: z.string(),
      san: z.array(z.string()),
      notBefore: z.string(),
      notAfter: z.string(),
      trusted: z.boolean(),
      sanMatch: z.boolean(),
      serial: z.string(),
    })
    .nullable(),
  tlsrpt: z.object({ record: z.string(), rua: z.array(z.string()) }).nullable(),
  /**
   * Ready to paste: each DNS record as its name and its value (what a DNS provider's form asks for), the policy body.
   * tlsrpt is null when a valid TLS-RPT record is already published.
   */
  suggestions: z.object({
    txtName: z.string(),
    txt: z.string(),
    policy: z.string(),
    tlsrptName: z.string(),
    tlsrpt: z.string().nullable(),
  }),
});
export type Report = z.infer<typeof reportSchema>;
export type CertReport = NonNullable<Report['cert']>;
export type MxRow = Report['mx'][number];
