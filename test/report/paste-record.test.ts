import { describe, expect, it } from 'vitest';
import { pasteRecordLines, zoneFileLine } from '../../src/report/paste-record.js';

describe('zoneFileLine', () => {
  it('quotes the value as one character-string after the fully qualified name', () => {
    expect(zoneFileLine('_mta-sts.example.com', 'v=STSv1; id=20240101000000;')).toBe(
      '_mta-sts.example.com. IN TXT "v=STSv1; id=20240101000000;"',
    );
  });

  it('escapes quotes and backslashes, and splits a value over 255 octets into several strings', () => {
    expect(zoneFileLine('a.example', 'say "hi" \\ bye')).toBe('a.example. IN TXT "say \\"hi\\" \\\\ bye"');
    expect(zoneFileLine('a.example', `${'x'.repeat(255)}yz`)).toBe(`a.example. IN TXT "${'x'.repeat(255)}" "yz"`);
  });
});

describe('pasteRecordLines', () => {
  it('gives name, type and value for a DNS form, then the zone-file line after a zone-file comment', () => {
    expect(pasteRecordLines('_smtp._tls.example.com', 'v=TLSRPTv1; rua=mailto:tls-reports@example.com')).toEqual([
      'Name:  _smtp._tls.example.com',
      'Type:  TXT',
      'Value: v=TLSRPTv1; rua=mailto:tls-reports@example.com',
      '',
      '; zone file:',
      '_smtp._tls.example.com. IN TXT "v=TLSRPTv1; rua=mailto:tls-reports@example.com"',
    ]);
  });
});
