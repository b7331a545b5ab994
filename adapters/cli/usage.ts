export const USAGE = `Usage:
  mtasts scan <domain...> [--json] [--dns <ip[:port]>,...] [--allow-private] [--no-smtp] [--timeout <ms>]
                          [--fail-on broken|testing|never]
  mtasts discord register [--guild <id>]

Checks a domain's MTA-STS (RFC 8461) and TLS-RPT (RFC 8460) deployment the way a sending server does.

Exit codes: 0 scanned and --fail-on not hit, 1 --fail-on hit, 2 bad input, 3 DNS resolver unreachable (not scanned).
--no-smtp skips the SMTP probe of the MX hosts (port 25 is often filtered on home and cloud networks).
Environment: MTASTS_DNS, MTASTS_ALLOW_PRIVATE=1, MTASTS_DB (default data/mtasts.db), NO_COLOR.
`;
