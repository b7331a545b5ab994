/** TLS-RPT reports (RFC 8460 §4) as senders write them, for the ingest tests. */

export interface ReportShape {
  organization?: string;
  reportId?: string;
  domain?: string;
  mode?: 'testing' | 'enforce';
  start?: string;
  end?: string;
  successful?: number;
  /** Failed sessions, each of one result type at one MX host from one sending MTA. */
  failures?: Array<{ resultType: string; mx: string; ip: string; count: number }>;
}

/** One sts policy entry for the domain, with `mx: mx1.<domain>` in its policy string. */
export function reportJson(shape: ReportShape = {}): string {
  const domain = shape.domain ?? 'example.com';
  const failures = shape.failures ?? [];
  return JSON.stringify({
    'organization-name': shape.organization ?? 'Google Inc.',
    'date-range': { 'start-datetime': shape.start ?? '2026-11-29T00:00:00Z', 'end-datetime': shape.end ?? '2026-11-29T23:59:59Z' },
    'contact-info': 'smtp-tls-reporting@google.com',
    'report-id': shape.reportId ?? `2026-11-29T00:00:00Z_${domain}`,
    policies: [
      {
        policy: {
          'policy-type': 'sts',
          'policy-string': ['version: STSv1', `mode: ${shape.mode ?? 'testing'}`, `mx: mx1.${domain}`, 'max_age: 604800'],
          'policy-domain': domain,
          'mx-host': [`mx1.${domain}`],
        },
        summary: {
          'total-successful-session-count': shape.successful ?? 100,
          'total-failure-session-count': failures.reduce((sum, f) => sum + f.count, 0),
        },
        'failure-details': failures.map((f) => ({
          'result-type': f.resultType,
          'sending-mta-ip': f.ip,
          'receiving-mx-hostname': f.mx,
          'failed-session-count': f.count,
        })),
      },
    ],
  });
}
