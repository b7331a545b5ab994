import { createRequire } from 'node:module';
import type { Tr46Options } from 'tr46';

// tr46's mapping table is most of what the parsers cost to load, and an ASCII name never needs it: it is loaded
// the first time a name is not ASCII.
let tr46: typeof import('tr46') | undefined;

// UTS #46 non-transitional mapping, as for user input, but lenient about what is not IDNA's business here:
// a "*" label (MX patterns) and the DNS length limits (the matchers judge the labels themselves).
const MAPPING: Tr46Options = {
  checkBidi: true,
  checkHyphens: false,
  checkJoiners: true,
  transitionalProcessing: false,
  useSTD3ASCIIRules: false,
  verifyDNSLength: false,
};

/**
 * A name with U-labels (`mx.ñaca.com`) in its A-label form (`mx.xn--aca-6ma.com`), so both spellings of one name
 * compare equal. An ASCII name, or one IDNA cannot map, is returned unchanged.
 */
export function aLabelName(name: string): string {
  if (!/[^\x00-\x7f]/.test(name)) return name;
  tr46 ??= createRequire(import.meta.url)('tr46') as typeof import('tr46');
  return tr46.toASCII(name, MAPPING) ?? name;
}
