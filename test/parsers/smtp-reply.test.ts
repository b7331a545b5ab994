import { describe, expect, it } from 'vitest';
import { offersStartTls, readSmtpReply } from '../../src/parsers/smtp-reply.js';

describe('readSmtpReply (RFC 5321 §4.2)', () => {
  it('reads a one-line reply and leaves what follows', () => {
    expect(readSmtpReply('220 mx.example.com ESMTP\r\n250 next')).toEqual({
      kind: 'reply',
      reply: { code: 220, lines: ['mx.example.com ESMTP'] },
      rest: '250 next',
    });
  });

  it('folds continuation lines into one reply, up to the line with a space after the code', () => {
    const read = readSmtpReply('250-mx.example.com\r\n250-PIPELINING\r\n250 STARTTLS\r\n');
    expect(read).toEqual({
      kind: 'reply',
      reply: { code: 250, lines: ['mx.example.com', 'PIPELINING', 'STARTTLS'] },
      rest: '',
    });
  });

  it('accepts a bare code and a bare LF', () => {
    expect(readSmtpReply('220\n')).toEqual({ kind: 'reply', reply: { code: 220, lines: [''] }, rest: '' });
  });

  it('waits for the rest of a reply that has not fully arrived', () => {
    expect(readSmtpReply('250-mx.example.com\r\n250 STAR')).toEqual({ kind: 'incomplete' });
    expect(readSmtpReply('')).toEqual({ kind: 'incomplete' });
  });

  it('refuses what is not an SMTP reply, and a continuation that changes code', () => {
    expect(readSmtpReply('HTTP/1.1 400 Bad Request\r\n')).toEqual({
      kind: 'malformed',
      line: 'HTTP/1.1 400 Bad Request',
    });
    expect(readSmtpReply('250-one\r\n251 two\r\n')).toEqual({ kind: 'malformed', line: '251 two' });
  });
});

describe('offersStartTls (RFC 3207)', () => {
  it('finds STARTTLS among the EHLO keywords, in any case, but not in the greeting line', () => {
    expect(offersStartTls({ code: 250, lines: ['mx.example.com', 'SIZE 100', 'starttls'] })).toBe(true);
    expect(offersStartTls({ code: 250, lines: ['STARTTLS.example.com', 'SIZE 100'] })).toBe(false);
    expect(offersStartTls({ code: 250, lines: ['mx.example.com', 'STARTTLSX'] })).toBe(false);
    expect(offersStartTls({ code: 502, lines: ['mx.example.com', 'STARTTLS'] })).toBe(false);
  });
});
