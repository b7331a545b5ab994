import { describe, expect, it } from 'vitest';
import { redactMailto } from '../../src/text/redact-mailto.js';

describe('redactMailto', () => {
  it('replaces the local part of a mailto: address and keeps the domain', () => {
    expect(redactMailto('mailto:tls-reports@example.com')).toBe('mailto:***@example.com');
  });

  it('redacts every address of a record with several rua URIs, and leaves https: URIs alone', () => {
    expect(redactMailto('v=TLSRPTv1; rua=mailto:a@x.example,https://r.example/tlsrpt; ruf=MAILTO:b.c@y.example')).toBe(
      'v=TLSRPTv1; rua=mailto:***@x.example,https://r.example/tlsrpt; ruf=MAILTO:***@y.example',
    );
  });

  it('redacts each address of a comma list inside one mailto: URI (RFC 6068 §2) and keeps the query', () => {
    expect(redactMailto('mailto:one@a.example,two@b.example?subject=tls')).toBe(
      'mailto:***@a.example,***@b.example?subject=tls',
    );
  });

  it('uses the last "@" so a local part holding an "@" is hidden entirely', () => {
    expect(redactMailto('mailto:%22x@y%22@example.com')).toBe('mailto:***@example.com');
  });

  it('hides a mailto: with no "@" at all rather than echoing it', () => {
    expect(redactMailto('rua=mailto:postmaster')).toBe('rua=mailto:***');
  });

  it('leaves text without mailto: untouched', () => {
    expect(redactMailto('contact admin@example.com')).toBe('contact admin@example.com');
  });
});
