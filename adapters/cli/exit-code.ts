import type { Verdict } from '../../src/report/report.js';
import type { FailOn } from './parse-args.js';

/** Exit codes: 0 the scan ran and --fail-on was not hit, 1 it was hit, 2 bad input, 3 no DNS answer: the scan did not run. */
export const EXIT = { ok: 0, failed: 1, badInput: 2, resolverUnreachable: 3 } as const;

/** --fail-on broken: any broken domain fails; testing: anything short of enforced fails; never: always 0. */
export function exitCodeFor(verdicts: Verdict[], failOn: FailOn): number {
  const failing = (v: Verdict) =>
    failOn === 'broken' ? v === 'broken' : failOn === 'testing' ? v !== 'enforced' : false;
  return verdicts.some(failing) ? EXIT.failed : EXIT.ok;
}
