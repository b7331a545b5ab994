import { describe, expect, it } from 'vitest';
import { wildcardNameMatches } from '../../src/parsers/wildcard-name.js';

describe('wildcardNameMatches', () => {
  it('matches equal names regardless of ASCII case and of one trailing dot on either side', () => {
    expect(wildcardNameMatches('Mail.Example.COM.', 'mail.example.com', 1)).toBe(true);
    expect(wildcardNameMatches('mail.example.com', 'MAIL.example.com.', 1)).toBe(true);
  });

  it('lets a complete left-most "*" label stand for exactly one host label', () => {
    expect(wildcardNameMatches('*.example.com', 'mx1.example.com', 1)).toBe(true);
    expect(wildcardNameMatches('*.example.com', 'example.com', 1)).toBe(false);
    expect(wildcardNameMatches('*.example.com', 'a.b.example.com', 1)).toBe(false);
  });

  it('requires at least minSuffixLabels labels after the wildcard', () => {
    expect(wildcardNameMatches('*.com', 'example.com', 1)).toBe(true);
    expect(wildcardNameMatches('*.com', 'example.com', 2)).toBe(false);
    expect(wildcardNameMatches('*', 'com', 1)).toBe(false);
  });

  it('never matches a "*" outside the complete left-most label, nor a host holding "*"', () => {
    expect(wildcardNameMatches('mail.*.com', 'mail.example.com', 1)).toBe(false);
    expect(wildcardNameMatches('m*.example.com', 'mx.example.com', 1)).toBe(false);
    expect(wildcardNameMatches('*.example.com', '*.example.com', 1)).toBe(false);
  });

  it('never matches names with an empty label, two trailing dots or non-ASCII characters', () => {
    expect(wildcardNameMatches('*.example.com', '.example.com', 1)).toBe(false);
    expect(wildcardNameMatches('a..example.com', 'a..example.com', 1)).toBe(false);
    expect(wildcardNameMatches('example.com..', 'example.com', 1)).toBe(false);
    expect(wildcardNameMatches('bücher.example', 'bücher.example', 1)).toBe(false);
  });
});
