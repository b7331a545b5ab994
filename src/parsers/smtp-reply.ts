/** One SMTP reply (RFC 5321 §4.2): a three-digit code and its text lines, continuation lines folded in. */
export interface SmtpReply {
  code: number;
  lines: string[];
}

export type SmtpReplyRead =
  | { kind: 'reply'; reply: SmtpReply; rest: string }
  | { kind: 'incomplete' }
  | { kind: 'malformed'; line: string };

/**
 * Reads the first complete reply from what the server has sent so far: "250-…" lines continue, "250 …" (or a bare
 * "250") ends it. Lines end in CRLF; a bare LF is accepted, as most clients do.
 */
export function readSmtpReply(buffered: string): SmtpReplyRead {
  const lines: string[] = [];
  let code: number | null = null;
  let at = 0;
  for (;;) {
    const end = buffered.indexOf('\n', at);
    if (end === -1) return { kind: 'incomplete' };
    const line = buffered.slice(at, end).replace(/\r$/, '');
    at = end + 1;
    const match = /^(\d{3})([ -]|$)(.*)$/.exec(line);
    if (!match || (code !== null && Number(match[1]) !== code)) return { kind: 'malformed', line };
    code = Number(match[1]);
    lines.push(match[3]!);
    if (match[2] !== '-') return { kind: 'reply', reply: { code, lines }, rest: buffered.slice(at) };
  }
}

/** Whether an EHLO reply lists the STARTTLS extension (RFC 3207), the first line being the greeting name. */
export function offersStartTls(ehlo: SmtpReply): boolean {
  return (
    ehlo.code === 250 && ehlo.lines.slice(1).some((line) => line.trim().split(/\s+/)[0]?.toUpperCase() === 'STARTTLS')
  );
}
