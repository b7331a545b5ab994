import { inlineCode as code } from '../text/inline-code.js';

/**
 * Mail hosts run by a provider whose published advice fixes the `mx:` pattern a policy should carry, so that such
 * setups are neither falsely flagged nor given a wrong fix.
 */
export interface HostedMx {
  provider: string;
  /** The pattern the policy should carry for this host. */
  pattern: string;
  /** True when the provider's host names are per-tenant, so only a wildcard pattern keeps working. */
  needsWildcard: boolean;
  note?: string;
}

interface Rule {
  test: RegExp;
  hosted: (match: RegExpExecArray) => HostedMx;
}

const RULES: Rule[] = [
  {
    test: /^[a-z0-9-]+\.mail\.protection\.outlook\.com$/,
    hosted: () => ({
      provider: 'Microsoft 365',
      pattern: '*.mail.protection.outlook.com',
      needsWildcard: true,
      note: 'Microsoft 365 gives every tenant its own host name, so only the wildcard keeps working.',
    }),
  },
  {
    test: /^[a-z0-9-]+\.([a-z0-9]+-v1)\.mx\.microsoft$/,
    hosted: (m) => ({
      provider: 'Microsoft 365',
      pattern: `*.${m[1]}.mx.microsoft`,
      needsWildcard: true,
      note: `Not ${code('*.mx.microsoft')}: a wildcard matches exactly one label, so it cannot cover ${code(m[0])}.`,
    }),
  },
  { test: /^smtp\.google\.com$/, hosted: () => google('smtp.google.com') },
  { test: /^aspmx\.l\.google\.com$/, hosted: () => google('aspmx.l.google.com') },
  { test: /^alt\d+\.aspmx\.l\.google\.com$/, hosted: () => google('*.aspmx.l.google.com') },
  { test: /^aspmx\d+\.googlemail\.com$/, hosted: () => google('*.googlemail.com') },
];

function google(pattern: string): HostedMx {
  return { provider: 'Google Workspace', pattern, needsWildcard: false };
}

export function hostedMx(host: string): HostedMx | null {
  for (const rule of RULES) {
    const match = rule.test.exec(host);
    if (match) return rule.hosted(match);
  }
  return null;
}
