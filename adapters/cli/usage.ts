export const USAGE = `Usage:
  mtasts scan <domain...> [--json] [--dns <ip[:port]>,...] [--allow-private] [--timeout <ms>]
                          [--fail-on broken|testing|never]
  mtasts tlsrpt <file...> [--json]
  mtasts discord register [--guild <id>]

Checks a domain's MTA-STS (RFC 8461) and TLS-RPT (RFC 8460) deployment the way a sending server does.

tlsrpt reads TLS-RPT aggregate reports (RFC 8460 §4, JSON or gzip) and summarises them.

Exit codes: scan: 0 scanned and --fail-on not hit, 1 --fail-on hit, 2 bad input;
            tlsrpt: 0 every report accepted, 1 any rejected, 2 bad usage.
Environment: MTASTS_DNS, MTASTS_ALLOW_PRIVATE=1, MTASTS_DB (default data/mtasts.db), NO_COLOR.
`;
