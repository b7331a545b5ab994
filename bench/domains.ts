import type { DomainSpec } from '../test/fixture/fixture-internet.js';

const policy = (mx: string[]): string =>
  ['version: STSv1', 'mode: enforce', ...mx.map((m) => `mx: ${m}`), 'max_age: 604800', ''].join('\r\n');

/** Enforced and clean: one MX host covered by the policy, TLS-RPT published. */
export function configured(domain: string, mxHosts = [`mx1.${domain}`]): DomainSpec {
  return {
    txt: 'v=STSv1; id=20261130T000000;',
    policy: policy(mxHosts),
    mx: mxHosts.map((host, i) => [10 + i, host]),
    tlsrpt: `v=TLSRPTv1; rua=mailto:tls-reports@${domain}`,
  };
}

/** Broken: the policy is enforced but does not cover the MX host mail goes to. */
export function broken(domain: string): DomainSpec {
  return { ...configured(domain), policy: policy([`old-mx.${domain}`]) };
}

/** Not configured: mail is received (one MX host), but there is no MTA-STS record, policy host or TLS-RPT. */
export function notConfigured(domain: string): DomainSpec {
  return { mx: [[10, `mx1.${domain}`]] };
}
