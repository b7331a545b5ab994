import { describe, expect, it } from 'vitest';
import { suggestions } from '../../src/report/suggestions.js';

const base = {
  domain: 'example.com',
  now: new Date('2024-03-01T12:00:00Z'),
  policyMx: [],
  liveMode: null,
  tlsrptValid: false,
  cleanHistory: true,
};
const rows = (hosts: string[]) => hosts.map((host, i) => ({ host, priority: 10 * (i + 1), matchedBy: null }));

describe('suggestions', () => {
  it('given live MX names that are not host names, then none of them enters the suggested policy', () => {
    const policy = suggestions({
      ...base,
      mxRows: rows([
        'mx1.example.com',
        'mx\u001b[31m.example.com',
        'mx2.example.com\r\nmode: none',
        'a b.example.com',
        '*.example.com',
        'mx\u0085.example.com',
      ]),
    }).policy;

    expect(policy).toBe('version: STSv1\nmode: enforce\nmx: mx1.example.com\nmax_age: 604800\n');
  });

  it('given only MX names that are not host names, then the policy suggested is mode none, with no mx line', () => {
    expect(suggestions({ ...base, mxRows: rows(['mx\u0000.example.com']) }).policy).toBe(
      'version: STSv1\nmode: none\nmax_age: 604800\n',
    );
  });
});
