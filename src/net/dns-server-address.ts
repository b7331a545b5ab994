import { isIP } from 'node:net';

/** `ip`, `ip:port` or `[v6]:port`: the forms node:dns `setServers` takes. */
export function isDnsServerAddress(server: string): boolean {
  if (isIP(server) !== 0) return true;
  const bracketed = /^\[([^\]]+)\]:(\d{1,5})$/.exec(server);
  if (bracketed) return isIP(bracketed[1]!) === 6 && isPort(bracketed[2]!);
  const v4 = /^([\d.]+):(\d{1,5})$/.exec(server);
  return v4 !== null && isIP(v4[1]!) === 4 && isPort(v4[2]!);
}

function isPort(text: string): boolean {
  const port = Number(text);
  return port >= 1 && port <= 65_535;
}
