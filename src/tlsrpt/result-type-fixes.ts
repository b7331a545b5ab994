import { inlineCode as code } from '../text/inline-code.js';

/** What to do about the most common failure of a domain's sessions, by RFC 8460 §4.3 result type. */
export function resultTypeFix(resultType: string, domain: string, mxHost: string | null): string {
  const mx = mxHost === null ? `the MX hosts of ${code(domain)}` : code(mxHost);
  const policyUrl = code(`https://mta-sts.${domain}/.well-known/mta-sts.txt`);
  switch (resultType) {
    case 'starttls-not-supported':
      return `Enable STARTTLS on ${mx}: senders found no TLS to use there.`;
    case 'certificate-host-mismatch':
      return `Serve a certificate on ${mx} whose subjectAltName names that MX host; the one served names another host.`;
    case 'certificate-expired':
      return `Renew the certificate served on ${mx}, and automate its renewal.`;
    case 'certificate-not-trusted':
      return `Serve a certificate on ${mx} from a public CA, with its full intermediate chain.`;
    case 'validation-failure':
      return `Check that the policy's ${code('mx:')} lines cover ${mx} and that its certificate is valid for that name.`;
    case 'sts-policy-fetch-error':
      return `Make ${policyUrl} reachable: senders could not fetch the policy (a scan of \`${domain}\` shows why).`;
    case 'sts-policy-invalid':
      return `Fix the policy file at ${policyUrl}: senders found it invalid (a scan of \`${domain}\` names the line).`;
    case 'sts-webpki-invalid':
      return `Fix the certificate of ${code(`mta-sts.${domain}`)}: senders could not validate it when fetching the policy.`;
    case 'tlsa-invalid':
    case 'dnssec-invalid':
    case 'dane-required':
      return `Fix the DANE setup of ${mx}: its TLSA records or DNSSEC chain did not validate.`;
    default:
      return `"${resultType}" is not a result type of RFC 8460; the reporting sender's documentation says what it means.`;
  }
}

/** Result types of a session refused at one MX host: under enforce, the sender would not deliver there. */
export const MX_REFUSAL_TYPES: ReadonlySet<string> = new Set([
  'starttls-not-supported',
  'certificate-host-mismatch',
  'certificate-expired',
  'certificate-not-trusted',
  'validation-failure',
]);
