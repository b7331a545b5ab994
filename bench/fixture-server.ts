import { publishDomain, type ScanOptions, startFixtureInternet } from '../test/fixture/fixture-internet.js';
import { configured } from './domains.js';

/**
 * The fixture internet in its own process, so that serving DNS, HTTPS and SMTP does not share the event loop of
 * what is measured. Publishes bot0.example … bot<N-1>.example (enforced, all mail to mx.shared.example), sends
 * the parent the scan options, and stops when the parent disconnects.
 */
const count = Number(process.argv[2] ?? 0);
const internet = await startFixtureInternet();
for (let i = 0; i < count; i++) {
  const domain = `bot${i}.example`;
  await publishDomain(internet, domain, configured(domain, ['mx.shared.example']));
}
const ready: ScanOptions = internet.scanOptions;
process.send?.(ready);
process.on('disconnect', () => void internet.close().then(() => process.exit(0)));
