import { z } from 'zod';
import { FINDING_CODES } from './finding-codes.js';

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
});
export type Finding = z.infer<typeof findingSchema>;

export const policyModeSchema = z.enum(['enforce', 'testing', 'none']);
export type PolicyMode = z.infer<typeof policyModeSchema>;

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
  mx: z.array(z.object({ host: z.string(), priority: z.number().int(), matchedBy: z.string().nullable() })),
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
