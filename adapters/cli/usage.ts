export const USAGE = `Usage:
  mtasts scan <domain...> [--json] [--dns <ip[:port]>,...] [--allow-private] [--no-smtp] [--timeout <ms>]
                          [--fail-on broken|testing|never]
  mtasts tlsrpt <file...> [--json]
  mtasts discord register [--guild <id>]

Checks a domain's MTA-STS (RFC 8461) and TLS-RPT (RFC 8460) deployment the way a sending server does.

tlsrpt reads TLS-RPT aggregate reports (RFC 8460 §4, JSON or gzip) and summarises them.

Exit codes: scan: 0 scanned and --fail-on not hit, 1 --fail-on hit, 2 bad input, 3 DNS resolver unreachable (not scanned);
            tlsrpt: 0 every report accepted, 1 any rejected, 2 bad usage.
--no-smtp skips the SMTP probe of the MX hosts (port 25 is often filtered on home and cloud networks).
Environment (read as the bot reads it): MTASTS_DNS, MTASTS_ALLOW_PRIVATE=1, MTASTS_SMTP=off,
             MTASTS_DB (default data/mtasts.db), MTASTS_DATABASE_URL, NO_COLOR.
`;
